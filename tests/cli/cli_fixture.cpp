#include "cli_fixture.h"

#include <thread>

#include "securebase/store/database.h"
#include "store_fixture.h"
#include "test_key.h"

namespace securebase::testing {

CliTest::CliTest()
    : db_(dir_ / "securebase.db"), key_file_(dir_ / "passphrase.txt"), runner_(dir_.path()) {
  runner_.setEnv("SECUREBASE_DB", db_.string());
  writeFile(key_file_, kTestKey + "\n");
}

store::DatabaseOptions testKeyOptions(const std::filesystem::path& file) {
  const bool encrypted = store::inspectDatabaseFile(file) == store::FileKind::encrypted;
  return {.key = encrypted ? kTestKey : "", .create_if_missing = false};
}

bool takesDatabase(const std::vector<std::string>& args) {
  if (args.empty() || args[0].empty() || args[0][0] == '-' || args[0] == "forms") return false;
  for (const auto& arg : args)
    if (arg == "--help" || arg == "-h" || arg.rfind("--passphrase-", 0) == 0) return false;
  return true;
}

CliResult CliTest::cli(const std::vector<std::string>& args,
                       const std::map<std::string, std::string>& extra_env) const {
  if (!use_key_file_ || !takesDatabase(args)) return runner_.run(args, extra_env);
  std::vector<std::string> with_key = args;
  with_key.insert(with_key.end(), {"--passphrase-file", key_file_.string()});
  return runner_.run(with_key, extra_env);
}

std::string CliTest::ok(const std::vector<std::string>& args) const {
  return successOutput(cli(args), args);
}

FamilyIds CliTest::addFamily(const std::string& name) const {
  FamilyIds ids;
  ids.family = ok({"family", "add", "--name", name, "--since", "2025-01-01"});
  ids.caregiver =
      ok({"caregiver", "add", "--family", ids.family, "--name", "Ana", "--relationship", "mother"});
  ids.child = ok({"child", "add", "--family", ids.family, "--name", "Sofía", "--born", "2025-01-10",
                  "--sex", "female"});
  return ids;
}

std::filesystem::path CliTest::writeVisitFile(const FamilyIds& ids, const std::string& observations,
                                              const std::string& date,
                                              const std::string& name) const {
  const auto path = dir_ / name;
  writeFile(path, "{\"family_id\": " + ids.family + ", \"date\": \"" + date +
                      "\", \"outcome\": \"completed\", \"place\": \"home\", "
                      "\"present\": \"Ana, Sofía\", \"form_id\": \"attachment-practices\", "
                      "\"form_version\": 1, \"observation_sets\": [{\"caregiver_id\": " +
                      ids.caregiver + ", \"child_id\": " + ids.child + ", \"observations\": [" +
                      observations + "]}]}");
  return path;
}

CliProcess CliTest::startHeldWriter() const {
  const auto marker = dir_ / "holding";
  std::filesystem::remove(marker);
  // Only the test build of the program can be held before its commit (see cli_holding/).
  CliRunner holding = runner_;
  holding.setProgram(CliRunner::holdingBinary());
  auto process = holding.start(
      {"family", "add", "--name", "Held family", "--passphrase-file", key_file_.string()},
      {{"SECUREBASE_DB", db_.string()}, {"SECUREBASE_TEST_HOLD_BEFORE_COMMIT", marker.string()}});
  EXPECT_TRUE(waitForFile(marker, std::chrono::seconds(10)));
  return process;
}

std::string CliTest::dump() const {
  store::Database database(db_, testKeyOptions(db_));
  return dumpContent(database);
}

bool waitForFile(const std::filesystem::path& file, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    std::error_code ec;
    if (std::filesystem::file_size(file, ec) > 0 && !ec) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

std::string tableRows(const std::string& dump, const std::string& table) {
  const std::string header = "[" + table + "]\n";
  const auto start = dump.find(header);
  if (start == std::string::npos) return "";
  const auto end = dump.find("\n[", start + header.size() - 1);
  return dump.substr(start + header.size(),
                     end == std::string::npos ? end : end + 1 - start - header.size());
}

::testing::AssertionResult refused(const CliResult& result, int code, const std::string& needle) {
  const auto lines = result.errLines();
  if (result.exit_code != code)
    return ::testing::AssertionFailure()
           << "expected exit " << code << ", got " << describe(result);
  if (!result.out.empty())
    return ::testing::AssertionFailure() << "expected no stdout, got " << describe(result);
  if (lines.size() != 1 || result.err.back() != '\n')
    return ::testing::AssertionFailure()
           << "expected exactly one line on stderr, got " << describe(result);
  if (lines[0].rfind("securebase-cli: ", 0) != 0)
    return ::testing::AssertionFailure() << "stderr does not name the program: " << lines[0];
  if (lines[0].find(needle) == std::string::npos)
    return ::testing::AssertionFailure()
           << "stderr does not say \"" << needle << "\": " << lines[0];
  return ::testing::AssertionSuccess();
}

}  // namespace securebase::testing
