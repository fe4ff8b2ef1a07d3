// The server schema with raw SQL as each kind of role: row-level security between counselors,
// signed visits that no role can change, and the hash-chained push audit.
#include "securebase/server/schema.h"

#include <gtest/gtest.h>

#include "pg_cluster.h"
#include "raw_sql.h"
#include "securebase/core/error.h"
#include "securebase/server/connection.h"

namespace securebase::server {
namespace {

using securebase::testing::pgCluster;
using testing::addAssignedFamily;
using testing::kCaregiverA;
using testing::kChildA;
using testing::kDigest;
using testing::kFamilyA;
using testing::kFamilyB;
using testing::kPassword;
using testing::kVisitA;
using testing::refusal;

// A database with the schema, two counselors (a, b) and a supervisor, each with one family
// of their own entered the way a laptop's push will: family, assignment to self, people, a
// visit with its observations, then the signature that seals it.
class ServerSchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dbname_ = pgCluster().createDatabase();
    admin_ = std::make_unique<Connection>(pgCluster().socketConninfo(dbname_));
    const auto change = initServerSchema(*admin_);
    ASSERT_EQ(change.from, 0);
    ASSERT_EQ(change.to, kServerSchemaVersion);
    login_a_ = dbname_ + "_a";
    login_b_ = dbname_ + "_b";
    login_s_ = dbname_ + "_s";
    counselor_a_ = addStaff(*admin_, StaffRole::counselor, "Ana", login_a_, kPassword);
    counselor_b_ = addStaff(*admin_, StaffRole::counselor, "Bea", login_b_, kPassword);
    addStaff(*admin_, StaffRole::supervisor, "Sol", login_s_, kPassword);
    a_ = as(login_a_);
    b_ = as(login_b_);
    supervisor_ = as(login_s_);
    addAssignedFamily(*a_, kFamilyA, counselor_a_, "Familia A");
    addAssignedFamily(*b_, kFamilyB, counselor_b_, "Familia B");
    Transaction push(*a_);
    a_->exec(
        "INSERT INTO securebase.people (uuid, family_uuid, kind, name) VALUES "
        "($1, $2, 'caregiver', 'Mamá A'), ($3, $2, 'child', 'Bebé A')",
        {kCaregiverA, kFamilyA, kChildA});
    a_->exec(
        "INSERT INTO securebase.visits (uuid, family_uuid, counselor_uuid, visit_date, "
        "outcome, form_id, form_version) VALUES ($1, $2, $3, '2026-11-30', 'completed', "
        "'pcis', 1)",
        {kVisitA, kFamilyA, counselor_a_});
    a_->exec(
        "INSERT INTO securebase.observations (visit_uuid, caregiver_uuid, child_uuid, "
        "item_id, value) VALUES ($1, $2, $3, 'warmth', '3')",
        {kVisitA, kCaregiverA, kChildA});
    a_->exec(
        "INSERT INTO securebase.signatures (visit_uuid, counselor_uuid, signed_by, "
        "signed_at, content_sha256) VALUES ($1, $2, 'Ana', now(), $3)",
        {kVisitA, counselor_a_, kDigest});
    push.commit();
  }

  std::unique_ptr<Connection> as(const std::string& login) {
    return std::make_unique<Connection>(pgCluster().socketConninfo(dbname_, login),
                                        std::string(kPassword));
  }

  static std::string count(Connection& db, const std::string& sql) {
    return db.exec("SELECT count(*) FROM (" + sql + ") AS rows").text(0, 0);
  }

  std::string dbname_, login_a_, login_b_, login_s_, counselor_a_, counselor_b_;
  std::unique_ptr<Connection> admin_, a_, b_, supervisor_;
};

TEST_F(ServerSchemaTest, InitIsRepeatableAndRefusesANewerSchema) {
  EXPECT_EQ(serverSchemaVersion(*admin_), kServerSchemaVersion);
  const auto again = initServerSchema(*admin_);
  EXPECT_EQ(again.from, kServerSchemaVersion);
  EXPECT_EQ(again.to, kServerSchemaVersion);
  admin_->exec("INSERT INTO securebase.schema_version (version) VALUES ($1)",
               {std::to_string(kServerSchemaVersion + 1)});
  EXPECT_NE(refusal([&] { initServerSchema(*admin_); }).find("newer than this program"),
            std::string::npos);
}

