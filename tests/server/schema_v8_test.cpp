// Server schema version 8: the read policies that no longer call a function per row let each
// login read exactly what they did before — a counselor their own families and what hangs off
// them, a supervisor every family, assigned or not — and reassignment moves a family between
// counselors at once. Pulls find changed rows through an index on every numbered table.
#include <gtest/gtest.h>

#include "raw_sql.h"
#include "securebase/server/connection.h"
#include "staff_databases.h"

namespace securebase::server {
namespace {

using testing::kFamilyA;
using testing::kFamilyB;

class ServerSchemaV8Test : public testing::StaffDatabase {
 protected:
  void SetUp() override { setUpAt(8); }

  // The family uuids `db` reads from `table` (its uuid column named `column`), in order.
  static std::string seen(Connection& db, const std::string& table, const std::string& column) {
    return db
        .exec("SELECT coalesce(string_agg(" + column + "::text, ',' ORDER BY " + column +
              "), '') FROM securebase." + table)
        .text(0, 0);
  }
};

TEST_F(ServerSchemaV8Test, EachLoginReadsTheFamiliesItDidBefore) {
  const std::string both = std::string(kFamilyA) + "," + kFamilyB;
  for (const char* table : {"families", "assignments"}) {
    const std::string column = std::string(table) == "families" ? "uuid" : "family_uuid";
    EXPECT_EQ(seen(*a_, table, column), kFamilyA) << table;
    EXPECT_EQ(seen(*b_, table, column), kFamilyB) << table;
    EXPECT_EQ(seen(*s_, table, column), both) << table;
  }
  // A counselor cannot update another's family: the row is not there for them.
  EXPECT_EQ(b_->exec("UPDATE securebase.families SET address = 'x' WHERE uuid = $1", {kFamilyA})
                .affected(),
            0);
}

TEST_F(ServerSchemaV8Test, AReassignedFamilyChangesHandsAtOnce) {
  const auto bea = admin_
                       ->exec(
                           "SELECT counselor_uuid FROM securebase.assignments "
                           "WHERE family_uuid = $1",
                           {kFamilyB})
                       .text(0, 0);
  s_->exec("UPDATE securebase.assignments SET counselor_uuid = $1 WHERE family_uuid = $2",
           {bea, kFamilyA});
  EXPECT_EQ(seen(*a_, "families", "uuid"), "");
  EXPECT_EQ(seen(*b_, "families", "uuid"), std::string(kFamilyA) + "," + kFamilyB);
}

TEST_F(ServerSchemaV8Test, ASupervisorReadsAFamilyWithNoAssignment) {
  constexpr const char* kLoose = "c0000000-0000-4000-8000-000000000003";
  admin_->exec(
      "INSERT INTO securebase.families (uuid, display_name, language, created_on) "
      "VALUES ($1, 'Familia', 'es', '2026-11-01')",
      {kLoose});
  EXPECT_NE(seen(*s_, "families", "uuid").find(kLoose), std::string::npos);
  EXPECT_EQ(seen(*a_, "families", "uuid"), kFamilyA);
}

TEST_F(ServerSchemaV8Test, EveryNumberedTableOfAFamilyHasAChangeNumberIndex) {
  EXPECT_EQ(admin_
                ->exec("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_indexes "
                       "WHERE schemaname = 'securebase' AND indexdef LIKE '%(change_number)'")
                .text(0, 0),
            "assignments,families,goals,people,referrals,signatures,visits");
}

}  // namespace
}  // namespace securebase::server
