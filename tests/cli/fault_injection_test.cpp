// Every file-changing call of a command, one at a time, made to kill the program or fail with
// ENOSPC or EIO (tests/fault_shim, preloaded into the real securebase-cli). Calls alike — the
// same call on the same file as the one before and after, like the 40 page writes of one copy —
// are tried at the first and last of each run; every other call is tried on its own. The
// folders live on /dev/shm when there is one: fsync there costs nothing, so the few thousand
// runs take seconds. After each one the
// database must open with exactly one of the passphrases it may have (before or after the
// command), pass check and audit verify, hold either the state before or the state after the
// command (the state after when the command said it succeeded), and no unencrypted copy of the
// records may lie anywhere in the folder.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "cli_runner.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/database.h"
#include "securebase/store/recovery.h"
#include "store_fixture.h"
#include "temp_dir.h"
#include "test_key.h"

using namespace securebase;
using namespace securebase::testing;
namespace fs = std::filesystem;

namespace {

const std::string kPlain;  // "key" of an unencrypted database

// One folder holding a database (work/securebase.db), its key files and inputs.
class Workspace {
 public:
  explicit Workspace(const fs::path& root) : root_(root), runner_(root / "home") {
    fs::create_directories(root / "work");
    fs::create_directories(root / "inputs");
    fs::create_directories(root / "out");
    runner_.setEnv("SECUREBASE_DB", db().string());
    writeFile(keyFile(kTestKey), kTestKey + "\n");
    writeFile(keyFile(kOtherTestKey), kOtherTestKey + "\n");
  }

  fs::path db() const { return root_ / "work" / "securebase.db"; }
  fs::path keyFile(const std::string& key) const {
    return root_ / (key == kTestKey ? "key-1.txt" : "key-2.txt");
  }
  const fs::path& root() const { return root_; }

  // {dir} in an argument stands for this workspace's folder.
  CliResult run(std::vector<std::string> args, const std::string& key,
                const std::map<std::string, std::string>& env = {}) const {
    for (auto& arg : args)
      if (const auto at = arg.find("{dir}"); at != std::string::npos)
        arg.replace(at, 5, root_.string());
    if (!key.empty()) args.insert(args.end(), {"--passphrase-file", keyFile(key).string()});
    return runner_.run(args, env);
  }
  std::string ok(const std::vector<std::string>& args, const std::string& key) const {
    const auto result = run(args, key);
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    return result.out;
  }

 private:
  fs::path root_;
  CliRunner runner_;
};

std::map<std::string, std::int64_t> rowCounts(const fs::path& file, const std::string& key) {
  store::Database db(file, {.key = key, .create_if_missing = false, .read_only = true});
  std::vector<std::string> tables;
  {
    auto list = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
    while (list.step()) tables.push_back(list.text(0));
  }
  std::map<std::string, std::int64_t> counts;
  for (const auto& table : tables) {
    auto count = db.prepare("SELECT count(*) FROM \"" + table + "\"");
    count.step();
    counts[table] = count.integer(0);
  }
  return counts;
}

bool startsAsSqlite(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in.gcount() == 16 && std::string(header, 15) == "SQLite format 3";
}

struct Scenario {
  std::function<void(const Workspace&)> prepare;
  std::vector<std::string> command;  // run with the key `before`
  std::string before, after;         // keys the database may have afterwards
  // Extra checks on the folder after each injection (e.g. no partial output).
  std::function<void(const Workspace&, const CliResult&)> check_outputs;
};

class FaultInjection : public ::testing::Test {
 protected:
  void runEveryPoint(const Scenario& scenario);