TEST_F(ServerSchemaTest, ACounselorSeesOnlyTheFamiliesAssignedToThem) {
  EXPECT_EQ(count(*a_, "SELECT uuid FROM securebase.families"), "1");
  EXPECT_EQ(a_->exec("SELECT display_name FROM securebase.families").text(0, 0), "Familia A");
  EXPECT_EQ(count(*b_, "SELECT uuid FROM securebase.families"), "1");
  EXPECT_EQ(count(*b_, "SELECT uuid FROM securebase.people"), "0");
  EXPECT_EQ(count(*b_, "SELECT uuid FROM securebase.visits"), "0");
  EXPECT_EQ(count(*b_, "SELECT visit_uuid FROM securebase.observations"), "0");
  EXPECT_EQ(count(*b_, "SELECT visit_uuid FROM securebase.signatures"), "0");
  EXPECT_EQ(count(*b_, "SELECT family_uuid FROM securebase.assignments"), "1");
  // Everyone sees the staff; the supervisor sees every family and everything in them.
  EXPECT_EQ(count(*b_, "SELECT uuid FROM securebase.counselors"), "3");
  EXPECT_EQ(count(*supervisor_, "SELECT uuid FROM securebase.families"), "2");
  EXPECT_EQ(count(*supervisor_, "SELECT uuid FROM securebase.people"), "2");
  EXPECT_EQ(count(*supervisor_, "SELECT visit_uuid FROM securebase.observations"), "1");
}

// What a pull reads a family's observations with: only the families the caller may see, however
// many it names.
TEST_F(ServerSchemaTest, SignedObservationsLeaveOutTheFamiliesTheCallerMayNotSee) {
  const std::string both = std::string("{") + kFamilyA + "," + kFamilyB + "}";
  const std::string read = "SELECT * FROM securebase.signed_observations('" + both + "')";
  EXPECT_EQ(count(*a_, read), "1");
  EXPECT_EQ(count(*b_, read), "0");
  EXPECT_EQ(count(*supervisor_, read), "1");
  EXPECT_EQ(
      a_->exec("SELECT item_id || '=' || value FROM securebase.signed_observations($1)", {both})
          .text(0, 0),
      "warmth=3");
}

TEST_F(ServerSchemaTest, ACounselorCannotWriteAnotherCounselorsFamily) {
  EXPECT_EQ(
      b_->exec("UPDATE securebase.families SET display_name = 'Taken' WHERE uuid = $1", {kFamilyA})
          .affected(),
      0);
  EXPECT_EQ(
      b_->exec("UPDATE securebase.people SET name = 'Taken' WHERE family_uuid = $1", {kFamilyA})
          .affected(),
      0);
  EXPECT_NE(refusal([&] {
              b_->exec(
                  "INSERT INTO securebase.people (uuid, family_uuid, kind, name) VALUES "
                  "(gen_random_uuid(), $1, 'caregiver', 'Intruder')",
                  {kFamilyA});
            }).find("row-level security"),
            std::string::npos);
  EXPECT_NE(refusal([&] {
              b_->exec(
                  "INSERT INTO securebase.visits (uuid, family_uuid, visit_date, outcome, "
                  "form_id, form_version) VALUES (gen_random_uuid(), $1, '2026-12-01', "
                  "'completed', 'pcis', 1)",
                  {kFamilyA});
            }).find("row-level security"),
            std::string::npos);
  // Taking the family over: not by assigning it again, nor by moving one's own assignment.
  EXPECT_FALSE(refusal([&] {
                 b_->exec(
                     "INSERT INTO securebase.assignments (family_uuid, counselor_uuid) "
                     "VALUES ($1, $2)",
                     {kFamilyA, counselor_b_});
               }).empty());
  EXPECT_NE(refusal([&] {
              b_->exec("UPDATE securebase.assignments SET family_uuid = $1", {kFamilyA});
            }).find("permission denied"),
            std::string::npos);
  // A counselor cannot give a new family to someone else either.
  const std::string new_family = "c0000000-0000-4000-8000-000000000003";
  EXPECT_NE(refusal([&] {
              Transaction push(*b_);
              b_->exec(
                  "INSERT INTO securebase.families (uuid, display_name, language, "
                  "created_on) VALUES ($1, 'X', 'en', '2026-11-01')",
                  {new_family});
              b_->exec(
                  "INSERT INTO securebase.assignments (family_uuid, counselor_uuid) "
                  "VALUES ($1, $2)",
                  {new_family, counselor_a_});
            }).find("row-level security"),
            std::string::npos);
  admin_->exec("SET search_path = securebase");
  EXPECT_EQ(
      admin_->exec("SELECT display_name FROM families WHERE uuid = $1", {kFamilyA}).text(0, 0),
      "Familia A");
  EXPECT_EQ(count(*admin_, "SELECT uuid FROM people WHERE name IN ('Taken', 'Intruder')"), "0");
}

