// `securebase-cli caseload`: the supervisor's list through the real binary.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "cli_fixture.h"

using namespace securebase::testing;

namespace {

class Caseload : public CliTest {
 protected:
  // Two families: Alvarez visited on 2025-03-01 twice-rated (improving), Brown never visited.
  void SetUp() override {
    init();
    alvarez_ = addFamily("Alvarez, Ana");
    brown_ = addFamily("Brown, Beth");
    ok({"visit", "add", "--from",
        writeVisitFile(alvarez_, R"({"item_id": "responds-to-cry", "rating": 0})", "2025-02-15",
                       "first.json")
            .string()});
    ok({"visit", "add", "--from",
        writeVisitFile(alvarez_, R"({"item_id": "responds-to-cry", "rating": 2})", "2025-03-01",
                       "second.json")
            .string()});
    // Only signed visits count (DESIGN §11).
    workAsDana();
    ok({"visit", "sign", "1"});
    ok({"visit", "sign", "2"});
  }
  FamilyIds alvarez_, brown_;
};

}  // namespace

TEST_F(Caseload, ListsLastVisitNextDueOverdueAndTrend) {
  const auto json =
      boost::json::parse(ok({"caseload", "--format", "json", "--today", "2025-03-20"}));
  const auto& rows = json.as_array();
  ASSERT_EQ(rows.size(), 2u);
  const auto& first = rows[0].as_object();  // most overdue first
  EXPECT_EQ(first.at("family").as_string(), "Alvarez, Ana");
  EXPECT_EQ(first.at("last_visit").as_string(), "2025-03-01");
  EXPECT_EQ(first.at("next_due").as_string(), "2025-03-15");
  EXPECT_EQ(first.at("days_overdue").as_string(), "5");
  EXPECT_EQ(first.at("trend").as_string(), "up");
  EXPECT_EQ(first.at("trend_points").as_string(), "+100");
  EXPECT_EQ(rows[1].as_object().at("trend").as_string(), "");
}

TEST_F(Caseload, FiltersOverdueAndSortsByName) {
  const auto overdue = ok({"caseload", "--overdue", "--today", "2025-03-20", "--format", "csv"});
  EXPECT_NE(overdue.find("Alvarez"), std::string::npos);
  EXPECT_EQ(overdue.find("Brown"), std::string::npos);
  const auto none = ok({"caseload", "--overdue", "--today", "2025-03-10", "--format", "csv"});
  EXPECT_EQ(none.find("Alvarez"), std::string::npos);
  const auto by_name = ok({"caseload", "--sort", "name", "--format", "csv"});
  EXPECT_LT(by_name.find("Alvarez"), by_name.find("Brown"));
  const auto table = ok({"caseload", "--today", "2025-03-20"});
  EXPECT_NE(table.find("↑"), std::string::npos);
}

TEST_F(Caseload, RefusesBadOptionsWithoutChangingAnything) {
  const auto before = dump();
  EXPECT_TRUE(refused(cli({"caseload", "--sort", "size"}), 1, "--sort"));
  EXPECT_EQ(ok({"caseload", "--counselor", "Nobody Here", "--format", "csv"}).find("Alvarez"),
            std::string::npos);
  EXPECT_TRUE(refused(cli({"caseload", "--today", "2025-02-30"}), 1, "not a date"));
  EXPECT_EQ(dump(), before);
}
