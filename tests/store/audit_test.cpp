// Every change writes one audit row saying when, who, what entity, what action, what changed.
#include <gtest/gtest.h>

#include "securebase/core/error.h"
#include "securebase/store/store.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

TEST(Audit, RecordsEachChangeWithWhoAndWhat) {
  TempDir dir;
  store::Database db(dir / "a.db");
  store::Store store(db, "Counselor Kim");
  auto family = addSmallFamily(store);  // family, caregiver, child
  const auto visit = store.addVisit(makeVisit(family, "2024-05-02", {2}), testFormSnapshot());
  const auto set = store.visit(visit).sets.at(0).id;
  store.saveObservation(visit, set, {"i1", false, "1", "calmer today", false});
  store.saveObservation(visit, set, {"i1", false, "1", "calmer today", false});  // no change
  store.signVisit(visit);
  store.setSetting("clinic.name", "Clínica Esperanza");
  model::Goal goal;
  goal.family_id = family.family;
  goal.text = "Read a book together each night";
  const auto goal_id = store.addGoal(goal);
  store.setGoalStatus(goal_id, model::GoalStatus::achieved, visit);

  const auto trail = store.auditTrail();
  std::vector<std::string> actions;
  for (const auto& e : trail) {
    actions.push_back(e.entity + ":" + e.action);
    EXPECT_EQ(e.actor, "Counselor Kim");
    EXPECT_EQ(e.at.size(), 20u) << e.at;  // 2026-11-28T18:30:05Z
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"family:create", "caregiver:create", "child:create",
                                               "visit:create", "observation:update",
                                               // the signer becomes a counselor record
                                               "counselor:create", "visit:sign", "settings:set",
                                               "goal:create", "goal:update"}));
  EXPECT_NE(trail[4].details.find("calmer today"), std::string::npos);
  EXPECT_NE(trail[4].details.find("\"before\""), std::string::npos);
  EXPECT_NE(trail[7].details.find("Clínica Esperanza"), std::string::npos);
  EXPECT_NE(trail[9].details.find("achieved"), std::string::npos);
  EXPECT_EQ(store.auditTrail("goal", goal_id).size(), 2u);
}

TEST(Audit, ARefusedChangeWritesNoAuditRow) {
  TempDir dir;
  store::Database db(dir / "a.db");
  store::Store store(db, "test");
  addSmallFamily(store);
  const auto rows = countRows(db, "audit_log");
  EXPECT_ANY_THROW(store.setSetting("no.such.key", "x"));
  EXPECT_ANY_THROW(store.addCaregiver({0, "", 12345, "Nobody", ""}));
  model::Family bad;
  bad.display_name = std::string("bad\xff", 4);
  EXPECT_ANY_THROW(store.addFamily(bad));
  EXPECT_EQ(countRows(db, "audit_log"), rows);
}

TEST(Audit, CorrectionsToCaregiversAndChildrenAreCheckedAndAudited) {
  TempDir dir;
  store::Database db(dir / "a.db");
  store::Store store(db, "Counselor Kim");
  auto family = addSmallFamily(store);
  model::Child child = store.children(family.family).at(0);
  child.name = "Sofía Inés";
  child.gestation_weeks = 34;
  store.updateChild(child);
  EXPECT_EQ(store.children(family.family).at(0).name, "Sofía Inés");
  EXPECT_EQ(store.children(family.family).at(0).gestation_weeks, 34);
  model::Caregiver caregiver = store.caregivers(family.family).at(0);
  caregiver.relationship = "grandmother";
  store.updateCaregiver(caregiver);
  EXPECT_EQ(store.caregivers(family.family).at(0).relationship, "grandmother");

  const auto child_rows = store.auditTrail("child", family.child);
  ASSERT_EQ(child_rows.size(), 2u);
  EXPECT_NE(child_rows[1].details.find("Sofía Inés"), std::string::npos);
  EXPECT_NE(child_rows[1].details.find("gestation_weeks"), std::string::npos);
  EXPECT_EQ(store.auditTrail("caregiver", family.caregiver).size(), 2u);

  const std::string before = dumpContent(db);
  child.birth_date = model::Date::today().plusDays(3);
  EXPECT_THROW(store.updateChild(child), Error);
  child = store.children(family.family).at(0);
  child.name = "";
  EXPECT_THROW(store.updateChild(child), Error);
  caregiver.id = 999;
  EXPECT_THROW(store.updateCaregiver(caregiver), Error);
  EXPECT_EQ(dumpContent(db), before);
}

TEST(Audit, CorrectionsToGoalsAndReferralsKeepTheirStatus) {
  TempDir dir;
  store::Database db(dir / "a.db");
  store::Store store(db, "Counselor Kim");
  auto family = addSmallFamily(store);
  model::Goal goal;
  goal.family_id = family.family;
  goal.text = "Read togther";
  const auto goal_id = store.addGoal(goal);
  store.setGoalStatus(goal_id, model::GoalStatus::achieved, std::nullopt);
  store.updateGoalText(goal_id, "Read together each night");
  EXPECT_EQ(store.goals(family.family).at(0).text, "Read together each night");
  EXPECT_EQ(store.goals(family.family).at(0).status, model::GoalStatus::achieved);
  model::Referral referral;
  referral.family_id = family.family;
  referral.to_whom = "Family doctr";
  const auto referral_id = store.addReferral(referral);
  store.updateReferral(referral_id, "Family doctor", "Sleep worries");
  EXPECT_EQ(store.referrals(family.family).at(0).to_whom, "Family doctor");
  EXPECT_EQ(store.referrals(family.family).at(0).reason, "Sleep worries");
  EXPECT_EQ(store.referrals(family.family).at(0).status, model::ReferralStatus::open);
  EXPECT_NE(store.auditTrail("goal", goal_id).back().details.find("each night"), std::string::npos);
  EXPECT_EQ(store.auditTrail("referral", referral_id).back().action, "update");

  const std::string before = dumpContent(db);
  EXPECT_THROW(store.updateGoalText(goal_id, "  "), Error);
  EXPECT_THROW(store.updateGoalText(9999, "x"), Error);
  EXPECT_THROW(store.updateReferral(referral_id, "", "x"), Error);
  EXPECT_EQ(dumpContent(db), before);
}