TEST_F(ServerSchemaTest, TheSupervisorReassignsAFamilyAndItsChangeNumberMoves) {
  const auto before =
      std::stoll(supervisor_
                     ->exec("SELECT change_number FROM securebase.assignments WHERE "
                            "family_uuid = $1",
                            {kFamilyA})
                     .text(0, 0));
  EXPECT_EQ(supervisor_
                ->exec("UPDATE securebase.assignments SET counselor_uuid = $1 WHERE "
                       "family_uuid = $2",
                       {counselor_b_, kFamilyA})
                .affected(),
            1);
  EXPECT_EQ(count(*a_, "SELECT uuid FROM securebase.families"), "0");
  EXPECT_EQ(count(*b_, "SELECT uuid FROM securebase.families"), "2");
  EXPECT_EQ(count(*b_, "SELECT uuid FROM securebase.visits"), "1");
  const auto after =
      std::stoll(b_->exec("SELECT change_number FROM securebase.assignments WHERE family_uuid = $1",
                          {kFamilyA})
                     .text(0, 0));
  EXPECT_GT(after, before);
  // An edit bumps the family's number past every number handed out before it.
  b_->exec("UPDATE securebase.families SET phone = '555-0100' WHERE uuid = $1", {kFamilyA});
  EXPECT_GT(std::stoll(b_->exec("SELECT change_number FROM securebase.families WHERE uuid = $1",
                                {kFamilyA})
                           .text(0, 0)),
            after);
}

TEST_F(ServerSchemaTest, ASignedVisitCannotBeChangedByAnyRole) {
  for (Connection* role : {a_.get(), b_.get(), supervisor_.get()}) {
    EXPECT_NE(refusal([&] {
                role->exec("UPDATE securebase.visits SET notes = 'changed' WHERE uuid = $1",
                           {kVisitA});
              }).find("permission denied"),
              std::string::npos);
    EXPECT_NE(refusal([&] {
                role->exec("DELETE FROM securebase.observations WHERE visit_uuid = $1", {kVisitA});
              }).find("permission denied"),
              std::string::npos);
  }
  // The superuser owns the tables and bypasses row-level security: the triggers still hold,
  // also with triggers of ordinary replication switched off.
  const std::string signed_refusal = "signed visits cannot be changed or deleted";
  admin_->exec("SET session_replication_role = replica");
  for (const char* change :
       {"UPDATE securebase.visits SET notes = 'changed'", "DELETE FROM securebase.visits",
        "UPDATE securebase.observations SET value = '1'", "DELETE FROM securebase.observations",
        "UPDATE securebase.signatures SET signed_by = 'Someone'",
        "DELETE FROM securebase.signatures", "TRUNCATE securebase.observations",
        "TRUNCATE securebase.visits CASCADE"})
    EXPECT_NE(refusal([&] { admin_->exec(change); }).find(signed_refusal), std::string::npos)
        << change;
  admin_->exec("RESET session_replication_role");
  EXPECT_NE(refusal([&] {
              a_->exec(
                  "INSERT INTO securebase.observations (visit_uuid, caregiver_uuid, "
                  "child_uuid, item_id, value) VALUES ($1, $2, $3, 'play', '1')",
                  {kVisitA, kCaregiverA, kChildA});
            }).find("is signed"),
            std::string::npos);
  EXPECT_EQ(admin_->exec("SELECT notes FROM securebase.visits").text(0, 0), "");
  EXPECT_EQ(count(*admin_, "SELECT item_id FROM securebase.observations"), "1");
}

