// Drafts made by mistake: a draft (new visit or amendment) can be discarded — it leaves every
// list, the audit keeps a "discard" row naming the counselor, the record check stays clean —
// while a signed visit never can. An amendment carries the reason it was made.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "securebase/core/error.h"
#include "securebase/store/record_audit.h"
#include "securebase/store/store.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

struct Drafts : ::testing::Test {
  TempDir dir;
  store::Database db{dir / "d.db"};
  store::Store store{db, "Counselor Kim"};
  SmallFamily family = addSmallFamily(store);
};

}  // namespace

TEST_F(Drafts, ADiscardedDraftLeavesEveryListAndTheAuditNamesWhoDiscardedIt) {
  const model::Id signed_id =
      store.addVisit(makeVisit(family, "2024-05-02", {2, 1}), testFormSnapshot());
  store.signVisit(signed_id);
  const model::Id draft = store.addVisit(makeVisit(family, "2024-05-09", {0}), testFormSnapshot());
  model::Referral referral;
  referral.family_id = family.family;
  referral.visit_id = draft;
  referral.to_whom = "Family doctor";
  referral.created_on = model::Date::parse("2024-05-09").value();
  const model::Id referral_id = store.addReferral(referral);
  ASSERT_TRUE(store.listFamilies().at(0).draft_date.has_value());

  store.discardVisit(draft);

  EXPECT_THROW(store.visit(draft), Error);
  const auto record = store.loadFamily(family.family);
  ASSERT_EQ(record.visits.size(), 1u);
  EXPECT_EQ(record.visits[0].id, signed_id);
  EXPECT_FALSE(store.listFamilies().at(0).draft_date.has_value());
  EXPECT_EQ(countRows(db, "observation_sets"), 1);
  // The referral was real: it stays, no longer tied to the visit that is gone.
  ASSERT_EQ(record.referrals.size(), 1u);
  EXPECT_EQ(record.referrals[0].id, referral_id);
  EXPECT_FALSE(record.referrals[0].visit_id.has_value());

  const auto trail = store.auditTrail("visit", draft);
  ASSERT_FALSE(trail.empty());
  EXPECT_EQ(trail.back().action, "discard");
  EXPECT_EQ(trail.back().actor, "Counselor Kim");
  const auto details = boost::json::parse(trail.back().details).as_object();
  EXPECT_EQ(details.at("discarded_by").as_string(), "Counselor Kim");
  EXPECT_EQ(details.at("date").as_string(), "2024-05-09");
  // Gone on purpose, not deleted outside SecureBase.
  const auto check = store::verifyRecordContent(db);
  EXPECT_TRUE(check.ok()) << check.summary();
}

TEST_F(Drafts, ASignedVisitIsNeverDiscarded) {
  const model::Id id = store.addVisit(makeVisit(family, "2024-05-02", {2}), testFormSnapshot());
  store.signVisit(id);
  const std::string before = dumpContent(db);
  try {
    store.discardVisit(id);
    FAIL() << "a signed visit was discarded";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("can never be discarded"), std::string::npos) << e.what();
  }
  EXPECT_EQ(dumpContent(db), before);
  // Raw SQL is refused too.
  EXPECT_THROW(db.exec("DELETE FROM visits WHERE id = " + std::to_string(id)), Error);
}

TEST_F(Drafts, ADiscardedAmendmentLeavesTheOriginalCurrentAndAmendable) {
  const model::Id original =
      store.addVisit(makeVisit(family, "2024-05-02", {2}), testFormSnapshot());
  store.signVisit(original);
  const model::Id amendment = store.amendVisit(original, "Wrong rating for soothing");
  store.discardVisit(amendment);
  EXPECT_FALSE(store.visit(original).superseded_by.has_value());
  EXPECT_EQ(countRows(db, "current_visits"), 1);
  // The original can be amended again.
  EXPECT_NO_THROW(store.amendVisit(original, "Second try"));
  EXPECT_TRUE(store::verifyRecordContent(db).ok());
}

TEST_F(Drafts, AnAmendmentCarriesItsReasonAndAnEmptyReasonIsRefused) {
  const model::Id original =
      store.addVisit(makeVisit(family, "2024-05-02", {2}), testFormSnapshot());
  store.signVisit(original);
  const std::string before = dumpContent(db);
  EXPECT_THROW(store.amendVisit(original, ""), Error);
  EXPECT_THROW(store.amendVisit(original, "   "), Error);
  EXPECT_EQ(dumpContent(db), before);

  const model::Id amendment = store.amendVisit(original, "Rated the wrong caregiver");
  EXPECT_EQ(store.visit(amendment).amend_reason, "Rated the wrong caregiver");
  EXPECT_EQ(store.visit(original).amend_reason, "");
  store.signVisit(amendment);
  EXPECT_EQ(store.loadFamily(family.family).visits.back().amend_reason,
            "Rated the wrong caregiver");
  EXPECT_TRUE(store::verifyRecordContent(db).ok());
  // Signed, the reason is fixed like the rest of the visit, even through raw SQL.
  EXPECT_THROW(
      db.exec("UPDATE visits SET amend_reason = 'x' WHERE id = " + std::to_string(amendment)),
      Error);
  // Changed outside SecureBase while a draft, the record check names it.
  const model::Id second = store.amendVisit(amendment, "Another correction");
  db.exec("UPDATE visits SET amend_reason = 'forged' WHERE id = " + std::to_string(second));
  EXPECT_FALSE(store::verifyRecordContent(db).ok());
}
