#include "visit_fixture.h"

#include <algorithm>

#include "securebase/service/visits.h"

namespace securebase::testing {

model::Id recordRatedDraft(store::Store& store, const forms::FormCatalog& catalog,
                           const TestFamily& family, int days_ago, int level, bool concern) {
  const forms::Form& form = *catalog.latest("attachment-practices");
  model::Visit visit;
  visit.family_id = family.family;
  visit.date = model::Date::today().plusDays(-days_ago);
  visit.form_id = form.id;
  visit.form_version = form.version;
  model::ObservationSet set;
  set.caregiver_id = family.caregiver;
  set.child_id = family.child;
  for (const auto& section : form.sections)
    for (const auto& item : section.items) {
      model::Observation o;
      o.item_id = item.id;
      if (item.kind == forms::ItemKind::rating && item.scale)
        o.value = std::to_string(std::clamp(level, item.scale->minimum(), item.scale->maximum()));
      else if (item.kind == forms::ItemKind::yesno)
        o.value = item.concern && concern ? "yes" : "no";
      else
        continue;
      set.observations.push_back(o);
    }
  visit.sets.push_back(set);
  return service::recordVisit(store, catalog, visit);
}

model::Id recordRatedVisit(store::Store& store, const forms::FormCatalog& catalog,
                           const TestFamily& family, int days_ago, int level, bool concern) {
  const auto id = recordRatedDraft(store, catalog, family, days_ago, level, concern);
  store.signVisit(id);
  return id;
}

}  // namespace securebase::testing