 private:
  void verify(const Scenario& scenario, const Workspace& space, const CliResult& result,
              const std::map<std::string, std::int64_t>& before,
              const std::map<std::string, std::int64_t>& after, const std::string& point);
};

void copyFolder(const fs::path& from, const fs::path& to) {
  fs::remove_all(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
}

std::map<std::string, std::string> faultEnv(long at, const std::string& action,
                                            const fs::path& trace_file = {}) {
  std::map<std::string, std::string> env = {{"LD_PRELOAD", SECUREBASE_FAULT_SHIM_PATH},
                                            {"SECUREBASE_FAULT_AT", std::to_string(at)},
                                            {"SECUREBASE_FAULT_ACTION", action}};
  if (!trace_file.empty()) env["SECUREBASE_FAULT_TRACE"] = trace_file.string();
  return env;
}

// Whether `key` opens the database as SecureBase would (an unencrypted file only for kPlain),
// and it passes its integrity check and the audit chain's.
bool opensIntact(const fs::path& file, const std::string& key, std::string& problem) {
  const bool plain = store::inspectDatabaseFile(file) == store::FileKind::plain;
  if (plain != (key == kPlain)) return false;
  try {
    store::Database db(file, {.key = key, .create_if_missing = false});
    auto check = db.prepare("PRAGMA integrity_check");
    check.step();
    if (check.text(0) != "ok") problem = "integrity: " + check.text(0);
    const auto audit = store::verifyAuditChain(db);
    if (audit.problem) problem = "audit: " + audit.problem->message;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

void FaultInjection::verify(const Scenario& scenario, const Workspace& space,
                            const CliResult& result,
                            const std::map<std::string, std::int64_t>& before,
                            const std::map<std::string, std::int64_t>& after,
                            const std::string& point) {
  SCOPED_TRACE(point + "\n" + describe(result));
  // Opening finishes or undoes whatever the fault interrupted (the same call every front end
  // makes first); then exactly one of the two keys opens it, intact.
  ASSERT_NO_THROW(store::finishInterruptedChange(space.db()));

  std::string problem;
  const bool opens_before = opensIntact(space.db(), scenario.before, problem);
  const bool opens_after = scenario.after == scenario.before
                               ? opens_before
                               : opensIntact(space.db(), scenario.after, problem);
  if (scenario.after != scenario.before) {
    ASSERT_NE(opens_before, opens_after) << "opens with neither or both keys";
  } else {
    ASSERT_TRUE(opens_before) << "does not open";
  }
  EXPECT_EQ(problem, "");
  const std::string key = opens_after && !opens_before ? scenario.after : scenario.before;

  const auto counts = rowCounts(space.db(), key);
  if (result.exit_code == 0) {
    EXPECT_EQ(counts, after) << "an acknowledged change is missing";
    EXPECT_EQ(key, scenario.after);
  } else {
    EXPECT_TRUE(counts == before || counts == after) << "neither the state before nor after";
  }
  // No unencrypted copy anywhere beside an encrypted database (the inputs are the test's own).
  for (const auto& entry : fs::recursive_directory_iterator(space.root() / "work")) {
    if (!entry.is_regular_file()) continue;
    if (key != kPlain || entry.path() != space.db()) {
      EXPECT_FALSE(startsAsSqlite(entry.path())) << "plaintext left: " << entry.path();
    }
  }
  if (scenario.check_outputs) scenario.check_outputs(space, result);
}

// The points to try: the 1-based numbers of the calls in `trace` that differ from the call
// before or the call after (kind and file).
std::vector<long> distinctPoints(const std::string& trace) {
  std::vector<std::string> calls;
  std::istringstream lines(trace);
  for (std::string line; std::getline(lines, line);) calls.push_back(line);
  std::vector<long> points;
  for (std::size_t i = 0; i < calls.size(); ++i)
    if (i == 0 || i + 1 == calls.size() || calls[i] != calls[i - 1] || calls[i] != calls[i + 1])
      points.push_back(static_cast<long>(i + 1));
  return points;
}

// A folder on tmpfs when there is one (see the top of the file), else under the build tree.
class FastDir {
 public:
  FastDir() {
    static std::atomic<int> counter{0};
    if (::access("/dev/shm", W_OK) == 0) {
      path_ = fs::path("/dev/shm") /
              ("securebase-fault-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
      fs::remove_all(path_);
      fs::create_directories(path_);
    } else {
      fallback_ = std::make_unique<TempDir>();
      path_ = fallback_->path();
    }
  }
  ~FastDir() {
    std::error_code ec;
    if (!fallback_) fs::remove_all(path_, ec);
  }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
  std::unique_ptr<TempDir> fallback_;
};

void FaultInjection::runEveryPoint(const Scenario& scenario) {
  FastDir dir;
  const Workspace prepared(dir / "prepared");
  scenario.prepare(prepared);
  const auto before = rowCounts(prepared.db(), scenario.before);

  // A clean run: the state after, and how many calls there are to interrupt.
  const Workspace reference(dir / "reference");
  copyFolder(prepared.root(), reference.root());
  const fs::path trace_file = dir / "trace.txt";
  const auto clean =
      reference.run(scenario.command, scenario.before, faultEnv(0, "kill", trace_file));
  ASSERT_EQ(clean.exit_code, 0) << describe(clean);
  const auto after = rowCounts(reference.db(), scenario.after);
  const std::string trace = readFile(trace_file);
  const auto points = distinctPoints(trace);
  const long calls = static_cast<long>(std::count(trace.begin(), trace.end(), '\n'));
  ASSERT_FALSE(points.empty());
  std::cout << "[          ] " << points.size() << " distinct points of " << calls
            << " calls, each killed and failed\n";

  const Workspace space(dir / "run");
  for (const long at : points) {
    // Every point killed, and every point failed with one of the two errors.
    for (const std::string action : {"kill", at % 2 ? "enospc" : "eio"}) {
      copyFolder(prepared.root(), space.root());
      const auto result = space.run(scenario.command, scenario.before, faultEnv(at, action));
      verify(scenario, space, result, before, after,
             action + " at call " + std::to_string(at) + " of " + std::to_string(calls));
      if (HasFailure()) return;  // the first point that fails says enough
    }
  }
}

void smallDatabase(const Workspace& space, const std::string& key) {
  space.ok(key.empty() ? std::vector<std::string>{"init", "--unencrypted"}
                       : std::vector<std::string>{"init"},
           key);
  const std::string family =
      space.ok({"family", "add", "--name", "Rivera family", "--since", "2025-01-01"}, key);
  const std::string id = family.substr(0, family.find('\n'));
  space.ok({"caregiver", "add", "--family", id, "--name", "Ana", "--relationship", "mother"}, key);
  space.ok({"child", "add", "--family", id, "--name", "Sofía", "--born", "2025-01-10", "--sex",
            "female"},
           key);
}

}  // namespace

TEST_F(FaultInjection, PassphraseChange) {
  runEveryPoint({[](const Workspace& s) { smallDatabase(s, kTestKey); },
                 {"passphrase", "--new-passphrase-file", "{dir}/key-2.txt"},
                 kTestKey,
                 kOtherTestKey,
                 {}});
}

TEST_F(FaultInjection, Encrypt) {
  runEveryPoint({[](const Workspace& s) { smallDatabase(s, kPlain); },
                 {"encrypt", "--passphrase-file", "{dir}/key-1.txt"},
                 kPlain,
                 kTestKey,
                 {}});
}

TEST_F(FaultInjection, Restore) {
  runEveryPoint({[](const Workspace& s) {
                   smallDatabase(s, kTestKey);
                   s.ok({"backup", "--folder", "{dir}/inputs"}, kTestKey);
                   for (const auto& entry : fs::directory_iterator(s.root() / "inputs"))
                     if (entry.path().extension() == ".db")
                       fs::rename(entry.path(), s.root() / "inputs" / "backup.db");
                   s.ok({"family", "add", "--name", "Later family"}, kTestKey);
                 },
                 {"restore", "{dir}/inputs/backup.db"},
                 kTestKey,
                 kTestKey,
                 {}});
}

TEST_F(FaultInjection, Backup) {
  runEveryPoint({[](const Workspace& s) { smallDatabase(s, kTestKey); },
                 {"backup"},
                 kTestKey,
                 kTestKey,
                 [](const Workspace& s, const CliResult&) {
                   // Whatever carries a backup's name opens and is intact.
                   const auto folder = s.root() / "work" / "backups";
                   if (!fs::exists(folder)) return;
                   for (const auto& entry : fs::directory_iterator(folder))
                     if (entry.path().extension() == ".db") {
                       EXPECT_EQ(rowCounts(entry.path(), kTestKey).count("families"), 1u);
                     }
                 }});
}

TEST_F(FaultInjection, Import) {
  runEveryPoint(
      {[](const Workspace& s) {
         smallDatabase(s, kTestKey);
         const Workspace other(s.root() / "other");
         smallDatabase(other, kTestKey);
         other.ok({"export", "-o", (s.root() / "inputs" / "other.json").string()}, kTestKey);
         fs::remove_all(other.root());
       },
       {"import", "{dir}/inputs/other.json"},
       kTestKey,
       kTestKey,
       {}});
}

TEST_F(FaultInjection, Export) {
  runEveryPoint({[](const Workspace& s) { smallDatabase(s, kTestKey); },
                 {"export", "-o", "{dir}/out/export.json"},
                 kTestKey,
                 kTestKey,
                 [](const Workspace& s, const CliResult& result) {
                   // Only the finished export itself, never a partial or hidden copy.
                   for (const auto& entry : fs::directory_iterator(s.root() / "out")) {
                     EXPECT_EQ(entry.path().filename(), "export.json") << describe(result);
                   }
                   if (result.exit_code == 0) {
                     EXPECT_TRUE(fs::exists(s.root() / "out" / "export.json"));
                   }
                 }});
}

TEST_F(FaultInjection, VisitAdd) {
  runEveryPoint({[](const Workspace& s) {
                   smallDatabase(s, kTestKey);
                   writeFile(s.root() / "inputs" / "visit.json",
                             R"({"family_id": 1, "date": "2025-03-01", "outcome": "completed",
                                 "place": "home", "present": "Ana, Sofía",
                                 "form_id": "attachment-practices", "form_version": 1,
                                 "observation_sets": [{"caregiver_id": 1, "child_id": 1,
                                   "observations": [{"item_id": "responds-to-cry", "rating": 2}]}]})");
                 },
                 {"visit", "add", "--from", "{dir}/inputs/visit.json"},
                 kTestKey,
                 kTestKey,
                 {}});
}
