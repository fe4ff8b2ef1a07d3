#include "securebase/handout/personal_inputs.h"

#include <algorithm>

#include "securebase/core/error.h"
#include "securebase/forms/handout_picks.h"
#include "securebase/model/age.h"
#include "securebase/model/visit_due.h"
#include "securebase/service/visits.h"
#include "securebase/store/settings.h"

namespace securebase::handout {

namespace {

std::string settingOr(store::Store& store, const std::string& key) {
  return store.setting(key).value_or("");
}

const model::Child* findChild(const store::FamilyRecord& family, model::Id child_id) {
  for (const model::Child& child : family.children)
    if (child.id == child_id) return &child;
  return nullptr;
}

// "Ana" from "Ana Sofía Pérez": the handout speaks to the family by the baby's first name.
std::string firstName(const std::string& name) {
  const auto space = name.find(' ');
  return space == std::string::npos ? name : name.substr(0, space);
}

[[noreturn]] void nothingToPersonalise(const model::Visit& visit, const std::string& why) {
  throwBadInput("visit " + std::to_string(visit.id) + " " + why +
                ": there is nothing to personalise (print the general handout with --generic)");
}

}  // namespace

std::optional<int> ageInMonthsForAdvice(const model::Child& child, model::Date on) {
  if (const auto corrected = model::correctedAgeOn(child.birth_date, child.gestation_weeks, on))
    return corrected->months;
  if (const auto age = model::ageOn(child.birth_date, on)) return age->months;
  return std::nullopt;
}

ClinicDetails clinicFromSettings(store::Store& store) {
  ClinicDetails clinic;
  clinic.name = settingOr(store, store::setting::clinic_name);
  clinic.phone = settingOr(store, store::setting::clinic_phone);
  clinic.address = settingOr(store, store::setting::clinic_address);
  clinic.help_lines = settingOr(store, store::setting::clinic_help_lines);
  clinic.crisis_line = settingOr(store, store::setting::clinic_crisis_line);
  clinic.website = settingOr(store, store::setting::clinic_website);
  if (const std::string logo = settingOr(store, store::setting::clinic_logo); !logo.empty())
    clinic.logo_png = readLogo(logo);
  return clinic;
}

pdf::PaperSize paperFromSettings(store::Store& store) {
  return settingOr(store, store::setting::paper_size) == "a4" ? pdf::PaperSize::a4
                                                              : pdf::PaperSize::letter;
}

model::Language defaultLanguage(store::Store& store) {
  return model::parseLanguage(settingOr(store, store::setting::default_language))
      .value_or(model::Language::en);
}

CounselorContact counselorFromSettings(store::Store& store) {
  return {settingOr(store, store::setting::counselor_name),
          settingOr(store, store::setting::counselor_phone),
          settingOr(store, store::setting::counselor_email)};
}

VisitPicks picksForSet(const store::FamilyRecord& family, const model::ObservationSet& set,
                       const forms::Form& form, model::Language language) {
  const model::Child* child = findChild(family, set.child_id);
  const std::string name = child != nullptr ? firstName(child->name) : "";
  const model::Sex sex = child != nullptr ? child->sex : model::Sex::unknown;
  VisitPicks picks;
  // A mid-level rating is both a strength and something to try: it is only offered to try.
  const auto tries = forms::thingsToTry(form, set, language, name, sex, kMaxThingsToTry);
  const auto strengths = forms::strengths(form, set, language, name, sex, form.itemCount());
  for (const auto& point : tries) picks.things_to_try.push_back(point.text);
  for (const auto& point : strengths) {
    if (picks.strengths.size() >= kMaxStrengths) break;
    const bool also_to_try = std::any_of(tries.begin(), tries.end(),
                                         [&](const auto& t) { return t.item_id == point.item_id; });
    if (!also_to_try) picks.strengths.push_back(point.text);
  }
  return picks;
}

PersonalInputs personalInputsFrom(const store::FamilyRecord& family, const model::Visit& visit,
                                  const forms::Form& form, const CounselorContact& counselor,
                                  HandoutBasics basics, std::optional<model::Language> language) {
  if (visit.outcome != model::VisitOutcome::completed)
    nothingToPersonalise(visit, "was " + std::string(model::toString(visit.outcome)));
  if (visit.sets.empty()) nothingToPersonalise(visit, "has no observations");

  PersonalInputs inputs;
  inputs.basics = std::move(basics);
  inputs.basics.language = language.value_or(family.family.language);
  const model::Language lang = inputs.basics.language;
  inputs.visit_date = visit.date;

  const model::ObservationSet& set = visit.sets.front();
  const model::Child* child = findChild(family, set.child_id);
  const std::string name = child != nullptr ? firstName(child->name) : "";
  inputs.sex = child != nullptr ? child->sex : model::Sex::unknown;
  if (child != nullptr) inputs.age_months = ageInMonthsForAdvice(*child, visit.date);
  if (!name.empty()) inputs.child_names.push_back(name);
  for (const model::ObservationSet& other : visit.sets) {
    const model::Child* twin = findChild(family, other.child_id);
    if (twin == nullptr || twin->id == set.child_id) continue;
    const std::string twin_name = firstName(twin->name);
    if (std::find(inputs.child_names.begin(), inputs.child_names.end(), twin_name) ==
        inputs.child_names.end())
      inputs.child_names.push_back(twin_name);
  }

  VisitPicks picks = picksForSet(family, set, form, lang);
  inputs.strengths = std::move(picks.strengths);
  inputs.things_to_try = std::move(picks.things_to_try);
  if (inputs.strengths.empty() && inputs.things_to_try.empty())
    nothingToPersonalise(visit, "has no rated practices");

  // A goal set again at a later visit is the same goal to the parent: listed once.
  for (const model::Goal& goal : family.goals)
    if (goal.status == model::GoalStatus::open &&
        std::find(inputs.open_goals.begin(), inputs.open_goals.end(), goal.text) ==
            inputs.open_goals.end())
      inputs.open_goals.push_back(goal.text);
  inputs.next_visit =
      visit.next_planned
          ? visit.next_planned
          : model::nextVisitDue(model::LatestCompletedVisit{visit.date, std::nullopt},
                                family.family.visit_frequency_days);
  inputs.counselor_name = counselor.name;
  inputs.counselor_phone = counselor.phone;
  inputs.counselor_email = counselor.email;
  return inputs;
}

PersonalInputs personalInputsForVisit(store::Store& store, const forms::FormCatalog& catalog,
                                      model::Id visit_id, std::optional<model::Language> language) {
  const model::Visit visit = store.visit(visit_id);
  // The visit's own observations are in `visit`; the family gives names, ages and goals.
  const store::FamilyRecord family =
      store.loadFamily(visit.family_id, store::Store::VisitDetail::rows_only);
  const forms::Form form = service::formFor(store, catalog, visit.form_id, visit.form_version);
  CounselorContact counselor = counselorFromSettings(store);
  if (visit.counselor_id) {
    for (const model::Counselor& row : store.counselors())
      if (row.id == *visit.counselor_id) {
        // The counselor profile in settings often holds the contact the row lacks.
        const bool same = row.name == counselor.name;
        counselor = {row.name, row.phone.empty() && same ? counselor.phone : row.phone,
                     row.email.empty() && same ? counselor.email : row.email};
      }
  }
  HandoutBasics basics;
  basics.paper = paperFromSettings(store);
  basics.clinic = clinicFromSettings(store);
  basics.printed_on = model::Date::today();
  return personalInputsFrom(family, visit, form, counselor, std::move(basics), language);
}

}  // namespace securebase::handout
