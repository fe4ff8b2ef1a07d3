// Server schema version 3: the conflicts laptops report follow their family's row-level
// security — a counselor reads and reports only their own families', a supervisor reads all —
// and only a supervisor marks one resolved.
#include <gtest/gtest.h>

#include "pg_cluster.h"
#include "raw_sql.h"
#include "securebase/core/error.h"
#include "securebase/server/connection.h"
#include "securebase/server/schema.h"
#include "staff_databases.h"

namespace securebase::server {
namespace {

using securebase::testing::pgCluster;
using testing::addAssignedFamily;
using testing::kCaregiverA;
using testing::kDigest;
using testing::kFamilyA;
using testing::kFamilyB;
using testing::kPassword;
using testing::refusal;

constexpr const char* kOtherDigest =
    "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

class ServerSchemaV3Test : public testing::StaffDatabase {
 protected:
  void SetUp() override { setUpAt(3); }

  static std::string count(Connection& db) {
    return db.exec("SELECT count(*) FROM securebase.conflicts").text(0, 0);
  }

  static void report(Connection& db, const char* family) {
    db.exec(
        "INSERT INTO securebase.conflicts (record_uuid, family_uuid, kind, server_sha256, "
        "laptop_sha256) VALUES ($1, $2, 'caregiver', $3, $4)",
        {kCaregiverA, family, kDigest, kOtherDigest});
  }
};

TEST_F(ServerSchemaV3Test, AConflictIsSeenByItsFamilysCounselorAndTheSupervisorOnly) {
  report(*a_, kFamilyA);
  EXPECT_EQ(count(*a_), "1");
  EXPECT_EQ(count(*b_), "0");
  EXPECT_EQ(count(*s_), "1");
  EXPECT_EQ(a_->exec("SELECT reported_by FROM securebase.conflicts").text(0, 0), dbname_ + "_a");
  // Another counselor's family cannot be named, nor a conflict reported resolved.
  EXPECT_NE(refusal([&] { report(*b_, kFamilyA); }).find("row-level security"), std::string::npos);
  EXPECT_NE(refusal([&] {
              b_->exec(
                  "INSERT INTO securebase.conflicts (record_uuid, family_uuid, kind, "
                  "server_sha256, laptop_sha256, kept) VALUES ($1, $2, 'child', $3, $4, 'server')",
                  {kCaregiverA, kFamilyB, kDigest, kOtherDigest});
            }).find("row-level security"),
            std::string::npos);
  EXPECT_EQ(count(*admin_), "1");
}

TEST_F(ServerSchemaV3Test, OnlyASupervisorMarksAConflictResolved) {
  report(*a_, kFamilyA);
  const std::string resolve =
      "UPDATE securebase.conflicts SET resolved_by = session_user, resolved_at = now(), "
      "kept = 'server'";
  EXPECT_NE(refusal([&] { a_->exec(resolve); }).find("permission denied"), std::string::npos);
  EXPECT_NE(refusal([&] {
              s_->exec("UPDATE securebase.conflicts SET laptop_sha256 = $1", {kDigest});
            }).find("permission denied"),
            std::string::npos);
  EXPECT_EQ(s_->exec(resolve).affected(), 1);
  EXPECT_EQ(admin_->exec("SELECT kept || ' ' || resolved_by FROM securebase.conflicts").text(0, 0),
            "server " + dbname_ + "_s");
}

}  // namespace
}  // namespace securebase::server
