// A test with its own folder, database path and securebase-cli runner, plus the checks every
// refusal test makes: the exit code, one line on stderr naming the problem, nothing changed.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_runner.h"
#include "temp_dir.h"

namespace securebase::testing {

struct FamilyIds {
  std::string family, caregiver, child;
};

class CliTest : public ::testing::Test {
 protected:
  CliTest();

  // Runs with SECUREBASE_DB set to db().
  CliResult cli(const std::vector<std::string>& args,
                const std::map<std::string, std::string>& extra_env = {}) const;
  // Runs a command that must succeed and returns its stdout without the final newline.
  std::string ok(const std::vector<std::string>& args) const;

  const std::filesystem::path& db() const { return db_; }
  const TempDir& dir() const { return dir_; }
  CliRunner& runner() { return runner_; }

  void init() const { ok({"init"}); }
  // A family with one mother and one baby born 2025-01-10 at 40 weeks.
  FamilyIds addFamily(const std::string& name = "Rivera family") const;
  // A visit file for the shipped attachment-practices v1 form with the given observations
  // (JSON objects as text), written into the test folder.
  std::filesystem::path writeVisitFile(const FamilyIds& ids, const std::string& observations,
                                       const std::string& date = "2025-03-01",
                                       const std::string& name = "visit.json") const;

  // Every row of every table of db(), audit_log included.
  std::string dump() const;

 private:
  TempDir dir_;
  std::filesystem::path db_;
  CliRunner runner_;
};

// The rows of one table inside a dumpContent() text.
std::string tableRows(const std::string& dump, const std::string& table);

// Exit code `code`, empty stdout and exactly one stderr line containing `needle`.
::testing::AssertionResult refused(const CliResult& result, int code, const std::string& needle);

}  // namespace securebase::testing
