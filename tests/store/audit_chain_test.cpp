// The audit trail as a hash chain: every row links to the one before, an edited or deleted row
// is found and named, and a head printed on paper is found again later (or is missing).
#include "securebase/store/audit_chain.h"

#include <gtest/gtest.h>

#include "securebase/core/error.h"
#include "securebase/core/sha256.h"
#include "securebase/store/migrations.h"
#include "securebase/store/store.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

std::string netstring(const std::string& field) {
  return std::to_string(field.size()) + ":" + field + ",";
}

std::string storedHash(store::Database& db, model::Id id) {
  auto s = db.prepare("SELECT hash FROM audit_log WHERE id = ?");
  s.bind(1, id);
  return s.step() ? s.text(0) : "";
}

// A trail of ten rows or more from ordinary actions: family, visit, answers, signing,
// settings, a goal and an amendment.
class AuditChain : public ::testing::Test {
 protected:
  void SetUp() override {
    auto family = addSmallFamily(store);
    const auto visit = store.addVisit(makeVisit(family, "2024-05-02", {2}), testFormSnapshot());
    const auto set = store.visit(visit).sets.at(0).id;
    store.saveObservation(visit, set, {"i1", false, "1", "calmer today", false});
    store.signVisit(visit);
    store.setSetting("clinic.name", "Clínica Esperanza");
    model::Goal goal;
    goal.family_id = family.family;
    goal.text = "Read a book together each night";
    store.setGoalStatus(store.addGoal(goal), model::GoalStatus::achieved, visit);
    store.amendVisit(visit, "Corrected a rating");
    ASSERT_GE(countRows(db, "audit_log"), 10);
  }
  // What someone with the file and sqlite3 could do: lift the append-only triggers.
  void tamper(const std::string& sql) {
    db.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    db.exec(sql);
  }

  TempDir dir;
  store::Database db{dir / "a.db"};
  store::Store store{db, "Counselor Kim"};
};

}  // namespace

TEST_F(AuditChain, IsValidAfterAMixOfActionsAndEndsAtTheHead) {
  const auto report = store::verifyAuditChain(db);
  EXPECT_TRUE(report.ok()) << report.problem->message;
  EXPECT_EQ(report.rows_checked, countRows(db, "audit_log"));
  EXPECT_EQ(report.head_row_id, report.rows_checked);
  EXPECT_EQ(report.head_hash, store::auditHead(db));
  EXPECT_EQ(report.head_hash, storedHash(db, report.head_row_id));
  EXPECT_EQ(report.head_hash.size(), 64u);
  auto first = db.prepare("SELECT prev_hash FROM audit_log WHERE id = 1");
  ASSERT_TRUE(first.step());
  EXPECT_EQ(first.text(0), store::kAuditGenesisHash);
  // Each row names the one before it.
  for (model::Id id = 2; id <= report.head_row_id; ++id) {
    auto s = db.prepare("SELECT prev_hash FROM audit_log WHERE id = ?");
    s.bind(1, id);
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), storedHash(db, id - 1)) << "row " << id;
  }
}

TEST_F(AuditChain, HashIsSha256OfTheDocumentedNetstrings) {
  auto s = db.prepare(
      "SELECT prev_hash, at, actor, entity, entity_id, action, details, hash, counselor_id, "
      "os_user, content_hash FROM audit_log WHERE id = 2");
  ASSERT_TRUE(s.step());
  // A row that changes a record carries its content hash, and the version 2 form covers it with
  // the counselor and the login (each empty when there is none).
  ASSERT_FALSE(s.isNull(10));
  const auto counselor = s.optionalInteger(8);
  const std::string message = "securebase-audit-v2\n" + netstring(s.text(0)) + netstring("2") +
                              netstring(s.text(1)) + netstring(s.text(2)) + netstring(s.text(3)) +
                              netstring(s.text(4)) + netstring(s.text(5)) + netstring(s.text(6)) +
                              netstring(counselor ? std::to_string(*counselor) : "") +
                              netstring(s.optionalText(9).value_or("")) + netstring(s.text(10));
  EXPECT_EQ(s.text(7), sha256Hex(message));
  EXPECT_EQ(s.text(2), "Counselor Kim");
  EXPECT_EQ(s.text(3), "caregiver");
}

