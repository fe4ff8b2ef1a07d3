// Real processes against one real file: a writer killed inside its transaction, and two
// writers at once. Children are forked and open their own connection.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "securebase/core/error.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/commit_hook.h"
#include "securebase/store/store.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

bool waitForFile(const std::filesystem::path& file, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (std::filesystem::exists(file) && std::filesystem::file_size(file) > 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

std::string integrityCheck(store::Database& db) {
  auto s = db.prepare("PRAGMA integrity_check");
  s.step();
  return s.text(0);
}

}  // namespace

TEST(Crash, KilledInsideAWriteTransactionKeepsEveryCommitAndNoneOfTheInterrupted) {
  TempDir dir;
  const auto file = dir / "crash.db";
  const auto marker = dir / "in-transaction";
  {
    store::Database db(file);
    store::Store store(db, "test");
    addSmallFamily(store, "Committed family");
  }
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    store::setBeforeCommitHook([&marker] {
      { std::ofstream(marker) << ::getpid() << "\n"; }
      for (;;) ::pause();
    });
    try {
      store::Database db(file);
      store::Store store(db, "test");
      model::Family f;
      f.display_name = "Interrupted family";
      store.addFamily(f);  // holds before COMMIT until killed
    } catch (...) {
    }
    _exit(0);
  }
  ASSERT_TRUE(waitForFile(marker, std::chrono::seconds(10)));
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));

  store::Database db(file);
  EXPECT_EQ(integrityCheck(db), "ok");
  store::Store store(db, "test");
  auto families = store.listFamilies();
  ASSERT_EQ(families.size(), 1u);
  EXPECT_EQ(families[0].family.display_name, "Committed family");
  EXPECT_EQ(store.auditTrail("family").size(), 1u);
  // The file is writable again: the killed writer's lock is gone.
  addSmallFamily(store, "After the crash");
  EXPECT_EQ(store.listFamilies().size(), 2u);
  EXPECT_TRUE(store::verifyAuditChain(db).ok());
}

TEST(Concurrency, TwoWritersAtOnceBothSucceedOrOneReportsBusy) {
  TempDir dir;
  const auto file = dir / "two.db";
  { store::Database db(file); }
  constexpr int kPerWriter = 25;
  auto writer = [&](const std::string& who) -> int {
    try {
      store::Database db(file, {.busy_timeout_ms = 5000});
      store::Store store(db, who);
      int written = 0;
      for (int i = 0; i < kPerWriter; ++i) {
        try {
          addSmallFamily(store, who + " " + std::to_string(i));
          ++written;
        } catch (const Error& e) {
          if (std::string(e.what()).find("busy") == std::string::npos) return 100;
        }
      }
      return written;
    } catch (...) {
      return 101;
    }
  };
  pid_t pids[2];
  for (int w = 0; w < 2; ++w) {
    pids[w] = fork();
    ASSERT_GE(pids[w], 0);
    if (pids[w] == 0) _exit(writer(w == 0 ? "cli" : "desktop"));
  }
  int written = 0;
  for (pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    const int code = WEXITSTATUS(status);
    ASSERT_LE(code, kPerWriter) << "a writer failed with something other than busy";
    written += code;
  }
  store::Database db(file);
  EXPECT_EQ(integrityCheck(db), "ok");
  // Each action is whole: every family that got in has its audit row, nothing half-written.
  const auto families = countRows(db, "families");
  EXPECT_GE(families, written);
  EXPECT_EQ(countRows(db, "caregivers"), countRows(db, "children"));
  EXPECT_EQ(countRows(db, "audit_log"),
            families + countRows(db, "caregivers") + countRows(db, "children"));
  EXPECT_EQ(written, 2 * kPerWriter);  // with a 5 s busy timeout nobody should give up
  // Both programs appended to one chain: neither linked a row to one the other had replaced.
  const auto chain = store::verifyAuditChain(db);
  EXPECT_TRUE(chain.ok()) << chain.problem->message;
  EXPECT_EQ(chain.rows_checked, countRows(db, "audit_log"));
}
