// demo (sample data, reproducible from its seed) and forms validate.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "build_paths.h"
#include "cli_fixture.h"

using namespace securebase::testing;
namespace json = boost::json;

class Demo : public CliTest {};

TEST_F(Demo, FillsTheDatabaseWithFamiliesThatHaveVisits) {
  const auto out = ok({"demo", "--families", "30", "--seed", "7", "--today", "2025-06-01"});
  EXPECT_EQ(out.rfind("Added 30 families, ", 0), 0u) << out;
  const auto list = json::parse(ok({"family", "list", "--format", "json"})).as_array();
  ASSERT_EQ(list.size(), 30u);
  int with_visits = 0;
  for (const auto& row : list) {
    EXPECT_GT(row.at("id").as_int64(), 0);
    if (row.at("last_visit").is_null()) continue;
    ++with_visits;
    const std::string last(row.at("last_visit").as_string());
    const std::string due(row.at("next_due").as_string());
    EXPECT_LE(last, "2025-06-01");
    EXPECT_GT(due, last);
  }
  EXPECT_GE(with_visits, 20) << "most demo families should have a completed visit";
}

TEST_F(Demo, SameSeedAndDayGiveTheSameCaseload) {
  const auto first = dir() / "first.db";
  const auto second = dir() / "second.db";
  const std::vector<std::string> demo = {"demo", "--families", "12",         "--seed",
                                         "99",   "--today",    "2025-06-01", "--db"};
  auto with = [](std::vector<std::string> args, const std::filesystem::path& db) {
    args.push_back(db.string());
    return args;
  };
  ok(with(demo, first));
  ok(with(demo, second));
  const auto list_first = ok({"family", "list", "--format", "csv", "--db", first.string()});
  const auto list_second = ok({"family", "list", "--format", "csv", "--db", second.string()});
  EXPECT_EQ(list_first, list_second);
  EXPECT_EQ(std::count(list_first.begin(), list_first.end(), '\n'), 12);

  const auto third = dir() / "third.db";
  auto other_seed = with(demo, third);
  other_seed[4] = "100";
  ok(other_seed);
  EXPECT_NE(ok({"family", "list", "--format", "csv", "--db", third.string()}), list_first);
}

TEST_F(Demo, RefusesACountOutOfRangeWithoutCreatingTheDatabase) {
  EXPECT_TRUE(refused(cli({"demo", "--families", "0"}), 1, "--families"));
  EXPECT_FALSE(std::filesystem::exists(db()));
}

class FormsValidate : public CliTest {};

TEST_F(FormsValidate, TheShippedFormIsOk) {
  const auto form =
      std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms" / "attachment-practices.v1.json";
  const auto result = cli({"forms", "validate", form.string()});
  EXPECT_EQ(result.exit_code, 0) << describe(result);
  EXPECT_EQ(result.out.rfind(form.string() + ": ok (attachment-practices v1, ", 0), 0u)
      << result.out;
  EXPECT_EQ(result.err, "");
}

TEST_F(FormsValidate, WithoutFilesChecksTheFormsFolder) {
  const auto result = cli({"forms", "validate"});
  EXPECT_EQ(result.exit_code, 0) << describe(result);
  EXPECT_NE(result.out.find("attachment-practices.v1.json: ok"), std::string::npos);
}

TEST_F(FormsValidate, ABrokenFormNamesTheFileAndTheJsonPath) {
  auto form = json::parse(readFile(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms" /
                                   "attachment-practices.v1.json"))
                  .as_object();
  form["sections"].as_array()[1].as_object()["items"].as_array()[2].as_object()["scale"] = "seen2";
  const auto broken = dir() / "broken form.json";
  writeFile(broken, json::serialize(form));
  EXPECT_TRUE(refused(cli({"forms", "validate", broken.string()}), 1,
                      broken.string() + ": $.sections[1].items[2].scale"));
  const auto result = cli({"forms", "validate", broken.string()});
  EXPECT_NE(result.err.find("seen2"), std::string::npos) << result.err;
}

TEST_F(FormsValidate, SeveralFilesReportEachAndFailWithTheWorst) {
  const auto shipped =
      std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms" / "attachment-practices.v1.json";
  const auto broken = dir() / "broken.json";
  writeFile(broken, "{\"id\": \"x\",");
  const auto result = cli({"forms", "validate", shipped.string(), broken.string()});
  EXPECT_EQ(result.exit_code, 1) << describe(result);
  EXPECT_NE(result.out.find(shipped.string() + ": ok"), std::string::npos);
  ASSERT_EQ(result.errLines().size(), 1u) << describe(result);
  EXPECT_NE(result.errLines()[0].find(broken.string() + ": line 1"), std::string::npos)
      << result.err;
}

TEST_F(FormsValidate, AMissingFileIsNotFound) {
  const auto result = cli({"forms", "validate", (dir() / "nope.json").string()});
  EXPECT_EQ(result.exit_code, 2) << describe(result);
  EXPECT_EQ(result.errLines().size(), 1u) << describe(result);
}

TEST_F(Demo, NeverMixesSampleFamiliesIntoARealCaseload) {
  init();
  addFamily("Real family");
  const auto before = dump();
  EXPECT_TRUE(refused(cli({"demo", "--families", "3"}), 1, "already has families"));
  EXPECT_EQ(dump(), before);
}
