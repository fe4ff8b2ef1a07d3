// Store::mergeFamilyInto: a family merged on the agency server, merged in the laptop's file.
// Every record of both stays, signed visits move with their content untouched, the audit
// explains every record as it now stands, and only a recorded merge moves a signed visit.
#include <gtest/gtest.h>

#include "securebase/store/audit_chain.h"
#include "securebase/store/record_audit.h"
#include "securebase/store/store.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

std::string uuidOf(store::Database& db, model::Id family) {
  auto s = db.prepare("SELECT uuid FROM families WHERE id = ?");
  s.bind(1, family);
  s.step();
  return s.text(0);
}

long long countWhere(store::Database& db, const std::string& sql, model::Id id) {
  auto s = db.prepare(sql);
  s.bind(1, id);
  s.step();
  return s.integer(0);
}

TEST(FamilyMerge, EveryRecordOfBothIsKeptUnderTheFamilyKept) {
  TempDir dir;
  store::Database db{dir / "a.db"};
  store::Store store{db, "Counselor Kim"};
  const auto kept = addSmallFamily(store, "García, Ana");
  const auto gone = addSmallFamily(store, "Garcia, Ana M.");
  const auto first = store.addVisit(makeVisit(kept, "2025-03-01", {2}), testFormSnapshot());
  store.signVisit(first);
  const auto second = store.addVisit(makeVisit(gone, "2025-03-08", {1, 2}), testFormSnapshot());
  store.signVisit(second);
  const auto draft = store.addVisit(makeVisit(gone, "2025-03-20", {1}), testFormSnapshot());
  model::Referral referral;
  referral.family_id = gone.family;
  referral.to_whom = "Lactation clinic";
  store.addReferral(referral);
  const auto before = store.visit(second);

  // Without a recorded merge, a signed visit does not move.
  EXPECT_NE(errorMessageOf([&] {
              db.exec("UPDATE visits SET family_id = " + std::to_string(kept.family) +
                      " WHERE id = " + std::to_string(second));
            }),
            "(no error)");

  ASSERT_TRUE(store.mergeFamilyInto(uuidOf(db, gone.family), uuidOf(db, kept.family),
                                    "possible duplicate 3"));
  EXPECT_EQ(countRows(db, "families"), 1);
  EXPECT_EQ(countWhere(db, "SELECT count(*) FROM visits WHERE family_id = ?", kept.family), 3);
  EXPECT_EQ(countWhere(db, "SELECT count(*) FROM caregivers WHERE family_id = ?", kept.family), 2);
  EXPECT_EQ(countWhere(db, "SELECT count(*) FROM children WHERE family_id = ?", kept.family), 2);
  EXPECT_EQ(countWhere(db, "SELECT count(*) FROM referrals WHERE family_id = ?", kept.family), 1);
  EXPECT_EQ(countWhere(db, "SELECT open_referrals FROM families WHERE id = ?", kept.family), 1);
  const auto after = store.visit(second);
  EXPECT_EQ(after.family_id, kept.family);
  EXPECT_EQ(after.sets.at(0).observations.size(), before.sets.at(0).observations.size());
  EXPECT_EQ(after.signed_at, before.signed_at);
  EXPECT_FALSE(store.visit(draft).isSigned());
  EXPECT_TRUE(store::verifyAuditChain(db).ok());
  const auto content = store::verifyRecordContent(db);
  EXPECT_TRUE(content.ok()) << content.summary();
  EXPECT_EQ(store.auditTrail("family", gone.family).back().action, "merge");

  // A family not here, or merged already: nothing changes.
  const auto dump = dumpContent(db);
  EXPECT_FALSE(store.mergeFamilyInto(uuidOf(db, kept.family), "no-such-family", "x"));
  EXPECT_FALSE(store.mergeFamilyInto("no-such-family", uuidOf(db, kept.family), "x"));
  EXPECT_EQ(dumpContent(db), dump);
}

}  // namespace
