// "No referral made" after a wellbeing concern is a record of its own (schema 10): a referral row
// of kind no_referral with the visit, the concern's item, why, when and who, audited like any
// record, never open, and fixed once written.
#include <gtest/gtest.h>

#include "securebase/core/error.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/migrations.h"
#include "securebase/store/record_audit.h"
#include "securebase/store/store.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

TEST(NoReferral, IsARecordWithVisitConcernReasonDateAndCounselor) {
  TempDir dir;
  store::Database db(dir / "a.db");
  store::Store store(db, "Counselor Kim");
  auto family = addSmallFamily(store);
  const auto visit = store.addVisit(makeVisit(family, "2024-05-02", {2}), testFormSnapshot());

  const auto id = store.addNoReferral(family.family, visit, "i1", "Already sees her doctor");

  const auto list = store.referrals(family.family);
  ASSERT_EQ(list.size(), 1u);
  const model::Referral& r = list[0];
  EXPECT_EQ(r.id, id);
  EXPECT_EQ(r.kind, model::ReferralKind::no_referral);
  EXPECT_EQ(r.visit_id, visit);
  EXPECT_EQ(r.concern_item, "i1");
  EXPECT_EQ(r.reason, "Already sees her doctor");
  EXPECT_EQ(r.recorded_by, "Counselor Kim");
  EXPECT_EQ(r.created_on, model::Date::today());
  EXPECT_TRUE(r.to_whom.empty());
  EXPECT_FALSE(r.uuid.empty());
  EXPECT_TRUE(store.hasNoReferralRecords());
  // A decision, not a referral waiting for an answer: the caseload counts no open referral.
  EXPECT_EQ(store.listFamilies().at(0).open_referrals, 0);

  const auto trail = store.auditTrail("referral", id);
  ASSERT_EQ(trail.size(), 1u);
  EXPECT_EQ(trail[0].action, "create");
  EXPECT_EQ(trail[0].actor, "Counselor Kim");
  EXPECT_NE(trail[0].details.find("no_referral"), std::string::npos);
  EXPECT_TRUE(store::verifyAuditChain(db).ok());
  EXPECT_TRUE(store::verifyRecordContent(db).ok()) << store::verifyRecordContent(db).summary();
}

TEST(NoReferral, RefusesAnEmptyReasonAndAnyLaterChange) {
  TempDir dir;
  store::Database db(dir / "a.db");
  store::Store store(db, "Counselor Kim");
  auto family = addSmallFamily(store);
  const auto id = store.addNoReferral(family.family, std::nullopt, "i1", "Declined for now");
  const std::string before = dumpContent(db);

  EXPECT_THROW(store.addNoReferral(family.family, std::nullopt, "i1", "  "), Error);
  EXPECT_THROW(store.setReferralStatus(id, model::ReferralStatus::open), Error);
  EXPECT_THROW(store.updateReferral(id, "Family doctor", "x"), Error);
  // The schema holds it too, whatever writes.
  EXPECT_ANY_THROW(
      db.exec("UPDATE referrals SET reason = 'other' WHERE id = " + std::to_string(id)));
  EXPECT_ANY_THROW(
      db.exec("UPDATE referrals SET status = 'open' WHERE id = " + std::to_string(id)));
  EXPECT_EQ(dumpContent(db), before);
}