TEST_F(AuditChain, ARowWithoutTheNewFieldsKeepsTheVersion1Form) {
  // A setting written with nobody named: no counselor, no login, no record content.
  store::Store nobody(db, "");
  nobody.setSetting("clinic.phone", "555-0100");
  auto s = db.prepare(
      "SELECT id, prev_hash, at, actor, entity, entity_id, action, details, hash FROM audit_log "
      "WHERE entity = 'settings' AND content_hash IS NULL AND counselor_id IS NULL AND os_user IS "
      "NULL");
  ASSERT_TRUE(s.step());
  const std::string message = "securebase-audit-v1\n" + netstring(s.text(1)) +
                              netstring(s.text(0)) + netstring(s.text(2)) + netstring(s.text(3)) +
                              netstring(s.text(4)) + netstring("") + netstring(s.text(6)) +
                              netstring(s.text(7));
  EXPECT_EQ(s.text(8), sha256Hex(message));
}

TEST(AuditRowHash, FieldBoundariesCannotShift) {
  store::AuditRowContent a{7, std::string(store::kAuditGenesisHash), "t", "ab", "c", 5, "x", "{}"};
  store::AuditRowContent b = a;
  b.actor = "a";
  b.entity = "bc";
  EXPECT_NE(store::auditRowHash(a), store::auditRowHash(b));
  store::AuditRowContent no_entity = a;
  no_entity.entity_id.reset();
  store::AuditRowContent zero_entity = a;
  zero_entity.entity_id = 0;
  EXPECT_NE(store::auditRowHash(no_entity), store::auditRowHash(zero_entity));
  store::AuditRowContent other_id = a;
  other_id.id = 8;
  EXPECT_NE(store::auditRowHash(a), store::auditRowHash(other_id));
  EXPECT_EQ(store::auditRowHash(a), store::auditRowHash(a));
}

TEST_F(AuditChain, AnEditedRowIsNamed) {
  tamper("UPDATE audit_log SET details = '{\"note\":\"nothing happened\"}' WHERE id = 5");
  const auto report = store::verifyAuditChain(db);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.problem->kind, store::AuditProblemKind::edited);
  EXPECT_EQ(report.problem->row_id, 5);
  EXPECT_EQ(report.problem->message, "audit row 5 was changed after it was written");
  EXPECT_EQ(report.rows_checked, 5);
}

TEST_F(AuditChain, AChangedActorOrTimeIsAnEditToo) {
  tamper("UPDATE audit_log SET at = '2020-01-01T00:00:00Z' WHERE id = 3");
  const auto report = store::verifyAuditChain(db);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.problem->row_id, 3);
}

TEST_F(AuditChain, ADeletedMiddleRowIsNamed) {
  tamper("DELETE FROM audit_log WHERE id = 4");
  const auto report = store::verifyAuditChain(db);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.problem->kind, store::AuditProblemKind::deleted);
  EXPECT_EQ(report.problem->row_id, 5);
  EXPECT_EQ(report.problem->message, "audit row 4 was deleted");
}

TEST_F(AuditChain, SeveralDeletedRowsAreNamedAsARange) {
  tamper("DELETE FROM audit_log WHERE id BETWEEN 3 AND 6");
  const auto report = store::verifyAuditChain(db);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.problem->message, "audit rows 3 to 6 were deleted");
}

TEST_F(AuditChain, ADeletedFirstRowIsNamed) {
  tamper("DELETE FROM audit_log WHERE id = 1");
  const auto report = store::verifyAuditChain(db);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.problem->kind, store::AuditProblemKind::deleted);
  EXPECT_EQ(report.problem->message, "audit row 1 was deleted");
}

TEST_F(AuditChain, ARowRewrittenWithANewHashBreaksTheLinkAfterIt) {
  // Whoever edits row 4 and recomputes its hash still leaves row 5 pointing at the old one.
  auto s = db.prepare(
      "SELECT id, prev_hash, at, actor, entity, entity_id, action, counselor_id, os_user, "
      "content_hash FROM audit_log WHERE id = 4");
  ASSERT_TRUE(s.step());
  store::AuditRowContent row{s.integer(0),         s.text(1), s.text(2), s.text(3), s.text(4),
                             s.optionalInteger(5), s.text(6), "{}"};
  row.counselor_id = s.optionalInteger(7);
  row.os_user = s.optionalText(8);
  row.content_hash = s.optionalText(9);
  tamper("UPDATE audit_log SET details = '{}', hash = '" + store::auditRowHash(row) +
         "' WHERE id = 4");
  const auto report = store::verifyAuditChain(db);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.problem->kind, store::AuditProblemKind::unlinked);
  EXPECT_EQ(report.problem->row_id, 5);
  EXPECT_EQ(report.problem->message,
            "audit row 5 does not follow row 4: the trail was rewritten there");
}

