// Plausibility through the real binary: a visit dated before the baby was born or before the
// family joined, and a 100,000-character name, are refused with one clear line at entry and at
// import, and change nothing.
#include <gtest/gtest.h>

#include <algorithm>

#include "cli_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

class PlausibilityCli : public CliTest {
 protected:
  void SetUp() override {
    init();
    ids_ = addFamily();  // joined 2025-01-01, Sofía born 2025-01-10
  }
  // An export of db() with `from` replaced by `to` once, written to a file.
  std::filesystem::path editedExport(const std::string& from, const std::string& to) const {
    std::string text = cli({"export"}).out;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    const auto file = dir() / "edited.json";
    writeFile(file, text);
    return file;
  }
  FamilyIds ids_;
};

const char* kAnswers = R"({"item_id": "responds-to-cry", "rating": 2})";

}  // namespace

TEST_F(PlausibilityCli, VisitsBeforeTheBirthOrTheFamilysStartAreRefused) {
  const std::string before = dump();
  EXPECT_TRUE(refused(
      cli({"visit", "add", "--from", writeVisitFile(ids_, kAnswers, "2025-01-05").string()}), 1,
      "visit date 2025-01-05 is before Sofía was born (2025-01-10)"));
  const auto no_child = dir() / "missed.json";
  writeFile(no_child, R"({"family_id": )" + ids_.family +
                          R"(, "date": "1900-01-01", "outcome": "missed",
      "form_id": "attachment-practices", "form_version": 1, "observation_sets": []})");
  EXPECT_TRUE(
      refused(cli({"visit", "add", "--from", no_child.string()}), 1,
              "visit date 1900-01-01 is before the family joined the program (2025-01-01)"));
  EXPECT_EQ(dump(), before);
  EXPECT_TRUE(refused(cli({"family", "add", "--name", "Later", "--since", "2999-01-01"}), 1,
                      "is in the future"));
}

TEST_F(PlausibilityCli, AnImportedVisitBeforeTheBirthIsRefused) {
  ok({"visit", "add", "--from", writeVisitFile(ids_, kAnswers).string()});
  const auto file = editedExport("\"date\": \"2025-03-01\"", "\"date\": \"1900-01-01\"");
  const auto other = dir() / "other.db";
  ok({"init", "--db", other.string()});
  const auto result = cli({"import", file.string(), "--db", other.string()});
  EXPECT_EQ(result.exit_code, 1) << describe(result);
  EXPECT_NE(result.err.find("1900-01-01 is before"), std::string::npos) << result.err;
  const auto families = cli({"family", "list", "--db", other.string(), "--format", "csv"}).out;
  EXPECT_EQ(std::count(families.begin(), families.end(), '\n'), 1) << families;  // header only
}

TEST_F(PlausibilityCli, AHundredThousandCharacterNameIsRefusedAtEntryAndImport) {
  const std::string huge(100000, 'x');
  const std::string before = dump();
  EXPECT_TRUE(refused(cli({"family", "add", "--name", huge}), 1,
                      "family name is too long (100000 characters; at most 200)"));
  EXPECT_TRUE(refused(
      cli({"child", "add", "--family", ids_.family, "--name", huge, "--born", "2025-02-01"}), 1,
      "child name is too long"));
  EXPECT_EQ(dump(), before);

  const auto file =
      editedExport("\"display_name\": \"Rivera family\"", "\"display_name\": \"" + huge + "\"");
  const auto other = dir() / "other.db";
  ok({"init", "--db", other.string()});
  EXPECT_TRUE(refused(cli({"import", file.string(), "--db", other.string()}), 1,
                      "family name is too long (100000 characters; at most 200)"));
}
