#include "visit_dates.h"

#include "securebase/core/error.h"
#include "securebase/store/database.h"

namespace securebase::store {

// Dates compare as ISO-8601 text.
void requirePlausibleVisitDate(Database& db, const model::Visit& v) {
  auto family = db.prepare("SELECT created_on FROM families WHERE id = ?");
  family.bind(1, v.family_id);
  if (family.step() && v.date.iso() < family.text(0))
    throwBadInput("visit date " + v.date.iso() + " is before the family joined the program (" +
                  family.text(0) + ")");
  auto child = db.prepare("SELECT name, birth_date FROM children WHERE id = ?");
  for (const auto& set : v.sets) {
    child.reset();
    child.bind(1, set.child_id);
    if (child.step() && v.date.iso() < child.text(1))
      throwBadInput("visit date " + v.date.iso() + " is before " + child.text(0) + " was born (" +
                    child.text(1) + ")");
  }
}

}  // namespace securebase::store