TEST_F(AuditChain, DeletingTheLastRowsShowsOnlyAgainstAPrintedHead) {
  const std::string printed = store::auditHead(db);
  const auto last = store::verifyAuditChain(db).head_row_id;
  EXPECT_EQ(store::auditRowWithHash(db, printed), last);
  store.setSetting("clinic.phone", "555-0100");  // the trail goes on after printing
  EXPECT_EQ(store::auditRowWithHash(db, printed), last);

  tamper("DELETE FROM audit_log WHERE id >= " + std::to_string(last));
  EXPECT_TRUE(store::verifyAuditChain(db).ok());  // the chain alone cannot tell
  EXPECT_EQ(store::auditRowWithHash(db, printed), std::nullopt);
}

TEST_F(AuditChain, APrintedHeadIsFoundByAPrefixInEitherCase) {
  const std::string head = store::auditHead(db);
  const auto last = store::verifyAuditChain(db).head_row_id;
  std::string upper = head.substr(0, 16);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(store::auditRowWithHash(db, upper), last);
  EXPECT_EQ(store::auditRowWithHash(db, head.substr(0, 16) + " " + head.substr(16, 16)), last);
  EXPECT_EQ(store::auditRowWithHash(db, std::string(store::kAuditGenesisHash)), std::nullopt);
  EXPECT_THROW(store::auditRowWithHash(db, head.substr(0, 15)), Error);
  EXPECT_THROW(store::auditRowWithHash(db, head + "0"), Error);
  EXPECT_THROW(store::auditRowWithHash(db, "zz" + head.substr(2)), Error);
}

TEST_F(AuditChain, StaysAppendOnlyAndRefusesRowsWithoutAHash) {
  const std::string before = dumpContent(db);
  for (const std::string sql : {"UPDATE audit_log SET details = '{}' WHERE id = 2",
                                "UPDATE audit_log SET hash = NULL", "DELETE FROM audit_log",
                                "INSERT INTO audit_log (at, actor, entity, action) "
                                "VALUES ('t', 'me', 'family', 'create')"})
    EXPECT_THROW(db.exec(sql), Error) << sql;
  EXPECT_EQ(dumpContent(db), before);
}

TEST(AuditChainEmpty, AnEmptyTrailIsValidWithTheGenesisHead) {
  TempDir dir;
  store::Database db(dir / "a.db");
  const auto report = store::verifyAuditChain(db);
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.rows_checked, 0);
  EXPECT_EQ(report.head_hash, store::kAuditGenesisHash);
  EXPECT_EQ(store::auditHead(db), store::kAuditGenesisHash);
}

TEST(AuditChainMigration, Version4ChainsTheRowsOfAnOlderDatabase) {
  TempDir dir;
  const auto file = dir / "v3.db";
  {
    store::Database db(file, {.migrate_to_version = 3});
    ASSERT_EQ(db.schemaVersion(), 3);
    // What version 3 wrote: rows without hashes, one without an entity id.
    db.exec(
        "INSERT INTO audit_log (at, actor, entity, entity_id, action, details) VALUES "
        "('2024-01-01T10:00:00Z', 'Kim', 'family', 1, 'create', '{\"name\":\"Old\"}'),"
        "('2024-01-01T10:01:00Z', 'Kim', 'settings', NULL, 'set', '{}'),"
        "('2024-01-02T09:00:00Z', 'cli:dana', 'visit', 3, 'sign', '{\"id\":3}');");
  }
  store::Database db(file);
  ASSERT_EQ(db.schemaVersion(), store::latestSchemaVersion());
  const auto report = store::verifyAuditChain(db);
  EXPECT_TRUE(report.ok()) << report.problem->message;
  EXPECT_EQ(report.rows_checked, 3);
  const store::AuditRowContent first{1,
                                     std::string(store::kAuditGenesisHash),
                                     "2024-01-01T10:00:00Z",
                                     "Kim",
                                     "family",
                                     1,
                                     "create",
                                     "{\"name\":\"Old\"}"};
  EXPECT_EQ(storedHash(db, 1), store::auditRowHash(first));
  const store::AuditRowContent second{
      2, storedHash(db, 1), "2024-01-01T10:01:00Z", "Kim", "settings", std::nullopt, "set", "{}"};
  EXPECT_EQ(storedHash(db, 2), store::auditRowHash(second));

  // Still append-only after the migration lifted the update trigger to fill the hashes.
  EXPECT_THROW(db.exec("UPDATE audit_log SET actor = 'x' WHERE id = 1"), Error);
  EXPECT_THROW(db.exec("DELETE FROM audit_log WHERE id = 3"), Error);

  // New rows carry on from the migrated ones.
  store::Store store(db, "Counselor Kim");
  store.setSetting("clinic.phone", "555-0100");
  const auto after = store::verifyAuditChain(db);
  EXPECT_TRUE(after.ok()) << after.problem->message;
  EXPECT_EQ(after.head_row_id, 4);
  auto s = db.prepare("SELECT prev_hash FROM audit_log WHERE id = 4");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.text(0), storedHash(db, 3));
}
