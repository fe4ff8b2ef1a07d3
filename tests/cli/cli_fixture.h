// A test with its own folder, database path and securebase-cli runner, plus the checks every
// refusal test makes: the exit code, one line on stderr naming the problem, nothing changed.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "securebase/store/database.h"
#include "temp_dir.h"

namespace securebase::testing {

struct FamilyIds {
  std::string family, caregiver, child;
};

class CliTest : public ::testing::Test {
 protected:
  CliTest();

  // Runs with SECUREBASE_DB set to db() and, for commands that open a database, the test key
  // (test_key.h) given with --passphrase-file: every database a test makes is encrypted.
  CliResult cli(const std::vector<std::string>& args,
                const std::map<std::string, std::string>& extra_env = {}) const;
  // Runs a command that must succeed and returns its stdout without the final newline.
  std::string ok(const std::vector<std::string>& args) const;

  const std::filesystem::path& db() const { return db_; }
  // The file holding the test key, and whether cli() passes it (tests of the passphrase
  // options themselves turn it off).
  const std::filesystem::path& keyFile() const { return key_file_; }
  void useKeyFile(bool use) { use_key_file_ = use; }
  const TempDir& dir() const { return dir_; }
  CliRunner& runner() { return runner_; }

  void init() const { ok({"init"}); }
  // Makes Dana Cruz the counselor at work (a record, and the personal setting counselor.name),
  // so commands that sign need no --as.
  void workAsDana() const {
    ok({"counselor", "add", "--name", "Dana Cruz"});
    ok({"settings", "set", "counselor.name", "Dana Cruz"});
  }
  // A family (in the program since 2025-01-01) with one mother and one baby born 2025-01-10 at
  // 40 weeks.
  FamilyIds addFamily(const std::string& name = "Rivera family") const;
  // A visit file for the shipped attachment-practices v1 form with the given observations
  // (JSON objects as text), written into the test folder.
  std::filesystem::path writeVisitFile(const FamilyIds& ids, const std::string& observations,
                                       const std::string& date = "2025-03-01",
                                       const std::string& name = "visit.json") const;

  // A `family add` held inside its open write transaction (SECUREBASE_TEST_HOLD_BEFORE_COMMIT):
  // another program using the database. Returned once it holds; kill it with SIGKILL.
  CliProcess startHeldWriter() const;

  // Every row of every table of db(), audit_log included.
  std::string dump() const;

 private:
  TempDir dir_;
  std::filesystem::path db_;
  std::filesystem::path key_file_;
  bool use_key_file_ = true;
  CliRunner runner_;
};

// Options that open an existing test database: with the test key when it is encrypted.
store::DatabaseOptions testKeyOptions(const std::filesystem::path& file);

// False for the commands that never open a database (forms, --help, --version).
bool takesDatabase(const std::vector<std::string>& args);

// The rows of one table inside a dumpContent() text.
std::string tableRows(const std::string& dump, const std::string& table);

// Waits until `file` exists and is not empty (a process held with
// SECUREBASE_TEST_HOLD_BEFORE_COMMIT writes it); false after `limit`.
bool waitForFile(const std::filesystem::path& file, std::chrono::seconds limit);

// Exit code `code`, empty stdout and exactly one stderr line containing `needle`.
::testing::AssertionResult refused(const CliResult& result, int code, const std::string& needle);

}  // namespace securebase::testing
