// A personalised handout built from a real database goes home: whatever the visit recorded
// about the caregiver's wellbeing, concerns, referrals or scores must never reach it.
#include <gtest/gtest.h>

#include "build_paths.h"
#include "handout_test_support.h"
#include "securebase/core/error.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/handout/personal_inputs.h"
#include "securebase/service/visits.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"
#include "test_key.h"

namespace securebase::handout {

using namespace testing;
using securebase::testing::TempDir;

namespace {

class HouseholdHandout : public ::testing::Test {
 protected:
  void SetUp() override {
    family_.display_name = "Kowalski family";
    family_.language = model::Language::en;
    family_.created_on = today_.plusDays(-200);
    family_.id = store_.addFamily(family_);
    caregiver_ = store_.addCaregiver({0, "", family_.id, "Ewa", "mother"});
    child_ = addChild("Łucja Maria", model::Sex::female);
    store_.setSetting("counselor.name", "María López");
    store_.setSetting("counselor.phone", "(555) 010-2311");
    store_.setSetting("clinic.name", "Eastside Family Clinic");
  }

  model::Id addChild(const std::string& name, model::Sex sex) {
    model::Child child;
    child.family_id = family_.id;
    child.name = name;
    child.birth_date = today_.plusDays(-120);
    child.sex = sex;
    return store_.addChild(child);
  }

  const forms::Form& form() const { return *catalog_.latest("attachment-practices"); }

  model::Visit visitWith(std::vector<model::Observation> observations,
                         std::optional<model::Id> twin = std::nullopt) {
    model::Visit visit;
    visit.family_id = family_.id;
    visit.date = today_.plusDays(-3);
    visit.form_id = form().id;
    visit.form_version = form().version;
    visit.notes = "VISIT-NOTE-PRIVATE";
    visit.sets.push_back({0, caregiver_, child_, observations});
    if (twin) visit.sets.push_back({0, caregiver_, *twin, observations});
    return visit;
  }

  // Every parent-facing practice rated (0, 1, 2 in turn), every wellbeing item rated, the
  // concern answered yes with urgent help as the next step.
  std::vector<model::Observation> fullVisit() const {
    std::vector<model::Observation> observations;
    int n = 0;
    for (const auto& section : form().sections)
      for (const auto& item : section.items) {
        model::Observation o;
        o.item_id = item.id;
        if (item.kind == forms::ItemKind::rating)
          o.value = std::to_string(section.is_private ? 0 : n++ % 3);
        else if (item.kind == forms::ItemKind::yesno)
          o.value = "yes";
        else if (item.kind == forms::ItemKind::single_choice)
          o.value = item.options.back().id;
        else
          continue;
        o.note = "NOTE-" + item.id;
        observations.push_back(o);
      }
    return observations;
  }

  std::string handoutText(model::Id visit_id) {
    const PersonalInputs inputs = personalInputsForVisit(store_, catalog_, visit_id);
    const auto content = loadHandoutContent("infant-attachment", inputs.basics.language);
    return flattened(
        pdfText(writeHandout(buildPersonalisedHandout(content, inputs), dir_ / "h.pdf").file));
  }

