// Server schema version 2 (what sync needs): the migration from version 1 keeps what was there,
// family_state tells new, mine and someone else's apart without showing the latter, counselors
// may record laptop counselors but not logins, goals and referrals follow their family's
// row-level security, and form snapshots cannot change.
#include <gtest/gtest.h>

#include "pg_cluster.h"
#include "raw_sql.h"
#include "securebase/core/error.h"
#include "securebase/server/connection.h"
#include "securebase/server/schema.h"

namespace securebase::server {
namespace {

using securebase::testing::pgCluster;
using testing::addAssignedFamily;
using testing::kDigest;
using testing::kFamilyA;
using testing::kFamilyB;
using testing::kPassword;
using testing::refusal;

constexpr const char* kUnknown = "c0000000-0000-4000-8000-000000000003";

class ServerSchemaV2Test : public ::testing::Test {
 protected:
  // Version 1 first, with one family per counselor, so that the migration runs over rows.
  void SetUp() override {
    dbname_ = pgCluster().createDatabase();
    admin_ = std::make_unique<Connection>(pgCluster().socketConninfo(dbname_));
    ASSERT_EQ(initServerSchema(*admin_, 1).to, 1);
    counselor_a_ = addStaff(*admin_, StaffRole::counselor, "Ana", dbname_ + "_a", kPassword);
    counselor_b_ = addStaff(*admin_, StaffRole::counselor, "Bea", dbname_ + "_b", kPassword);
    a_ = as(dbname_ + "_a");
    b_ = as(dbname_ + "_b");
    addAssignedFamily(*a_, kFamilyA, counselor_a_, "Familia");
    addAssignedFamily(*b_, kFamilyB, counselor_b_, "Familia");
    const auto change = initServerSchema(*admin_, 2);
    ASSERT_EQ(change.from, 1);
    ASSERT_EQ(change.to, 2);
  }

  std::unique_ptr<Connection> as(const std::string& login) {
    return std::make_unique<Connection>(pgCluster().socketConninfo(dbname_, login),
                                        std::string(kPassword));
  }

  static std::string one(Connection& db, const std::string& sql,
                         const std::vector<Param>& params = {}) {
    return db.exec(sql, params).text(0, 0);
  }

