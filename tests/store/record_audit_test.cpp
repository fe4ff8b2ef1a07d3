// Tamper-evident records: every record's current content must be explained by an audit row.
// Raw SQL edits — a signed visit's rating and note with its triggers lifted and put back, a
// superseded_by link, a family's phone — and records added or deleted behind SecureBase's back
// are named; ordinary use, generated sample data and migrated old databases verify clean.
#include "securebase/store/record_audit.h"

#include <gtest/gtest.h>

#include "securebase/store/audit_chain.h"
#include "securebase/store/migrations.h"
#include "securebase/store/store.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

// A database left at schema version 4 holding `records_sql`, then opened (and migrated) now.
std::filesystem::path version4Database(const TempDir& dir, const std::string& records_sql) {
  const auto file = dir / "v4.db";
  store::Database db(file, {.migrate_to_version = 4});
  db.exec(records_sql);
  return file;
}

bool names(const store::RecordContentReport& report, const std::string& text) {
  return report.summary().find(text) != std::string::npos;
}

class RecordAudit : public ::testing::Test {
 protected:
  void SetUp() override {
    family = addSmallFamily(store);
    visit = store.addVisit(makeVisit(family, "2024-05-02", {2, 1}), testFormSnapshot());
    set = store.visit(visit).sets.at(0).id;
    store.saveObservation(visit, set, {"i1", false, "1", "calmer today", false});
    store.signVisit(visit);
    amendment = store.amendVisit(visit, "Corrected a rating");
    store.saveObservation(amendment, store.visit(amendment).sets.at(0).id,
                          {"i2", false, "2", "", false});
    store.signVisit(amendment);
    model::Goal goal;
    goal.family_id = family.family;
    goal.text = "Read a book together each night";
    store.setGoalStatus(store.addGoal(goal), model::GoalStatus::achieved, visit);
    model::Referral referral;
    referral.family_id = family.family;
    referral.to_whom = "Lactation clinic";
    store.setReferralStatus(store.addReferral(referral), model::ReferralStatus::completed);
    store.updateCaregiver({family.caregiver, "", family.family, "Ana María", "mother"});
    later = store.addVisit(makeVisit(family, "2024-06-02", {1}), testFormSnapshot());
  }
  // Runs `sql` with the named triggers lifted, then puts them back as they were: what someone
  // with the passphrase and the sqlcipher shell can do.
  void withoutTriggers(std::initializer_list<const char*> triggers, const std::string& sql) {
    std::vector<std::string> definitions;
    for (const char* name : triggers) {
      auto s = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
      s.bind(1, name);
      ASSERT_TRUE(s.step()) << name;
      definitions.push_back(s.text(0));
    }
    for (const char* name : triggers) db.exec(std::string("DROP TRIGGER ") + name);
    db.exec(sql);
    for (const auto& definition : definitions) db.exec(definition);
  }

  TempDir dir;
  store::Database db{dir / "a.db"};
  store::Store store{db, "Counselor Kim"};
  SmallFamily family;
  model::Id visit = 0, set = 0, amendment = 0, later = 0;
};

}  // namespace

TEST_F(RecordAudit, OrdinaryUseIsExplainedRecordByRecord) {
  const auto report = store::verifyRecordContent(db);
  EXPECT_TRUE(report.ok()) << report.summary();
  // family, caregiver, child, 3 visits, goal, referral, and the counselor who signed (a record
  // since the first signature)
  EXPECT_EQ(report.records_checked, 9);
  EXPECT_TRUE(store::verifyAuditChain(db).ok());
}

TEST_F(RecordAudit, ASignedVisitsRatingAndNoteChangedWithTheTriggersLiftedAreNamed) {
  withoutTriggers({"signed_observation_no_update"},
                  "UPDATE observations SET value = '2', note = 'all good' WHERE set_id = " +
                      std::to_string(set) + " AND item_id = 'i1'");
  const auto report = store::verifyRecordContent(db);
  ASSERT_EQ(report.problems.size(), 1u) << report.summary();
  EXPECT_EQ(report.problems[0].message,
            "signed visit " + std::to_string(visit) + " was changed outside SecureBase");
  EXPECT_TRUE(store::verifyAuditChain(db).ok());  // the chain alone cannot see it
}

TEST_F(RecordAudit, ASignedVisitsHeaderChangedIsNamed) {
  withoutTriggers(
      {"signed_visit_no_update"},
      "UPDATE visits SET notes = 'nothing to note' WHERE id = " + std::to_string(amendment));
  EXPECT_TRUE(names(store::verifyRecordContent(db),
                    "signed visit " + std::to_string(amendment) + " was changed"));
}

