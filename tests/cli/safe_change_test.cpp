// Changing the passphrase, encrypting and restoring by copy and swap: a full disk or another
// program leaves the database exactly as it was and says so; a crash is finished or undone at
// the next open, and a database whose files remain is never mistaken for one to create afresh.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlcipher/sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "cipher_probe.h"
#include "cli_fixture.h"
#include "securebase/store/database.h"
#include "store_fixture.h"
#include "test_key.h"

using namespace securebase;
using namespace securebase::testing;
namespace fs = std::filesystem;

namespace {

// Another program reading the database: a process of its own that opens the file with SQLCipher,
// begins a transaction and reads, writes `marker`, then keeps its read transaction open until it
// is killed — what a report or a sqlcipher shell left at "BEGIN; SELECT …" does.
pid_t startHeldReader(const fs::path& file, const std::string& key, const fs::path& marker) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) ::_exit(1);
  sqlite3_key(db, key.data(), static_cast<int>(key.size()));
  const std::string reading = "PRAGMA kdf_iter = " + std::to_string(store::kKdfIterations) +
                              "; PRAGMA cipher_page_size = 4096; BEGIN; "
                              "SELECT count(*) FROM families; SELECT count(*) FROM audit_log;";
  if (sqlite3_exec(db, reading.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) ::_exit(2);
  std::ofstream(marker) << "reading\n";
  for (;;) ::pause();
}

}  // namespace

class SafeChange : public CliTest {
 protected:
  void SetUp() override {
    init();
    for (const char* name : {"Rivera family", "Okafor family", "Nguyen family", "Haddad family"})
      addFamily(name);
    ok({"check"});  // everything in the main file
    before_ = dump();
    writeFile(dir() / "new-key.txt", kOtherTestKey + "\n");
  }
  CliResult changePassphrase() const {
    return cli({"passphrase", "--new-passphrase-file", (dir() / "new-key.txt").string()});
  }
  // The database opens with the old key only, holds what it held, and nothing is left beside it.
  void expectUnchanged() {
    runner().setPrefix({});
    EXPECT_TRUE(opensWith(db(), kTestKey, store::kKdfIterations));
    EXPECT_FALSE(opensWith(db(), kOtherTestKey, store::kKdfIterations));
    EXPECT_EQ(dump(), before_);
    for (const char* leftover : {".new-passphrase", ".old-passphrase", ".unfinished"})
      EXPECT_FALSE(fs::exists(db().string() + leftover)) << leftover;
    EXPECT_NE(ok({"check"}).find("is intact"), std::string::npos);
  }
  std::string before_;
};

TEST_F(SafeChange, APassphraseChangeOnAFullDiskLeavesTheOldPassphraseWorking) {
  const auto size = fs::file_size(db());
  // The verified copy can be a few pages smaller than the file (it leaves out free pages, such as
  // those a migration's rebuilt table left), so the largest limit stays well under the size.
  for (const auto limit : {std::uintmax_t{4096}, size / 4, size / 2, size * 3 / 4}) {
    SCOPED_TRACE("file size limit " + std::to_string(limit) + " of " + std::to_string(size));
    runner().setPrefix({"/usr/bin/prlimit", "--fsize=" + std::to_string(limit), "--"});
    const auto result = changePassphrase();
    EXPECT_NE(result.exit_code, 0) << describe(result);
    EXPECT_NE(result.err.find("the disk is full"), std::string::npos) << result.err;
    // Past the smallest limit the copy is under way when the disk fills.
    if (limit > 4096) {
      EXPECT_NE(result.err.find("the old passphrase still opens it"), std::string::npos)
          << result.err;
    }
    expectUnchanged();
  }
  EXPECT_EQ(changePassphrase().exit_code, 0);
  EXPECT_TRUE(opensWith(db(), kOtherTestKey, store::kKdfIterations));
  EXPECT_FALSE(opensWith(db(), kTestKey, store::kKdfIterations));
  EXPECT_EQ(dumpContent(db(), kOtherTestKey), before_);
}