  TempDir dir_;
  store::Database db_{dir_ / "t.db", {.key = securebase::testing::kTestKey}};
  store::Store store_{db_, "test"};
  forms::FormCatalog catalog_ =
      forms::FormCatalog::load(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms");
  model::Date today_ = model::Date::today();
  model::Family family_;
  model::Id caregiver_ = 0;
  model::Id child_ = 0;
};

}  // namespace

TEST_F(HouseholdHandout, NeverShowsWellbeingConcernsReferralsNotesOrScores) {
  const model::Id visit_id = service::recordVisit(store_, catalog_, visitWith(fullVisit()));
  store_.addReferral({0, "", family_.id, visit_id, "Perinatal mental health team",
                      "low mood after screening", model::ReferralStatus::open, today_});
  model::Goal goal;
  goal.family_id = family_.id;
  goal.text = "Take a walk with Łucja every morning.";
  goal.created_on = today_;
  store_.addGoal(goal);
  goal.text = "An old goal that was reached.";
  const model::Id reached = store_.addGoal(goal);
  store_.setGoalStatus(reached, model::GoalStatus::achieved, visit_id);

  const std::string text = handoutText(visit_id);
  ASSERT_NE(text.find("What we saw today"), std::string::npos);
  EXPECT_NE(text.find("Łucja"), std::string::npos);
  EXPECT_EQ(text.find("Łucja Maria"), std::string::npos) << "first names only";
  EXPECT_NE(text.find("Take a walk with Łucja every morning."), std::string::npos);
  EXPECT_EQ(text.find("An old goal"), std::string::npos);
  EXPECT_NE(text.find("María López"), std::string::npos);

  std::vector<std::string> forbidden = {
      "Perinatal", "low mood", "NOTE-",   "VISIT-NOTE", "%",         "referral", "Referral",
      "score",     "Score",    "concern", "Concern",    "wellbeing", "Wellbeing"};
  for (const auto& section : form().sections) {
    if (!section.is_private) continue;
    forbidden.push_back(section.title.get(model::Language::en));
    for (const auto& item : section.items) {
      forbidden.push_back(item.label.get(model::Language::en));
      for (const auto& option : item.options) forbidden.push_back(option.label.get("en"));
    }
  }
  for (const auto& level : form().scales.front().levels)
    forbidden.push_back(level.label.get(model::Language::en));
  for (const auto& word : forbidden)
    EXPECT_EQ(text.find(word), std::string::npos) << "\"" << word << "\" reached the handout";
}

// A goal recorded twice with the same words (two visits set it again) is listed once.
TEST_F(HouseholdHandout, AGoalRecordedTwiceIsListedOnce) {
  const model::Id visit_id = service::recordVisit(store_, catalog_, visitWith(fullVisit()));
  model::Goal goal;
  goal.family_id = family_.id;
  goal.text = "Ask family to help with meals.";
  goal.created_on = today_;
  store_.addGoal(goal);
  store_.addGoal(goal);
  goal.text = "Sleep when the baby sleeps.";
  store_.addGoal(goal);
  const PersonalInputs inputs = personalInputsForVisit(store_, catalog_, visit_id);
  EXPECT_EQ(inputs.open_goals, (std::vector<std::string>{"Ask family to help with meals.",
                                                         "Sleep when the baby sleeps."}));
}

TEST_F(HouseholdHandout, MidLevelRatingIsOfferedToTryNotAlsoAsAStrength) {
  const auto inputs = [&] {
    const model::Id id = service::recordVisit(store_, catalog_,
                                              visitWith({{"soft-voice", false, "1", "", false},
                                                         {"gentle-touch", false, "2", "", false}}));
    return personalInputsForVisit(store_, catalog_, id);
  }();
  ASSERT_EQ(inputs.things_to_try.size(), 1u);
  EXPECT_NE(inputs.things_to_try[0].find("soft, slow voice"), std::string::npos);
  ASSERT_EQ(inputs.strengths.size(), 1u);
  EXPECT_NE(inputs.strengths[0].find("gentle touch"), std::string::npos);
  EXPECT_EQ(inputs.child_names, std::vector<std::string>{"Łucja"});
  ASSERT_TRUE(inputs.next_visit.has_value());
  EXPECT_EQ(*inputs.next_visit, today_.plusDays(-3 + family_.visit_frequency_days));
}

TEST_F(HouseholdHandout, TwinsAreBothNamed) {
  const model::Id twin = addChild("Leo", model::Sex::male);
  const model::Id id = service::recordVisit(
      store_, catalog_, visitWith({{"soft-voice", false, "2", "", false}}, twin));
  const std::string text = handoutText(id);
  EXPECT_NE(text.find("Made for Łucja and Leo"), std::string::npos) << text;
}

TEST_F(HouseholdHandout, MissedOrUnratedVisitHasNothingToPersonalise) {
  model::Visit missed = visitWith({});
  missed.outcome = model::VisitOutcome::missed;
  missed.sets.clear();
  const model::Id missed_id = service::recordVisit(store_, catalog_, missed);
  const model::Id unrated_id = service::recordVisit(
      store_, catalog_,
      visitWith({{"soft-voice", true, "", "", false}, {"rested", false, "2", "", false}}));
  for (const model::Id id : {missed_id, unrated_id}) {
    try {
      personalInputsForVisit(store_, catalog_, id);
      FAIL() << "visit " << id << " has nothing to personalise";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::bad_input);
      EXPECT_NE(std::string(e.what()).find("nothing to personalise"), std::string::npos);
      EXPECT_NE(std::string(e.what()).find("--generic"), std::string::npos);
    }
  }
  EXPECT_THROW(personalInputsForVisit(store_, catalog_, 999999), Error);
}

}  // namespace securebase::handout
