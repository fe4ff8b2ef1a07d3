// A counselor's or supervisor's laptop for the sync tests: its own encrypted database file
// (the test key), made and used through the real securebase-cli, and the server login it syncs
// with (a connection string and a file holding the login's password).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace securebase::testing {

class Laptop {
 public:
  // Everything of the laptop lives in `folder` (made here).
  Laptop(const std::filesystem::path& folder, std::string server, std::filesystem::path password);

  // Runs securebase-cli on this laptop's database (--db and the test key added).
  CliResult run(std::vector<std::string> args) const;
  // The same for a command that must succeed: its stdout without the final newline.
  std::string ok(const std::vector<std::string>& args) const;
  // securebase-cli sync with this laptop's login, and `extra` arguments (--prune).
  CliResult sync(const std::vector<std::string>& extra = {}) const;
  // The same, started and left running (to be killed).
  CliProcess startSync() const;

  // A new database, with `counselor` as a counselor record and the one at work.
  void setUp(const std::string& counselor) const;
  // A family (since 2025-01-01) of `counselor` with one caregiver and one baby born
  // 2025-01-10; returns the local ids: family, caregiver, child.
  std::vector<std::string> addFamily(const std::string& name, const std::string& counselor,
                                     const std::string& baby) const;
  // A visit of the shipped attachment-practices form on `date` (left a draft); its id.
  std::string addVisit(const std::vector<std::string>& family, const std::string& date) const;

  const std::filesystem::path& db() const { return db_; }

 private:
  std::vector<std::string> withDatabase(std::vector<std::string> args) const;
  std::vector<std::string> syncArgs() const;

  std::filesystem::path folder_, db_, key_file_, password_;
  std::string server_;
  CliRunner runner_;
};

}  // namespace securebase::testing