TEST_F(ServerSchemaTest, ThePushAuditChainsEveryPushAndFindsATamperedRow) {
  for (const char* what : {"push 1", "push 2", "push 3"})
    a_->exec(
        "INSERT INTO securebase.push_audit (id, pushed_at, login, what, previous_hash, "
        "hash) VALUES (1, now(), 'someone_else', $1, 'forged', 'forged')",
        {std::string(what)});
  supervisor_->exec("INSERT INTO securebase.push_audit (what) VALUES ('push 4')");
  EXPECT_NE(
      refusal([&] { a_->exec("SELECT * FROM securebase.push_audit"); }).find("permission denied"),
      std::string::npos);
  auto rows = supervisor_->exec(
      "SELECT id, login, previous_hash, hash FROM securebase.push_audit ORDER BY id");
  ASSERT_EQ(rows.rows(), 4);
  EXPECT_EQ(rows.text(0, 1), login_a_);
  EXPECT_EQ(rows.text(3, 1), login_s_);
  EXPECT_EQ(rows.text(0, 2), std::string(64, '0'));
  for (int row = 1; row < 4; ++row) EXPECT_EQ(rows.text(row, 2), rows.text(row - 1, 3));
  EXPECT_EQ(firstBrokenPushAuditRow(*supervisor_), std::nullopt);

  for (Connection* role : {supervisor_.get(), admin_.get()})
    EXPECT_NE(refusal([&] {
                role->exec("UPDATE securebase.push_audit SET what = 'nothing' WHERE id = $1",
                           {rows.text(1, 0)});
              }).find(role == admin_.get() ? "append-only" : "permission denied"),
              std::string::npos);
  EXPECT_NE(refusal([&] { admin_->exec("DELETE FROM securebase.push_audit"); }).find("append-only"),
            std::string::npos);

  // Only by switching the trigger off can the owner edit a row: the chain then breaks there.
  admin_->execScript(
      "ALTER TABLE securebase.push_audit DISABLE TRIGGER push_audit_immutable;"
      "UPDATE securebase.push_audit SET what = 'push 2, rewritten' WHERE what = 'push 2';"
      "ALTER TABLE securebase.push_audit ENABLE ALWAYS TRIGGER push_audit_immutable;");
  EXPECT_EQ(firstBrokenPushAuditRow(*admin_), std::stoll(rows.text(1, 0)));
  admin_->execScript(
      "ALTER TABLE securebase.push_audit DISABLE TRIGGER push_audit_immutable;"
      "DELETE FROM securebase.push_audit WHERE what LIKE 'push 2%';"
      "ALTER TABLE securebase.push_audit ENABLE ALWAYS TRIGGER push_audit_immutable;");
  EXPECT_EQ(firstBrokenPushAuditRow(*admin_), std::stoll(rows.text(2, 0)));
}

TEST_F(ServerSchemaTest, StaffLoginsHaveScramPasswordsAndCheckedNames) {
  auto stored = admin_->exec("SELECT rolpassword FROM pg_authid WHERE rolname = $1", {login_a_});
  EXPECT_EQ(stored.text(0, 0).rfind("SCRAM-SHA-256$", 0), 0u);
  // Over TCP with TLS, as a laptop connects.
  Connection laptop(pgCluster().tcpConninfo(dbname_, login_a_), std::string(kPassword));
  EXPECT_TRUE(laptop.encrypted());
  EXPECT_EQ(laptop.exec("SELECT securebase.my_counselor_uuid()").text(0, 0), counselor_a_);
  EXPECT_FALSE(refusal([&] {
                 Connection(pgCluster().tcpConninfo(dbname_, login_a_), std::string("wrong pass"));
               }).empty());
  EXPECT_NE(refusal([&] {
              addStaff(*admin_, StaffRole::counselor, "Ana", login_a_, kPassword);
            }).find("already exists"),
            std::string::npos);
  for (const char* bad : {"", "Ana", "1ana", "ana smith", "ana;drop", "pg_monitor",
                          "securebase_supervisor", "postgres"})
    EXPECT_FALSE(
        refusal([&] { addStaff(*admin_, StaffRole::counselor, "X", bad, kPassword); }).empty())
        << bad;
  EXPECT_NE(refusal([&] {
              addStaff(*admin_, StaffRole::counselor, "X", "short_pw", "short");
            }).find("at least"),
            std::string::npos);
}

}  // namespace
}  // namespace securebase::server
