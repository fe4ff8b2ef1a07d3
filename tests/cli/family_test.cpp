// Families, caregivers and children through the real binary, and the list formats.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "cli_fixture.h"

using namespace securebase::testing;
namespace json = boost::json;

class Families : public CliTest {
 protected:
  void SetUp() override { init(); }
};

TEST_F(Families, AddPrintsTheNewIdsInOrder) {
  EXPECT_EQ(ok({"family", "add", "--name", "García family", "--language", "es"}), "1");
  EXPECT_EQ(ok({"family", "add", "--name", "Nguyen family"}), "2");
  EXPECT_EQ(ok({"caregiver", "add", "--family", "2", "--name", "Linh", "--relationship", "mother"}),
            "1");
  EXPECT_EQ(ok({"child", "add", "--family", "2", "--name", "Bao", "--born", "2025-02-01"}), "1");
}

TEST_F(Families, ShowListsCaregiversAndChildrenWithCorrectedAgeForPretermBabies) {
  const auto family = ok({"family", "add", "--name", "Okafor family", "--address", "12 Elm St",
                          "--phone", "555-0101"});
  ok({"caregiver", "add", "--family", family, "--name", "Ngozi", "--relationship", "mother"});
  ok({"child", "add", "--family", family, "--name", "Ada", "--born", "2025-01-10",
      "--gestation-weeks", "32", "--sex", "female"});
  ok({"child", "add", "--family", family, "--name", "Obi", "--born", "2025-01-10", "--sex",
      "male"});
  const auto out = ok({"family", "show", family});
  EXPECT_NE(out.find("Okafor family  (family " + family + ", active)"), std::string::npos) << out;
  EXPECT_NE(out.find("12 Elm St  555-0101"), std::string::npos) << out;
  EXPECT_NE(out.find("Ngozi (mother)"), std::string::npos) << out;
  std::string ada_line, obi_line;
  for (std::size_t start = 0; start < out.size();) {
    const auto end = out.find('\n', start);
    const auto line = out.substr(start, end - start);
    if (line.find("Ada,") != std::string::npos) ada_line = line;
    if (line.find("Obi,") != std::string::npos) obi_line = line;
    start = end == std::string::npos ? out.size() : end + 1;
  }
  EXPECT_NE(ada_line.find("born 2025-01-10 at 32 weeks, female"), std::string::npos) << out;
  EXPECT_NE(ada_line.find("(corrected "), std::string::npos) << ada_line;
  EXPECT_NE(obi_line.find("at 40 weeks, male"), std::string::npos) << out;
  EXPECT_EQ(obi_line.find("corrected"), std::string::npos) << obi_line;
}

TEST_F(Families, ShowAsJsonHasTheWholeFamily) {
  const auto ids = addFamily("Rivera family");
  const auto parsed = json::parse(ok({"family", "show", ids.family, "--format", "json"}));
  const auto& family = parsed.as_object();
  EXPECT_EQ(family.at("display_name").as_string(), "Rivera family");
  EXPECT_EQ(family.at("id").as_int64(), std::stoll(ids.family));
  EXPECT_FALSE(family.at("uuid").as_string().empty());
  ASSERT_EQ(family.at("caregivers").as_array().size(), 1u);
  EXPECT_EQ(family.at("caregivers").as_array()[0].at("name").as_string(), "Ana");
  ASSERT_EQ(family.at("children").as_array().size(), 1u);
  const auto& child = family.at("children").as_array()[0];
  EXPECT_EQ(child.at("name").as_string(), "Sofía");
  EXPECT_EQ(child.at("birth_date").as_string(), "2025-01-10");
  EXPECT_EQ(child.at("sex").as_string(), "female");
  EXPECT_TRUE(family.at("visits").as_array().empty());
}

TEST_F(Families, ListAsTableShowsADashForNoDate) {
  ok({"family", "add", "--name", "New family"});
  const auto out = ok({"family", "list"});
  EXPECT_NE(out.find("\n1   New family  en    active             -           -         0"),
            std::string::npos)
      << out;
}

