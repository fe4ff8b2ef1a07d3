// The desktop program and the command line writing the same database at once: every write
// either succeeds or is reported busy, none is lost or half-done, and the audit trail stays one
// unbroken chain — each row follows exactly one other, so the chain never forks.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "build_paths.h"
#include "gui_support.h"
#include "main_frame.h"
#include "securebase/core/error.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/database.h"
#include "temp_dir.h"
#include "test_key.h"

namespace securebase::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kCliWriters = 3;
constexpr int kWritesPerCliWriter = 8;
constexpr int kDesktopWrites = 24;

// One shell loop of `family add` runs of the real CLI, logging each exit code and stderr line.
pid_t startCliWriter(const fs::path& db, const fs::path& key, const fs::path& log, int writer) {
  std::ostringstream script;
  script << "i=1; while [ $i -le " << kWritesPerCliWriter << " ]; do '" << SECUREBASE_CLI_PATH
         << "' family add --name \"CLI " << writer << "-$i\" --db '" << db.string()
         << "' --passphrase-file '" << key.string() << "' >/dev/null 2>>'" << log.string()
         << ".err'; echo $? >> '" << log.string() << "'; i=$((i+1)); done";
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::setenv("SECUREBASE_DATA_DIR", SECUREBASE_TEST_SOURCE_DIR, 1);
    ::execl("/bin/sh", "sh", "-c", script.str().c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

std::vector<int> exitCodes(const fs::path& log) {
  std::vector<int> codes;
  std::ifstream in(log);
  for (int code = 0; in >> code;) codes.push_back(code);
  return codes;
}

std::string textOf(const fs::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(ConcurrentWriters, DesktopAndCommandLineBothSucceedOrReportBusyAndTheChainStaysWhole) {
  TempDir dir;
  const auto file = dir / "shared.db";
  {
    store::Database db(file, {.key = kTestKey});
    store::Store store(db, "test");
    addTestFamily(store, "First family");
  }
  const auto key = writeKeyFile(dir.path());
  auto* frame = new app::MainFrame(std::make_unique<app::Session>(file, kTestKey));
  frame->Show();
  pump(200);

  std::vector<pid_t> writers;
  for (int w = 0; w < kCliWriters; ++w)
    writers.push_back(startCliWriter(file, key, dir / ("writer" + std::to_string(w)), w));

  // Meanwhile the desktop program records families and goals as a counselor would.
  int desktop_families = 0, desktop_goals = 0, desktop_busy = 0;
  for (int i = 0; i < kDesktopWrites; ++i) {
    try {
      auto& store = frame->session().store();
      model::Family family;
      family.display_name = "Desktop family " + std::to_string(i);
      const model::Id id = store.addFamily(family);
      ++desktop_families;
      model::Goal goal;
      goal.family_id = id;
      goal.text = "Answer cries quickly";
      store.addGoal(goal);
      ++desktop_goals;
    } catch (const Error& e) {
      ASSERT_NE(std::string(e.what()).find("busy"), std::string::npos) << e.what();
      ++desktop_busy;
    }
    if (i % 6 == 0) frame->reloadCaseload();
    pump(5);
  }
  for (pid_t pid : writers) ::waitpid(pid, nullptr, 0);

  int cli_saved = 0, cli_busy = 0;
  for (int w = 0; w < kCliWriters; ++w) {
    const auto log = dir / ("writer" + std::to_string(w));
    const auto codes = exitCodes(log);
    ASSERT_EQ(codes.size(), static_cast<std::size_t>(kWritesPerCliWriter));
    for (int code : codes) {
      ASSERT_TRUE(code == 0 || code == 3)
          << "exit " << code << ": " << textOf(log.string() + ".err");
      (code == 0 ? cli_saved : cli_busy)++;
    }
    if (cli_busy > 0) {
      EXPECT_NE(textOf(log.string() + ".err").find("is busy"), std::string::npos);
    }
  }
  EXPECT_GT(cli_saved, 0);
  EXPECT_GT(desktop_goals, 0);

  frame->reloadCaseload();
  {
    // Statements end before the window, and with it the database, goes away.
    auto& db = frame->session().database();
    auto families = db.prepare("SELECT count(*) FROM families");
    families.step();
    EXPECT_EQ(families.integer(0), 1 + desktop_families + cli_saved)
        << desktop_busy << " desktop and " << cli_busy << " command-line writes were busy";

    const auto report = store::verifyAuditChain(db);
    EXPECT_TRUE(report.ok()) << (report.problem ? report.problem->message : "");
    auto forks = db.prepare(
        "SELECT count(*) FROM (SELECT prev_hash FROM audit_log GROUP BY prev_hash "
        "HAVING count(*) > 1)");
    forks.step();
    EXPECT_EQ(forks.integer(0), 0);
    // One audit row per saved family and goal, plus the first family's three, the setting
    // naming the counselor and that counselor's record.
    EXPECT_EQ(report.rows_checked, 5 + desktop_families + desktop_goals + cli_saved);
  }
  closeAllWindows();
}

}  // namespace
}  // namespace securebase::testing