TEST_F(SafeChange, APassphraseChangeWhileAnotherProgramWritesChangesNothing) {
  auto holder = startHeldWriter();
  const auto result = cli({"passphrase", "--new-passphrase-file", (dir() / "new-key.txt").string()},
                          {{"SECUREBASE_BUSY_TIMEOUT_MS", "200"}});
  ::kill(holder.pid(), SIGKILL);
  holder.wait(std::chrono::seconds(5));
  EXPECT_EQ(result.exit_code, 3) << describe(result);
  expectUnchanged();
}

// Issue 11, item 2: the in-place rekey, waiting on a reader, said "busy, try again" after it had
// re-keyed the file, so the old passphrase no longer opened it. Whatever the change does while
// another program holds a read transaction — finish, or give up (at once or after the default
// busy timeout, which this test keeps) — afterwards exactly one passphrase opens the file: the
// new one if it said it succeeded, the old one if it said it failed, with the data as it was.
// The old behaviour fails the second branch: a failure reported while the new passphrase opens.
TEST_F(SafeChange, APassphraseChangeWaitingOnAReaderEndsWithExactlyThePassphraseItReports) {
  const auto marker = dir() / "reading";
  const pid_t reader = startHeldReader(db(), kTestKey, marker);
  ASSERT_GT(reader, 0);
  const bool holding = waitForFile(marker, std::chrono::seconds(10));
  const auto result = holding ? changePassphrase() : CliResult{};
  ::kill(reader, SIGKILL);
  int status = 0;
  ::waitpid(reader, &status, 0);
  ASSERT_TRUE(holding) << "the reader never started reading";

  const bool old_opens = opensWith(db(), kTestKey, store::kKdfIterations);
  const bool new_opens = opensWith(db(), kOtherTestKey, store::kKdfIterations);
  EXPECT_NE(old_opens, new_opens) << "old opens: " << old_opens << ", new opens: " << new_opens
                                  << "\n"
                                  << describe(result);
  if (result.exit_code == 0) {
    EXPECT_TRUE(new_opens) << describe(result);
    EXPECT_EQ(dumpContent(db(), kOtherTestKey), before_);
  } else {
    // One line, nothing on standard output ("Passphrase changed for …" would be a lie).
    EXPECT_TRUE(
        refused(result, 3, "is open in another program; close it before changing its passphrase"));
    expectUnchanged();
  }
}