TEST_F(Families, ListAsTableAlignsColumns) {
  ok({"family", "add", "--name", "Nguyen family", "--counselor", "María José"});
  ok({"family", "add", "--name", "Ali family"});
  const auto out = ok({"family", "list"});
  std::vector<std::string> lines;
  for (std::size_t start = 0; start <= out.size();) {
    const auto end = out.find('\n', start);
    lines.push_back(out.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  ASSERT_EQ(lines.size(), 4u) << out;
  EXPECT_EQ(lines[0].rfind("ID  Family", 0), 0u) << out;
  EXPECT_EQ(lines[1].rfind("--  ---", 0), 0u) << out;
  // Sorted by name; the next-due column starts at the same place on every row.
  EXPECT_NE(lines[2].find("Ali family"), std::string::npos);
  EXPECT_NE(lines[3].find("Nguyen family"), std::string::npos);
  EXPECT_NE(lines[3].find("María José"), std::string::npos);
  EXPECT_EQ(lines[2].find("Ali family"), lines[3].find("Nguyen family"));
}

TEST_F(Families, ListAsCsvQuotesByRfc4180) {
  ok({"family", "add", "--name", "Smith, \"Jo\" & Lee"});
  ok({"family", "add", "--name", "Plain family", "--language", "es"});
  const auto result = cli({"family", "list", "--format", "csv"});
  ASSERT_EQ(result.exit_code, 0) << describe(result);
  EXPECT_EQ(result.out,
            "id,name,language,status,counselor,last_visit,next_due,days_overdue,draft\r\n"
            "2,Plain family,es,active,,,,0,\r\n"
            "1,\"Smith, \"\"Jo\"\" & Lee\",en,active,,,,0,\r\n");
}

TEST_F(Families, ListAsJsonParsesWithEveryField) {
  ok({"family", "add", "--name", "Smith, \"Jo\" & Lee", "--counselor", "Dana"});
  const auto parsed = json::parse(ok({"family", "list", "--format", "json"}));
  ASSERT_TRUE(parsed.is_array());
  ASSERT_EQ(parsed.as_array().size(), 1u);
  const auto& row = parsed.as_array()[0].as_object();
  EXPECT_EQ(row.at("id").as_int64(), 1);
  EXPECT_EQ(row.at("name").as_string(), "Smith, \"Jo\" & Lee");
  EXPECT_EQ(row.at("language").as_string(), "en");
  EXPECT_EQ(row.at("status").as_string(), "active");
  EXPECT_EQ(row.at("counselor").as_string(), "Dana");
  EXPECT_TRUE(row.at("last_visit").is_null());  // no visit yet
  EXPECT_TRUE(row.at("next_due").is_null());
  EXPECT_EQ(row.at("days_overdue").as_int64(), 0);
}

TEST_F(Families, ListFiltersBySearchStatusAndCounselor) {
  ok({"family", "add", "--name", "Rivera family", "--counselor", "Dana"});
  ok({"family", "add", "--name", "Nguyen family", "--counselor", "Lee"});
  const auto search = ok({"family", "list", "--format", "csv", "--search", "rivera"});
  EXPECT_NE(search.find("Rivera"), std::string::npos);
  EXPECT_EQ(search.find("Nguyen"), std::string::npos);
  const auto by_counselor = ok({"family", "list", "--format", "csv", "--counselor", "Lee"});
  EXPECT_NE(by_counselor.find("Nguyen"), std::string::npos);
  EXPECT_EQ(by_counselor.find("Rivera"), std::string::npos);
  EXPECT_EQ(ok({"family", "list", "--format", "csv", "--status", "closed"}),
            "id,name,language,status,counselor,last_visit,next_due,days_overdue,draft\r");
}

TEST_F(Families, NamesWithSpacesQuotesAndAccentsArriveExactly) {
  const std::string name = "  O'Brien \"the elder\" — Zoë $HOME `x` ";
  const auto id = ok({"family", "add", "--name", name});
  const auto parsed = json::parse(ok({"family", "show", id, "--format", "json"}));
  EXPECT_EQ(parsed.at("display_name").as_string(), name);
}