  std::string dbname_, counselor_a_, counselor_b_;
  std::unique_ptr<Connection> admin_, a_, b_;
};

TEST_F(ServerSchemaV2Test, TheMigrationKeepsVersionOnesRowsAndIsNotRepeated) {
  EXPECT_EQ(serverSchemaVersion(*admin_), 2);
  EXPECT_EQ(one(*admin_, "SELECT count(*) FROM securebase.families"), "2");
  EXPECT_EQ(one(*admin_, "SELECT count(*) FROM securebase.counselors WHERE email = ''"), "2");
  EXPECT_EQ(initServerSchema(*admin_, 2).from, 2);
  EXPECT_NE(refusal([&] {
              initServerSchema(*admin_, kServerSchemaVersion + 1);
            }).find("not one this program makes"),
            std::string::npos);
}

TEST_F(ServerSchemaV2Test, FamilyStateTellsNewMineAndSomeoneElsesApart) {
  const std::string state = "SELECT securebase.family_state($1)";
  EXPECT_EQ(one(*a_, state, {kFamilyA}), "mine");
  EXPECT_EQ(one(*a_, state, {kFamilyB}), "other");
  EXPECT_EQ(one(*a_, state, {kUnknown}), "new");
  EXPECT_EQ(one(*b_, state, {kFamilyA}), "other");
  // Without asking, a push would meet the hidden family only later: the family's own insert
  // does nothing, and the first of its people is refused, undoing the whole push.
  EXPECT_EQ(a_->exec("INSERT INTO securebase.families (uuid, display_name, language, created_on) "
                     "VALUES ($1, 'x', 'en', '2026-11-01') ON CONFLICT DO NOTHING",
                     {kFamilyB})
                .affected(),
            0);
  EXPECT_NE(refusal([&] {
              a_->exec(
                  "INSERT INTO securebase.people (uuid, family_uuid, kind, name) "
                  "VALUES (gen_random_uuid(), $1, 'caregiver', 'x') ON CONFLICT DO NOTHING",
                  {kFamilyB});
            }).find("row-level security"),
            std::string::npos);
  EXPECT_EQ(
      one(*admin_, "SELECT display_name FROM securebase.families WHERE uuid = $1", {kFamilyB}),
      "Familia");
}

TEST_F(ServerSchemaV2Test, ACounselorRecordsLaptopCounselorsButNoLoginOrSupervisor) {
  a_->exec(
      "INSERT INTO securebase.counselors (uuid, name, email, phone) "
      "VALUES (gen_random_uuid(), 'Kim Lee', 'kim@example.org', '555-0101')");
  EXPECT_EQ(one(*b_, "SELECT phone FROM securebase.counselors WHERE name = 'Kim Lee'"), "555-0101");
  EXPECT_NE(refusal([&] {
              a_->exec(
                  "INSERT INTO securebase.counselors (uuid, name, supervisor) "
                  "VALUES (gen_random_uuid(), 'Boss', true)");
            }).find("row-level security"),
            std::string::npos);
  EXPECT_NE(refusal([&] {
              a_->exec(
                  "INSERT INTO securebase.counselors (uuid, name, login) "
                  "VALUES (gen_random_uuid(), 'Sol', 'postgres')");
            }).find("row-level security"),
            std::string::npos);
  EXPECT_NE(refusal([&] {
              a_->exec("UPDATE securebase.counselors SET name = 'Ana B' WHERE uuid = $1",
                       {counselor_a_});
            }).find("permission denied"),
            std::string::npos);
}

TEST_F(ServerSchemaV2Test, GoalsAndReferralsFollowTheirFamilysRowLevelSecurity) {
  a_->exec(
      "INSERT INTO securebase.goals (uuid, family_uuid, text, status, created_on) "
      "VALUES (gen_random_uuid(), $1, 'Leer juntos', 'open', '2026-11-02')",
      {kFamilyA});
  a_->exec(
      "INSERT INTO securebase.referrals (uuid, family_uuid, to_whom, status, created_on) "
      "VALUES (gen_random_uuid(), $1, 'Lactancia', 'open', '2026-11-02')",
      {kFamilyA});
  EXPECT_EQ(one(*a_, "SELECT count(*) FROM securebase.goals"), "1");
  EXPECT_EQ(one(*b_, "SELECT count(*) FROM securebase.goals"), "0");
  EXPECT_EQ(one(*b_, "SELECT count(*) FROM securebase.referrals"), "0");
  EXPECT_EQ(b_->exec("UPDATE securebase.goals SET status = 'dropped'").affected(), 0);
  EXPECT_NE(refusal([&] {
              b_->exec(
                  "INSERT INTO securebase.goals (uuid, family_uuid, text, status, created_on) "
                  "VALUES (gen_random_uuid(), $1, 'x', 'open', '2026-11-02')",
                  {kFamilyA});
            }).find("row-level security"),
            std::string::npos);
  EXPECT_GT(std::stoll(one(*admin_, "SELECT min(change_number) FROM securebase.goals")), 0);
}

TEST_F(ServerSchemaV2Test, AFormSnapshotCannotBeChangedByAnyRole) {
  a_->exec(
      "INSERT INTO securebase.form_snapshots (form_id, version, sha256, json) "
      "VALUES ('attachment-practices', 1, $1, '{}')",
      {kDigest});
  EXPECT_EQ(one(*b_, "SELECT json FROM securebase.form_snapshots"), "{}");
  EXPECT_NE(refusal([&] {
              b_->exec("UPDATE securebase.form_snapshots SET json = '[]'");
            }).find("permission denied"),
            std::string::npos);
  admin_->exec("SET session_replication_role = replica");
  for (const char* change :
       {"UPDATE securebase.form_snapshots SET json = '[]'", "DELETE FROM securebase.form_snapshots",
        "TRUNCATE securebase.form_snapshots"})
    EXPECT_NE(refusal([&] { admin_->exec(change); }).find("form snapshots cannot be changed"),
              std::string::npos)
        << change;
}

TEST_F(ServerSchemaV2Test, AddObservationsTakesAVisitsObservationsOnlyFromWhoMayWriteIt) {
  using testing::kCaregiverA, testing::kChildA, testing::kVisitA;
  a_->exec(
      "INSERT INTO securebase.people (uuid, family_uuid, kind, name, birth_date) VALUES "
      "($1, $3, 'caregiver', 'Mamá', NULL), ($2, $3, 'child', 'Bebé', '2026-10-01')",
      {kCaregiverA, kChildA, kFamilyA});
  a_->exec(
      "INSERT INTO securebase.visits (uuid, family_uuid, visit_date, outcome, form_id, "
      "form_version) VALUES ($1, $2, '2026-11-30', 'completed', 'pcis', 1)",
      {kVisitA, kFamilyA});
  const std::string add =
      "SELECT securebase.add_observations($1, ARRAY[$2, $2]::uuid[], ARRAY[$3, $3]::uuid[], "
      "ARRAY['warmth', 'play'], ARRAY[false, true], ARRAY['2', ''], ARRAY['', ''], "
      "ARRAY[false, false])";
  EXPECT_NE(refusal([&] {
              b_->exec(add, {kVisitA, kCaregiverA, kChildA});
            }).find("is not one this login may write"),
            std::string::npos);
  EXPECT_EQ(one(*a_, add, {kVisitA, kCaregiverA, kChildA}), "2");
  EXPECT_EQ(one(*admin_, "SELECT count(*) FROM securebase.observations"), "2");
  a_->exec(
      "INSERT INTO securebase.signatures (visit_uuid, signed_by, signed_at, content_sha256) "
      "VALUES ($1, 'Ana', now(), $2)",
      {kVisitA, kDigest});
  EXPECT_NE(refusal([&] {
              a_->exec(
                  "SELECT securebase.add_observations($1, ARRAY[$2]::uuid[], ARRAY[$3]::uuid[], "
                  "ARRAY['calm'], ARRAY[false], ARRAY['1'], ARRAY[''], ARRAY[false])",
                  {kVisitA, kCaregiverA, kChildA});
            }).find("is signed"),
            std::string::npos);
  EXPECT_EQ(one(*admin_, "SELECT count(*) FROM securebase.observations"), "2");
}

}  // namespace
}  // namespace securebase::server