TEST_F(SafeChange, ACrashBetweenTheRenamesOfAnOlderEncryptIsPutBack) {
  // What an older version left when killed between its two renames: no database file.
  fs::rename(db(), db().string() + ".unencrypted");
  fs::copy_file(db().string() + ".unencrypted", db().string() + ".encrypting");
  const auto result = cli({"family", "list"});
  EXPECT_EQ(result.exit_code, 0) << describe(result);
  EXPECT_NE(result.err.find("was missing after an interrupted encryption; the unencrypted "
                            "original was put back"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.out.find("Haddad family"), std::string::npos);
  EXPECT_FALSE(fs::exists(db().string() + ".unencrypted"));
  EXPECT_FALSE(fs::exists(db().string() + ".encrypting"));
}

TEST_F(SafeChange, ACrashBetweenTheRenamesOfAnOlderRestoreIsPutBack) {
  fs::rename(db(), db().string() + ".before-restore-20260101-120000");
  writeFile(db().string() + ".restoring", "half a copy");
  const auto result = cli({"family", "list"});
  EXPECT_EQ(result.exit_code, 0) << describe(result);
  EXPECT_NE(result.err.find("was missing after an interrupted restore"), std::string::npos)
      << result.err;
  EXPECT_EQ(dump(), before_);
  EXPECT_FALSE(fs::exists(db().string() + ".restoring"));
}

TEST_F(SafeChange, AMissingDatabaseWhoseFilesRemainIsNeverOfferedInit) {
  fs::rename(db(), dir() / "moved.db");
  writeFile(db().string() + "-wal", "journal");
  for (const auto& args : std::vector<std::vector<std::string>>{{"family", "list"}, {"init"}}) {
    const auto result = cli(args);
    EXPECT_TRUE(
        refused(result, 2, "is missing, but files of it remain beside it (securebase.db-wal)"));
    EXPECT_EQ(result.err.find("securebase-cli init"), std::string::npos) << result.err;
  }
  EXPECT_FALSE(fs::exists(db()));
}

TEST_F(SafeChange, AnUnfinishedPassphraseChangeIsUndoneAtTheNextOpen) {
  // Killed while the copy under the new passphrase was being written.
  fs::copy_file(db(), db().string() + ".new-passphrase");
  writeFile(db().string() + ".unfinished", "operation passphrase\nstage copying\nincoming " +
                                               db().string() + ".new-passphrase\naside " +
                                               db().string() + ".old-passphrase\nkeep_aside 0\n");
  const auto result = cli({"check"});
  EXPECT_EQ(result.exit_code, 0) << describe(result);
  EXPECT_NE(result.err.find("passphrase change of " + db().string() +
                            " was undone: the old passphrase still opens it"),
            std::string::npos)
      << result.err;
  expectUnchanged();
}

TEST_F(SafeChange, EncryptingLeavesNoUnencryptedCopyAndCheckNamesOneThatRemains) {
  const auto plain = dir() / "plain" / "clinic.db";
  fs::create_directories(plain.parent_path());
  useKeyFile(false);
  ok({"init", "--unencrypted", "--db", plain.string()});
  ok({"family", "add", "--name", "Plain family", "--db", plain.string()});
  ok({"encrypt", "--db", plain.string(), "--passphrase-file", keyFile().string()});
  useKeyFile(true);
  for (const auto& entry : fs::directory_iterator(plain.parent_path()))
    EXPECT_FALSE(entry.is_regular_file() && hasSqliteHeader(entry.path())) << entry.path();
  // An unencrypted copy beside an encrypted database (an older version's leftover, a kept
  // original) is named by check instead of "intact".
  { store::Database unencrypted(dir() / "copy.db"); }
  fs::copy_file(dir() / "copy.db", db().string() + ".unencrypted");
  EXPECT_TRUE(refused(cli({"check"}), 3,
                      "unencrypted copies of it lie beside it: " + db().string() + ".unencrypted"));
}

TEST_F(SafeChange, ARestoreOnAFullDiskSaysSoAndChangesNothing) {
  ok({"backup"});
  ok({"family", "add", "--name", "After the backup"});
  ok({"check"});
  const std::string current = dump();
  fs::path backup;
  for (const auto& entry : fs::directory_iterator(dir() / "backups"))
    if (entry.path().extension() == ".db") backup = entry.path();
  runner().setPrefix({"/usr/bin/prlimit", "--fsize=8192", "--"});
  const auto result = cli({"restore", backup.string()});
  runner().setPrefix({});
  EXPECT_TRUE(refused(result, 4, "the disk is full"));
  EXPECT_EQ(result.err.find("Success"), std::string::npos) << result.err;
  EXPECT_EQ(dump(), current);
  EXPECT_FALSE(fs::exists(db().string() + ".restoring"));
}

TEST_F(SafeChange, ARestoreIsRefusedWhileAnotherProgramHasTheFileOpenWhateverTheBackupsKey) {
  // A backup under another passphrase: the current file cannot be opened with it.
  ok({"backup"});
  fs::path backup;
  for (const auto& entry : fs::directory_iterator(dir() / "backups"))
    if (entry.path().extension() == ".db") backup = entry.path();
  ASSERT_EQ(
      cli({"passphrase", "--new-passphrase-file", (dir() / "new-key.txt").string()}).exit_code, 0);
  writeFile(keyFile(), kOtherTestKey + "\n");
  auto holder = startHeldWriter();
  writeFile(keyFile(), kTestKey + "\n");  // the backup's passphrase
  const auto result = cli({"restore", backup.string()});
  ::kill(holder.pid(), SIGKILL);
  holder.wait(std::chrono::seconds(5));
  EXPECT_TRUE(refused(result, 3, "is open in another program"));
  EXPECT_TRUE(opensWith(db(), kOtherTestKey, store::kKdfIterations));
}
