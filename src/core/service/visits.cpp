#include "securebase/service/visits.h"

#include "securebase/core/error.h"
#include "securebase/forms/answers.h"
#include "securebase/forms/form_loader.h"

namespace securebase::service {

store::FormSnapshot snapshotOf(const forms::Form& form) {
  return {form.id, form.version, form.sha256, form.json_text};
}

forms::Form formFor(store::Store& store, const forms::FormCatalog& catalog, const std::string& id,
                    int version) {
  const forms::Form* file = catalog.find(id, version);
  const auto snapshot = store.formSnapshot(id, version);
  const std::string name = "form " + id + " version " + std::to_string(version);
  if (snapshot) {
    if (file != nullptr && file->sha256 != snapshot->sha256)
      throwBadInput(
          errorText("form {1} version {2} in {3} has changed since visits used it; give "
                    "the changed form a new version",
                    id, version, file->source_name));
    return forms::parseForm(snapshot->json, "stored snapshot of " + name);
  }
  if (file == nullptr)
    throwNotFound(errorText("no form {1} version {2} in the forms folder", id, version));

  return *file;
}

model::Id recordVisit(store::Store& store, const forms::FormCatalog& catalog,
                      const model::Visit& visit) {
  const forms::Form form = formFor(store, catalog, visit.form_id, visit.form_version);
  for (const auto& set : visit.sets) forms::validateObservationSet(form, set);
  return store.addVisit(visit, snapshotOf(form));
}

bool saveAnswer(store::Store& store, model::Id visit_id, model::Id set_id, const forms::Item& item,
                const model::Observation& answer) {
  const bool nothing_left =
      answer.value.empty() && !answer.not_observed && answer.note.empty() && !answer.focus;
  if (nothing_left) {
    store.clearObservation(visit_id, set_id, item.id);
    return false;
  }
  forms::validateObservation(item, answer);
  store.saveObservation(visit_id, set_id, answer);
  return true;
}

std::vector<std::string> unansweredBeforeSigning(const forms::Form& form,
                                                 const model::Visit& visit) {
  std::vector<std::string> missing;
  if (visit.outcome != model::VisitOutcome::completed) return missing;
  for (const auto& set : visit.sets)
    for (const auto& item : forms::unansweredItems(form, set))
      missing.push_back(visit.sets.size() > 1
                            ? item + " (caregiver " + std::to_string(set.caregiver_id) +
                                  ", child " + std::to_string(set.child_id) + ")"
                            : item);
  return missing;
}

}  // namespace securebase::service
