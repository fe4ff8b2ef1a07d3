// Server schema version 6: match keys are set only for a family the caller may write, pairs and
// their merge are a supervisor's, a counselor reads neither another counselor's keys nor any
// pair, and the merge itself refuses a family outside the pair.
#include <gtest/gtest.h>

#include "raw_sql.h"
#include "securebase/core/error.h"
#include "securebase/server/connection.h"
#include "securebase/server/schema.h"
#include "staff_databases.h"

namespace securebase::server {
namespace {

using testing::kFamilyA;
using testing::kFamilyB;
using testing::refusal;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class ServerSchemaV6Test : public testing::StaffDatabase {
 protected:
  void SetUp() override { setUpAt(6); }

  static void setKey(Connection& db, const char* family, const std::string& key) {
    db.exec(
        "SELECT securebase.set_match_keys(ARRAY[$1]::uuid[], ARRAY[$1]::uuid[], "
        "ARRAY['child'], ARRAY[$2])",
        {std::string(family), key});
  }

  std::string adminValue(const std::string& sql) { return admin_->exec(sql).text(0, 0); }
};

TEST_F(ServerSchemaV6Test, FamiliesSharingAKeyArePairedForSupervisorsOnly) {
  setKey(*a_, kFamilyA, "sofia|2025-01-10");
  setKey(*b_, kFamilyB, "sofia|2025-01-10");
  EXPECT_EQ(adminValue("SELECT count(*) FROM securebase.duplicate_pairs"), "1");
  EXPECT_EQ(s_->exec("SELECT reasons FROM securebase.possible_duplicates").text(0, 0), "child");
  // A counselor sees their own family's keys only, and no pair at all.
  EXPECT_EQ(a_->exec("SELECT count(*) FROM securebase.family_match_keys").text(0, 0), "1");
  EXPECT_TRUE(
      contains(refusal([&] { a_->exec("SELECT count(*) FROM securebase.duplicate_pairs"); }),
               "permission denied"));
  EXPECT_NE(refusal([&] { a_->exec("SELECT count(*) FROM securebase.possible_duplicates"); }), "");
  // Nor sets keys for another counselor's family, nor writes the tables directly.
  EXPECT_TRUE(contains(refusal([&] { setKey(*a_, kFamilyB, "other|2025-01-10"); }),
                       "not one this login may write"));
  EXPECT_NE(refusal([&] {
              a_->exec("INSERT INTO securebase.family_match_keys VALUES ($1, 'phone', '1')",
                       {std::string(kFamilyA)});
            }),
            "");
  // Nor merges, even calling the server's function.
  const std::string pair = adminValue("SELECT id FROM securebase.duplicate_pairs");
  EXPECT_NE(refusal([&] {
              a_->exec("SELECT securebase.merge_families($1, $2)", {pair, std::string(kFamilyA)});
            }),
            "");
  EXPECT_EQ(adminValue("SELECT count(*) FROM securebase.families"), "2");

  // Keys replaced: the pair no longer shares one and leaves the list, though its number stays.
  setKey(*b_, kFamilyB, "lucia|2025-01-10");
  EXPECT_EQ(s_->exec("SELECT count(*) FROM securebase.possible_duplicates").text(0, 0), "0");
  EXPECT_TRUE(contains(
      refusal([&] {
        s_->exec("SELECT securebase.merge_families($1, $2)", {pair, std::string(kFamilyA)});
      }),
      "is not in possible duplicate"));
  EXPECT_EQ(adminValue("SELECT count(*) FROM securebase.family_merges"), "0");
}

TEST_F(ServerSchemaV6Test, AMergeRecordIsNeverChangedAndAFamilyMergedAwayIsNotNewAgain) {
  setKey(*a_, kFamilyA, "sofia|2025-01-10");
  setKey(*b_, kFamilyB, "sofia|2025-01-10");
  const std::string pair = adminValue("SELECT id FROM securebase.duplicate_pairs");
  EXPECT_EQ(s_->exec("SELECT securebase.merge_families($1, $2)", {pair, std::string(kFamilyA)})
                .text(0, 0),
            kFamilyB);
  EXPECT_EQ(b_->exec("SELECT securebase.family_state($1)", {std::string(kFamilyB)}).text(0, 0),
            "merged");
  // Bea still reads the merge of the family that was hers, not Ana's family.
  EXPECT_EQ(b_->exec("SELECT count(*) FROM securebase.family_merges").text(0, 0), "1");
  EXPECT_EQ(b_->exec("SELECT count(*) FROM securebase.families").text(0, 0), "0");
  for (const char* sql : {"UPDATE securebase.family_merges SET winner_uuid = loser_uuid",
                          "DELETE FROM securebase.family_merges"})
    EXPECT_TRUE(contains(refusal([&] { admin_->exec(sql); }), "family merges cannot be changed"))
        << sql;
  EXPECT_EQ(adminValue("SELECT loser_record->>'display_name' FROM securebase.family_merges"),
            "Familia");
}

}  // namespace
}  // namespace securebase::server