TEST(NoReferral, ReferralsMadeBeforeVersion10KeepTheirRowsAndSeals) {
  TempDir dir;
  const auto file = dir / "v5.db";
  {
    // Written at version 5 by hand; version 6 seals it with the columns referrals had then.
    store::Database db(file, {.migrate_to_version = 5});
    db.exec(
        "INSERT INTO families (id, uuid, display_name, language, created_on) "
        "VALUES (1, 'f1', 'Old family', 'es', '2024-01-01');"
        "INSERT INTO referrals (id, uuid, family_id, to_whom, reason, created_on) "
        "VALUES (7, 'r7', 1, 'Family doctor', 'Sleep worries', '2024-01-02');");
  }
  store::Database db(file);
  ASSERT_EQ(db.schemaVersion(), store::latestSchemaVersion());
  store::Store store(db, "Counselor Kim");
  const auto list = store.referrals(1);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, 7);
  EXPECT_EQ(list[0].kind, model::ReferralKind::referral);
  EXPECT_EQ(list[0].to_whom, "Family doctor");
  EXPECT_EQ(store.listFamilies().at(0).open_referrals, 1);  // the count's triggers came along
  EXPECT_TRUE(store::verifyRecordContent(db).ok()) << store::verifyRecordContent(db).summary();
  store.setReferralStatus(7, model::ReferralStatus::completed);
  EXPECT_EQ(store.listFamilies().at(0).open_referrals, 0);
  EXPECT_FALSE(store.hasNoReferralRecords());
}

TEST(NoReferral, ReasonsOnNotesBeforeVersion10BecomeRecordsAndTheNotesStay) {
  TempDir dir;
  const auto file = dir / "v5.db";
  {
    store::Database db(file, {.migrate_to_version = 5});
    // Written by hand before version 6 sealed what was there: a signed visit whose concern's note
    // ends with the reason (the editor wrote it so), and a Spanish draft of another family.
    db.exec(
        "INSERT INTO families (id, uuid, display_name, language, created_on) VALUES "
        "(1, 'f1', 'Rivera family', 'en', '2024-01-01'), (2, 'f2', 'Familia Paz', 'es', "
        "'2024-01-01');"
        "INSERT INTO caregivers (id, uuid, family_id, name) VALUES (1, 'c1', 1, 'Ana'), "
        "(2, 'c2', 2, 'Luz');"
        "INSERT INTO children (id, uuid, family_id, name, birth_date) VALUES "
        "(1, 'k1', 1, 'Leo', '2023-12-01'), (2, 'k2', 2, 'Sol', '2023-12-01');"
        "INSERT INTO visits (id, uuid, family_id, visit_date, outcome, form_id, form_version) "
        "VALUES (1, 'v1', 1, '2024-02-01', 'completed', 'x', 1), "
        "(2, 'v2', 2, '2024-02-03', 'completed', 'x', 1);"
        "INSERT INTO observation_sets (id, visit_id, caregiver_id, child_id) VALUES (1, 1, 1, 1), "
        "(2, 2, 2, 2);"
        "INSERT INTO observations (set_id, item_id, value, note) VALUES "
        "(1, 'wellbeing-concern', 'yes', 'Tired — No referral made: Already sees her doctor'), "
        "(1, 'i2', '2', 'Calm today'), "
        "(2, 'wellbeing-concern', 'yes', 'Sin derivación: Ya tiene médica');"
        "UPDATE visits SET status = 'signed', signed_by = 'Kim Lee' WHERE id = 1;");
  }
  store::Database db(file);
  store::Store store(db, "Counselor Kim");
  const auto first = store.referrals(1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].kind, model::ReferralKind::no_referral);
  EXPECT_EQ(first[0].reason, "Already sees her doctor");
  EXPECT_EQ(first[0].concern_item, "wellbeing-concern");
  EXPECT_EQ(first[0].visit_id, 1);
  EXPECT_EQ(first[0].created_on.iso(), "2024-02-01");
  EXPECT_EQ(first[0].recorded_by, "Kim Lee");
  const auto second = store.referrals(2);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].reason, "Ya tiene médica");
  // The notes stay as the counselor's record of the visit.
  EXPECT_EQ(store.visit(1).sets.at(0).find("wellbeing-concern")->note,
            "Tired — No referral made: Already sees her doctor");
  EXPECT_TRUE(store::verifyAuditChain(db).ok());
  EXPECT_TRUE(store::verifyRecordContent(db).ok()) << store::verifyRecordContent(db).summary();
}