TEST_F(RecordAudit, ASupersededLinkSetWithoutLiftingAnyTriggerIsNamed) {
  // The trigger lets a signed visit's empty superseded_by be set: hiding `later` from counts.
  store.signVisit(later);
  db.exec("UPDATE visits SET superseded_by = " + std::to_string(amendment) +
          " WHERE id = " + std::to_string(later));
  EXPECT_TRUE(names(store::verifyRecordContent(db),
                    "signed visit " + std::to_string(later) + " was changed outside SecureBase"));
}

TEST_F(RecordAudit, AFamilyEditedDirectlyIsNamed) {
  db.exec("UPDATE families SET phone = '555-0199' WHERE id = " + std::to_string(family.family));
  const auto report = store::verifyRecordContent(db);
  ASSERT_EQ(report.problems.size(), 1u) << report.summary();
  EXPECT_EQ(report.problems[0].entity, "family");
  EXPECT_EQ(report.problems[0].id, family.family);
}

TEST_F(RecordAudit, RecordsAddedOrDeletedOutsideSecureBaseAreNamed) {
  db.exec("INSERT INTO caregivers (uuid, family_id, name, relationship) VALUES ('x-1', " +
          std::to_string(family.family) + ", 'Someone', 'other')");
  db.exec("DELETE FROM referrals");
  const auto report = store::verifyRecordContent(db);
  EXPECT_TRUE(names(report, "caregiver " + std::to_string(family.caregiver + 1) +
                                " was added outside SecureBase"))
      << report.summary();
  EXPECT_TRUE(names(report, "referral 1 was deleted outside SecureBase")) << report.summary();
}

TEST_F(RecordAudit, ChangesMadeThroughTheStoreAfterwardsAreExplained) {
  model::Family f = store.family(family.family);
  f.phone = "555-0100";
  store.updateFamily(f);
  store.saveObservation(later, store.visit(later).sets.at(0).id, {"i1", true, "", "", false});
  store.clearObservation(later, store.visit(later).sets.at(0).id, "i1");
  EXPECT_TRUE(store::verifyRecordContent(db).ok()) << store::verifyRecordContent(db).summary();
}

TEST_F(RecordAudit, ARowsContentHashIsPartOfItsChainHash) {
  db.exec("DROP TRIGGER audit_log_no_update");
  db.exec("UPDATE audit_log SET content_hash = NULL WHERE id = (SELECT max(id) FROM audit_log)");
  EXPECT_EQ(store::verifyAuditChain(db).problem->kind, store::AuditProblemKind::edited);
}

TEST(RecordAuditMigration, Version6SealsTheRecordsOfAnOlderDatabaseSoItVerifiesClean) {
  TempDir dir;
  // What version 4 held: records whose audit rows carry no content hash.
  store::Database db(
      version4Database(dir,
                       "INSERT INTO families (uuid, display_name, language, created_on) VALUES "
                       "('f-1', 'Old family', 'en', '2024-01-01');"
                       "INSERT INTO caregivers (uuid, family_id, name, relationship) VALUES "
                       "('c-1', 1, 'Ana', 'mother');"));
  ASSERT_EQ(db.schemaVersion(), store::latestSchemaVersion());
  auto report = store::verifyRecordContent(db);
  EXPECT_TRUE(report.ok()) << report.summary();
  EXPECT_EQ(report.records_checked, 2);
  EXPECT_TRUE(store::verifyAuditChain(db).ok());

  db.exec("UPDATE caregivers SET relationship = 'aunt' WHERE id = 1");
  report = store::verifyRecordContent(db);
  EXPECT_TRUE(names(report, "caregiver 1 was changed outside SecureBase")) << report.summary();
}

TEST(RecordAuditMigration, AnEditedSealEntryIsNamed) {
  TempDir dir;
  store::Database db(version4Database(dir,
                                      "INSERT INTO families (uuid, display_name, language, "
                                      "created_on) VALUES ('f-1', 'Old family', 'en', "
                                      "'2024-01-01')"));
  db.exec("UPDATE families SET display_name = 'Another family'");
  db.exec("DROP TRIGGER record_seals_no_update");
  // Changing the sealed hash by hand is seen: the seal's digest is in the chained row.
  db.exec("UPDATE record_seals SET hash = 'x' WHERE entity = 'family'");
  const auto report = store::verifyRecordContent(db);
  EXPECT_TRUE(names(report, "the record hashes sealed by audit row 1 were changed"))
      << report.summary();
}
