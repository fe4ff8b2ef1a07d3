#include "visit_dates.h"

#include "securebase/core/error.h"
#include "securebase/store/database.h"

namespace securebase::store {

// Dates compare as ISO-8601 text.
void requirePlausibleVisitDate(Database& db, const model::Visit& v) {
  auto family = db.prepare("SELECT created_on FROM families WHERE id = ?");
  family.bind(1, v.family_id);
  if (family.step() && v.date.iso() < family.text(0))
    // TRANSLATORS: {1} the visit date, {2} the day the family joined (YYYY-MM-DD).
    throwBadInput(errorText("visit date {1} is before the family joined the program ({2})",
                            v.date.iso(), family.text(0)));
  auto child = db.prepare("SELECT name, birth_date FROM children WHERE id = ?");
  for (const auto& set : v.sets) {
    child.reset();
    child.bind(1, set.child_id);
    if (child.step() && v.date.iso() < child.text(1))
      // TRANSLATORS: {1} the visit date, {2} the child's name, {3} the date of birth.
      throwBadInput(errorText("visit date {1} is before {2} was born ({3})", v.date.iso(),
                              child.text(0), child.text(1)));
  }
}

}  // namespace securebase::store
