// A family reassigned away on the agency server (store schema 12): every write to it is refused
// in one line naming who holds it now, by the store and by the triggers under it; a draft can
// still be discarded; pruning removes it whole — signed visits, an amendment and its original,
// goals and referrals — and the audit trail and record content still verify.
#include <gtest/gtest.h>

#include "securebase/core/error.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/record_audit.h"
#include "securebase/store/store.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

constexpr const char* kRefusal =
    "family Rivera family was reassigned to Bea Soto on the agency server; it is read-only here";

struct ReadOnlyFamily : ::testing::Test {
  TempDir dir;
  store::Database db{dir / "r.db"};
  store::Store store{db, "Counselor Kim"};
  SmallFamily family = addSmallFamily(store);
  SmallFamily other = addSmallFamily(store, "Ortiz family");

  model::Goal goal(std::optional<model::Id> at_visit) const {
    model::Goal g;
    g.family_id = family.family;
    g.text = "Read a story each night";
    g.set_at_visit_id = at_visit;
    g.created_on = model::Date::parse("2024-05-02").value();
    return g;
  }
};

}  // namespace

TEST_F(ReadOnlyFamily, EveryWriteIsRefusedInOneLineAndChangesNothing) {
  const model::Id signed_id =
      store.addVisit(makeVisit(family, "2024-05-02", {2, 1}), testFormSnapshot());
  store.signVisit(signed_id);
  const model::Id goal_id = store.addGoal(goal(signed_id));
  const model::Id draft = store.addVisit(makeVisit(family, "2024-05-09", {1}), testFormSnapshot());
  store.markReadOnly(family.family, "Bea Soto");
  ASSERT_EQ(store.listFamilies().at(1).read_only_held_by, "Bea Soto");  // by name: Rivera 2nd
  ASSERT_FALSE(store.listFamilies().at(0).read_only_held_by.has_value());
  const std::string before = dumpContent(db);

  auto caregiver = store.caregivers(family.family).at(0);
  caregiver.name = "Another";
  auto child = store.children(family.family).at(0);
  child.name = "Another";
  auto record = store.family(family.family);
  record.phone = "555-0100";
  model::Referral referral;
  referral.family_id = family.family;
  referral.to_whom = "Family doctor";
  referral.created_on = model::Date::parse("2024-05-09").value();
  model::Caregiver added;
  added.family_id = family.family;
  added.name = "Grandmother";
  const std::vector<std::function<void()>> writes = {
      [&] { store.addVisit(makeVisit(family, "2024-05-16", {2}), testFormSnapshot()); },
      [&] { store.amendVisit(signed_id, "typo"); },
      [&] { store.signVisit(draft); },
      [&] {
        store.saveObservation(draft, store.visit(draft).sets.at(0).id, {"i1", false, "2"});
      },
      [&] { store.updateFamily(record); },
      [&] { store.closeFamily(family.family, "moved"); },
      [&] { store.updateCaregiver(caregiver); },
      [&] { store.updateChild(child); },
      [&] { store.addCaregiver(added); },
      [&] { store.addGoal(goal(std::nullopt)); },
      [&] { store.updateGoalText(goal_id, "Sing"); },
      [&] { store.setGoalStatus(goal_id, model::GoalStatus::achieved, signed_id); },
      [&] { store.addReferral(referral); },
  };
  for (const auto& write : writes) EXPECT_EQ(errorMessageOf(write), kRefusal);
  EXPECT_EQ(dumpContent(db), before);

  // Under the store, the triggers refuse what raw SQL would do.
  const std::string id = std::to_string(family.family);
  for (const std::string& sql :
       {"UPDATE families SET phone = 'x' WHERE id = " + id,
        "UPDATE caregivers SET name = 'x' WHERE family_id = " + id,
        "UPDATE goals SET text = 'x' WHERE family_id = " + id,
        "INSERT INTO children (uuid, family_id, name, birth_date) VALUES ('u', " + id +
            ", 'x', '2024-01-01')",
        "UPDATE observations SET note = 'x' WHERE set_id IN (SELECT id FROM observation_sets "
        "WHERE visit_id = " +
            std::to_string(draft) + ")",
        "DELETE FROM visits WHERE id = " + std::to_string(signed_id)})
    EXPECT_NE(errorMessageOf([&] { db.transaction([&] { db.exec(sql); }); }), "(no error)") << sql;
  EXPECT_EQ(dumpContent(db), before);

  // The other family is as writable as ever, and a draft made by mistake can still go.
  store.addVisit(makeVisit(other, "2024-05-16", {2}), testFormSnapshot());
  store.discardVisit(draft);
  EXPECT_TRUE(store::verifyRecordContent(db).ok()) << store::verifyRecordContent(db).summary();

  // Given back, it is writable again.
  store.markWritable(family.family);
  store.addCaregiver(added);
  EXPECT_EQ(store.auditTrail("family", family.family).back().action, "writable");
}

TEST_F(ReadOnlyFamily, PruningRemovesItWholeAndTheAuditStillVerifies) {
  const model::Id original =
      store.addVisit(makeVisit(family, "2024-05-02", {2, 1}), testFormSnapshot());
  store.signVisit(original);
  const model::Id amendment = store.amendVisit(original, "wrong caregiver");
  store.signVisit(amendment);
  store.addGoal(goal(amendment));
  store.addNoReferral(family.family, amendment, "i1", "already sees her doctor");
  const model::Id kept = store.addVisit(makeVisit(other, "2024-05-03", {1}), testFormSnapshot());
  store.signVisit(kept);

  EXPECT_NE(errorMessageOf([&] { store.pruneFamily(family.family); }).find("is not read-only"),
            std::string::npos);
  store.markReadOnly(family.family, "Bea Soto");
  store.pruneFamily(family.family);

  for (const char* table : {"visits", "caregivers", "children", "goals", "referrals"})
    EXPECT_EQ(countRows(db, std::string(table)) > 0,
              std::string(table) != "goals" && std::string(table) != "referrals")
        << table;
  ASSERT_EQ(store.listFamilies().size(), 1u);
  EXPECT_EQ(store.listFamilies().at(0).family.id, other.family);
  EXPECT_EQ(countRows(db, "read_only_families"), 0);
  EXPECT_EQ(store.visit(kept).family_id, other.family);
  EXPECT_TRUE(store::verifyAuditChain(db).ok());
  EXPECT_TRUE(store::verifyRecordContent(db).ok()) << store::verifyRecordContent(db).summary();
  const auto trail = store.auditTrail("family", family.family);
  EXPECT_EQ(trail.back().action, "prune");
  EXPECT_EQ(trail.back().actor, "Counselor Kim");
  EXPECT_NE(trail.back().details.find("\"held_by\":\"Bea Soto\""), std::string::npos);
  EXPECT_EQ(store.auditTrail("visit", original).back().action, "prune");
  EXPECT_EQ(store.auditTrail("visit", amendment).back().action, "prune");
  // The signed visits of the family that stays keep their delete refusal.
  EXPECT_NE(
      errorMessageOf([&] {
        db.transaction([&] { db.exec("DELETE FROM visits WHERE id = " + std::to_string(kept)); });
      }),
      "(no error)");
}
