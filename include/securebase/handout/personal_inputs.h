// Gathering what a personalised handout says from the database, for one visit. Only parent
// texts of rated practices (forms::strengths / forms::thingsToTry), the family's open goals, the
// next visit and the counselor's contact leave the store this way: never wellbeing items,
// concern flags, referrals or scores, because anyone in the household may read the handout.
#pragma once

#include <optional>

#include "securebase/forms/form.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/handout/builder.h"
#include "securebase/store/store.h"

namespace securebase::handout {

// Clinic details and paper size from the settings (clinic.*, paper.size); reads the logo file
// named by clinic.logo (Error(not_found) when it is gone).
ClinicDetails clinicFromSettings(store::Store& store);
pdf::PaperSize paperFromSettings(store::Store& store);
// default.language, else English.
model::Language defaultLanguage(store::Store& store);

// The counselor to name on the handout when the visit has none: settings counselor.*.
struct CounselorContact {
  std::string name;
  std::string phone;
  std::string email;
};
CounselorContact counselorFromSettings(store::Store& store);

// "What we saw today" and "Things to try this week" for one caregiver–child pair of a visit:
// the one answer the visit editor's live preview and the handout PDF both give. The child is
// named by first name; at most kMaxStrengths strengths and kMaxThingsToTry things to try, a
// practice offered to try never also listed as a strength.
struct VisitPicks {
  std::vector<std::string> strengths;
  std::vector<std::string> things_to_try;
};
VisitPicks picksForSet(const store::FamilyRecord& family, const model::ObservationSet& set,
                       const forms::Form& form, model::Language language);

// The age that picks a handout's age-matched sections: whole months on `on`, corrected for
// prematurity under 2 years (model::correctedAgeOn); nullopt before the birth.
std::optional<int> ageInMonthsForAdvice(const model::Child& child, model::Date on);

// Pure: the personal part of the inputs for `visit` of `family`, read with `form`, in
// `language` (the family's language when not given). `basics` is copied in with the language
// set. Throws Error(bad_input) when the visit was missed or cancelled or nothing parent-facing
// was rated ("nothing to personalise").
PersonalInputs personalInputsFrom(const store::FamilyRecord& family, const model::Visit& visit,
                                  const forms::Form& form, const CounselorContact& counselor,
                                  HandoutBasics basics,
                                  std::optional<model::Language> language = std::nullopt);

// Everything for the visit with id `visit_id`, printed today. Error(not_found) for an unknown
// visit; bad_input as personalInputsFrom.
PersonalInputs personalInputsForVisit(store::Store& store, const forms::FormCatalog& catalog,
                                      model::Id visit_id,
                                      std::optional<model::Language> language = std::nullopt);

}  // namespace securebase::handout
