// The program as a whole: version, help on every command, and where it finds its database.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "build_paths.h"
#include "cli_fixture.h"

using namespace securebase::testing;

namespace {

const std::vector<std::vector<std::string>> kCommands = {{"init"},
                                                         {"settings", "get"},
                                                         {"settings", "set"},
                                                         {"family", "add"},
                                                         {"family", "list"},
                                                         {"family", "show"},
                                                         {"caregiver", "add"},
                                                         {"child", "add"},
                                                         {"visit", "add"},
                                                         {"visit", "show"},
                                                         {"visit", "sign"},
                                                         {"visit", "amend"},
                                                         {"visit", "discard"},
                                                         {"forms", "validate"},
                                                         {"demo"},
                                                         {"audit", "verify"},
                                                         {"server", "init"},
                                                         {"server", "audit-verify"},
                                                         {"server", "add-counselor"},
                                                         {"server", "add-supervisor"},
                                                         {"sync", "resolve"}};

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

// The version the top-level CMakeLists.txt declares, read independently of the build.
std::string projectVersion() {
  const auto text = readFile(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "CMakeLists.txt");
  std::smatch match;
  if (!std::regex_search(text, match, std::regex(R"(project\(SecureBase VERSION ([0-9.]+))")))
    return "(no version in CMakeLists.txt)";
  return match[1];
}

}  // namespace

class Basics : public CliTest {};

TEST_F(Basics, VersionPrintsTheProjectVersion) {
  const auto result = cli({"--version"});
  EXPECT_EQ(result.exit_code, 0) << describe(result);
  EXPECT_EQ(result.out, "securebase-cli " + projectVersion() + "\n");
  EXPECT_EQ(result.err, "");
}

TEST_F(Basics, HelpListsEveryCommandAndExitCodes) {
  const auto result = cli({"--help"});
  EXPECT_EQ(result.exit_code, 0) << describe(result);
  for (const auto& command : kCommands)
    EXPECT_NE(result.out.find("  " + joined(command) + " "), std::string::npos) << joined(command);
  EXPECT_NE(result.out.find("Exit codes: 0 success, 1 bad input or usage, 2 not found, "
                            "3 database error, 4 output error"),
            std::string::npos);
  for (const char* variable :
       {"SECUREBASE_DB", "SECUREBASE_DATA_DIR", "SECUREBASE_BUSY_TIMEOUT_MS"})
    EXPECT_NE(result.out.find(variable), std::string::npos) << variable;
}

TEST_F(Basics, NoArgumentsPrintsUsageAndFails) {
  const auto result = cli({});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("Usage: securebase-cli"), std::string::npos);
}

TEST_F(Basics, EveryCommandHasHelpAndNeedsNoDatabaseForIt) {
  for (const auto& command : kCommands) {
    auto args = command;
    args.push_back("--help");
    const auto result = cli(args);
    EXPECT_EQ(result.exit_code, 0) << joined(command) << "\n" << describe(result);
    EXPECT_EQ(result.out.rfind("Usage: securebase-cli " + joined(command), 0), 0u)
        << describe(result);
    EXPECT_EQ(result.err, "") << joined(command);
  }
  EXPECT_FALSE(std::filesystem::exists(db()));
}

TEST_F(Basics, InitCreatesTheDatabaseAndIsSafeToRepeat) {
  EXPECT_NE(ok({"init"}).find("Database ready: " + db().string()), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(db()));
  const auto before = dump();
  ok({"init"});
  EXPECT_EQ(dump(), before);
}

TEST_F(Basics, DbOptionWinsOverTheEnvironment) {
  const auto other = dir() / "other.db";
  ok({"init", "--db", other.string()});
  EXPECT_TRUE(std::filesystem::exists(other));
  EXPECT_FALSE(std::filesystem::exists(db()));
  ok({"family", "add", "--db", other.string(), "--name", "Only here"});
  EXPECT_NE(ok({"family", "list", "--db", other.string()}).find("Only here"), std::string::npos);
}

TEST_F(Basics, WithoutDbOrEnvironmentTheDatabaseLivesInXdgDataHome) {
  runner().setEnv("SECUREBASE_DB", "");
  ok({"init"});
  const auto expected = dir() / "home" / "data" / "securebase" / "securebase.db";
  EXPECT_TRUE(std::filesystem::exists(expected));
  ok({"family", "add", "--name", "Default place"});
  EXPECT_NE(ok({"family", "list"}).find("Default place"), std::string::npos);
}

TEST_F(Basics, SettingsSetAndGetInEveryFormat) {
  init();
  ok({"settings", "set", "clinic.name", "Casa Cuna, \"Sunrise\" clinic"});
  ok({"settings", "set", "default.language", "es"});
  EXPECT_EQ(ok({"settings", "get", "clinic.name"}), "Casa Cuna, \"Sunrise\" clinic");
  EXPECT_EQ(ok({"settings", "get", "clinic.name", "--format", "csv"}),
            "key,value\r\nclinic.name,\"Casa Cuna, \"\"Sunrise\"\" clinic\"\r");
  EXPECT_EQ(ok({"settings", "get", "default.language", "--format", "json"}),
            "[{\"key\":\"default.language\",\"value\":\"es\"}]");
  const auto table = ok({"settings", "get"});
  EXPECT_NE(table.find("clinic.name"), std::string::npos);
  EXPECT_NE(table.find("Casa Cuna"), std::string::npos);
  EXPECT_NE(table.find("paper.size"), std::string::npos);  // unset keys are listed too
}

// Help lines span several lines: each takes lines of its own in the table, under the value
// column, and the rows after it keep their columns.
TEST_F(Basics, SettingsTableStaysAlignedWhenAValueSpansSeveralLines) {
  init();
  ok({"settings", "set", "clinic.help_lines", "Crisis line: 988\nParent helpline: 555-0142"});
  ok({"settings", "set", "clinic.name", "Riverside"});
  const auto table = ok({"settings", "get"});
  std::vector<std::string> lines;
  std::istringstream in(table);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_GE(lines.size(), 3u) << table;
  // The value column starts where the header's "Value" starts.
  const auto value_column = lines[0].find("Value");
  ASSERT_NE(value_column, std::string::npos) << table;
  std::size_t first = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].rfind("clinic.help_lines", 0) == 0) first = i;
  ASSERT_LT(first + 1, lines.size()) << table;
  EXPECT_EQ(lines[first].substr(value_column), "Crisis line: 988") << table;
  EXPECT_EQ(lines[first + 1], std::string(value_column, ' ') + "Parent helpline: 555-0142")
      << table;
  for (const auto& line : lines) {
    if (line.empty()) continue;
    if (line.rfind("clinic.name", 0) == 0) {
      EXPECT_EQ(line.substr(value_column), "Riverside");
    }
    // Every line is the key column, then the value column: nothing starts anywhere else.
    const auto value = line.find_first_not_of(' ', line.find(' '));
    if (line[0] != ' ' && line[0] != '-' && value != std::string::npos) {
      EXPECT_EQ(value, value_column) << line;
    }
  }
}

TEST_F(Basics, SettingChangesAreAudited) {
  init();
  ok({"settings", "set", "clinic.phone", "555-0100"});
  const auto audit = tableRows(dump(), "audit_log");
  EXPECT_NE(audit.find("clinic.phone"), std::string::npos) << audit;
  EXPECT_NE(audit.find("555-0100"), std::string::npos) << audit;
}
