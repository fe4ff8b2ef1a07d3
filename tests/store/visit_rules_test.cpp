// Signed visits are records: the store and a trigger both refuse edits; amendments supersede.
#include <gtest/gtest.h>

#include "securebase/core/error.h"
#include "securebase/store/store.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

struct SignedVisit : ::testing::Test {
  TempDir dir;
  store::Database db{dir / "v.db"};
  store::Store store{db, "Counselor Kim"};
  SmallFamily family = addSmallFamily(store);
  model::Id visit_id = 0;
  model::Id set_id = 0;

  void SetUp() override {
    visit_id = store.addVisit(makeVisit(family, "2024-05-02", {2, 1, 0}), testFormSnapshot());
    set_id = store.visit(visit_id).sets.at(0).id;
    store.signVisit(visit_id);
  }
};

}  // namespace

TEST_F(SignedVisit, StoreRefusesEveryEdit) {
  const std::string before = dumpContent(db);
  model::Visit v = store.visit(visit_id);
  v.notes = "changed";
  EXPECT_THROW(store.updateVisitHeader(v), Error);
  EXPECT_THROW(store.saveObservation(visit_id, set_id, {"i1", false, "0", "", false}), Error);
  EXPECT_THROW(store.clearObservation(visit_id, set_id, "i1"), Error);
  EXPECT_THROW(store.addObservationSet(visit_id, family.caregiver, family.child), Error);
  EXPECT_THROW(store.signVisit(visit_id), Error);
  EXPECT_EQ(dumpContent(db), before);
}

TEST_F(SignedVisit, TriggersRefuseRawSql) {
  const std::string before = dumpContent(db);
  for (const std::string& sql :
       {"UPDATE visits SET notes = 'x' WHERE id = " + std::to_string(visit_id),
        "UPDATE visits SET status = 'draft' WHERE id = " + std::to_string(visit_id),
        "DELETE FROM visits WHERE id = " + std::to_string(visit_id),
        "UPDATE observations SET value = '0' WHERE set_id = " + std::to_string(set_id),
        "DELETE FROM observations WHERE set_id = " + std::to_string(set_id),
        "INSERT INTO observations (set_id, item_id, value) VALUES (" + std::to_string(set_id) +
            ", 'new', '1')",
        "DELETE FROM observation_sets WHERE id = " + std::to_string(set_id),
        std::string("UPDATE audit_log SET actor = 'x'"), std::string("DELETE FROM audit_log")}) {
    try {
      db.exec(sql);
      ADD_FAILURE() << "accepted: " << sql;
    } catch (const Error& e) {
      EXPECT_TRUE(std::string(e.what()).find("cannot be") != std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(dumpContent(db), before);
}

TEST_F(SignedVisit, AmendmentSupersedesOnceSignedAndOriginalStaysReadable) {
  const model::Id amendment = store.amendVisit(visit_id, "Corrected a rating");
  // One amendment in progress at a time.
  EXPECT_THROW(store.amendVisit(visit_id, "Corrected a rating"), Error);
  const model::Id amendment_set = store.visit(amendment).sets.at(0).id;
  store.saveObservation(amendment, amendment_set, {"i3", false, "2", "corrected", false});

  // A draft amendment does not yet replace the signed original.
  EXPECT_FALSE(store.visit(visit_id).superseded_by);
  EXPECT_EQ(countRows(db, "current_visits"), 1);

  store.signVisit(amendment);
  const model::Visit original = store.visit(visit_id);
  ASSERT_TRUE(original.superseded_by);
  EXPECT_EQ(*original.superseded_by, amendment);
  EXPECT_EQ(original.sets.at(0).find("i3")->value, "0");  // unchanged, still readable
  EXPECT_EQ(store.visit(amendment).sets.at(0).find("i3")->value, "2");

  // Counted once: only the amendment is current.
  auto current = db.prepare("SELECT id FROM current_visits");
  ASSERT_TRUE(current.step());
  EXPECT_EQ(current.integer(0), amendment);
  EXPECT_FALSE(current.step());
  // Amend the latest revision instead.
  EXPECT_THROW(store.amendVisit(visit_id, "Corrected a rating"), Error);
}

TEST(VisitRules, RefusesAFutureDateAndChangesNothing) {
  TempDir dir;
  store::Database db(dir / "v.db");
  store::Store store(db, "test");
  auto family = addSmallFamily(store);
  const std::string before = dumpContent(db);
  const auto tomorrow = model::Date::today().plusDays(1).iso();
  EXPECT_THROW(store.addVisit(makeVisit(family, tomorrow, {1}), testFormSnapshot()), Error);
  EXPECT_EQ(dumpContent(db), before);
}

TEST(VisitRules, AFormChangedUnderTheSameVersionIsRefused) {
  TempDir dir;
  store::Database db(dir / "v.db");
  store::Store store(db, "test");
  auto family = addSmallFamily(store);
  store.addVisit(makeVisit(family, "2024-05-01", {1}), testFormSnapshot(1, "{\"a\":1}"));
  store.addVisit(makeVisit(family, "2024-05-08", {1}), testFormSnapshot(1, "{\"a\":1}"));
  const std::string before = dumpContent(db);
  try {
    store.addVisit(makeVisit(family, "2024-05-15", {1}), testFormSnapshot(1, "{\"a\":2}"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("has changed since visits used it"), std::string::npos);
  }
  EXPECT_EQ(dumpContent(db), before);
  EXPECT_EQ(store.formSnapshot("test-form", 1)->json, "{\"a\":1}");
}

TEST(VisitRules, MissedVisitsDoNotMoveNextVisitDue) {
  TempDir dir;
  store::Database db(dir / "v.db");
  store::Store store(db, "test");
  auto family = addSmallFamily(store);
  model::Visit held = makeVisit(family, "2024-05-01", {1});
  held.status = model::VisitStatus::signed_off;  // only signed visits count
  store.addVisit(held, testFormSnapshot());
  model::Visit missed = makeVisit(family, "2024-05-15", {});
  missed.outcome = model::VisitOutcome::missed;
  missed.status = model::VisitStatus::signed_off;
  missed.sets.clear();
  store.addVisit(missed, testFormSnapshot());
  auto row = store.listFamilies().at(0);
  EXPECT_EQ(row.last_visit->iso(), "2024-05-01");
  EXPECT_EQ(row.next_due->iso(), "2024-05-15");  // 14-day default frequency
}

TEST(VisitRules, AMissedVisitCannotCarryObservations) {
  TempDir dir;
  store::Database db(dir / "v.db");
  store::Store store(db, "test");
  auto family = addSmallFamily(store);
  model::Visit v = makeVisit(family, "2024-05-01", {1});
  v.outcome = model::VisitOutcome::cancelled;
  EXPECT_THROW(store.addVisit(v, testFormSnapshot()), Error);
  EXPECT_EQ(countRows(db, "visits"), 0);
}

TEST(VisitRules, ObservationsMustBelongToTheFamily) {
  TempDir dir;
  store::Database db(dir / "v.db");
  store::Store store(db, "test");
  auto a = addSmallFamily(store, "A");
  auto b = addSmallFamily(store, "B");
  model::Visit v = makeVisit(a, "2024-05-01", {1});
  v.sets[0].child_id = b.child;
  EXPECT_THROW(store.addVisit(v, testFormSnapshot()), Error);
  EXPECT_EQ(countRows(db, "visits"), 0);
}
