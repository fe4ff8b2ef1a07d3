// Database files that cannot be used: missing, read-only, corrupt, locked by another program,
// and one whose writer was killed inside a transaction. Exit code 3 (2 when missing), one line
// on stderr, and the file unchanged.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <random>
#include <thread>

#include "cli_fixture.h"
#include "securebase/store/database.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

std::string integrityCheck(const std::filesystem::path& file) {
  store::Database db(file, testKeyOptions(file));
  auto s = db.prepare("PRAGMA integrity_check");
  s.step();
  return s.text(0);
}

}  // namespace

class DatabaseErrors : public CliTest {};

TEST_F(DatabaseErrors, ADatabaseThatDoesNotExistIsNotFoundAndNotCreated) {
  for (const auto& args : std::vector<std::vector<std::string>>{{"family", "list"},
                                                                {"family", "add", "--name", "X"},
                                                                {"settings", "get"},
                                                                {"visit", "show", "1"}}) {
    EXPECT_TRUE(refused(cli(args), 2, "does not exist; create it with: securebase-cli init"));
    EXPECT_FALSE(std::filesystem::exists(db()));
  }
  const auto elsewhere = dir() / "missing" / "folder" / "x.db";
  EXPECT_TRUE(refused(cli({"family", "list", "--db", elsewhere.string()}), 2, elsewhere.string()));
  EXPECT_FALSE(std::filesystem::exists(elsewhere.parent_path()));
}

TEST_F(DatabaseErrors, InitInAFolderThatDoesNotExistIsADatabaseError) {
  const auto elsewhere = dir() / "missing" / "x.db";
  EXPECT_TRUE(refused(cli({"init", "--db", elsewhere.string()}), 3, "folder does not exist"));
  EXPECT_FALSE(std::filesystem::exists(elsewhere.parent_path()));
}

TEST_F(DatabaseErrors, ACorruptFileIsRefusedAndLeftByteForByte) {
  std::mt19937 random(20261128);
  std::string noise(64 * 1024, '\0');
  for (auto& byte : noise) byte = static_cast<char>(random() & 0xFF);
  writeFile(db(), noise);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"family", "list"}, {"family", "add", "--name", "X"}, {"init"}}) {
    // Without the right key, noise and an encrypted file look alike: both are named.
    EXPECT_TRUE(refused(cli(args), 3,
                        "wrong passphrase for database " + db().string() +
                            " (if the passphrase is right, the file is damaged"));
    EXPECT_EQ(readFile(db()), noise);
  }
  EXPECT_FALSE(std::filesystem::exists(db().string() + "-wal"));
}

TEST_F(DatabaseErrors, ATruncatedDatabaseIsRefused) {
  init();
  addFamily();
  {
    store::Database database(db(),
                             testKeyOptions(db()));  // checkpoint so the main file holds everything
  }
  auto bytes = readFile(db());
  ASSERT_GT(bytes.size(), 8192u);
  bytes.resize(bytes.size() / 2);
  writeFile(db(), bytes);
  const auto result = cli({"family", "show", "1"});
  EXPECT_EQ(result.exit_code, 3) << describe(result);
  EXPECT_EQ(result.errLines().size(), 1u) << describe(result);
  EXPECT_EQ(readFile(db()), bytes);
}

TEST_F(DatabaseErrors, ADatabaseLockedByAnotherWriterReportsBusy) {
  init();
  addFamily();
  const auto before = dump();
  store::Database holder(db(), testKeyOptions(db()));
  holder.exec("BEGIN IMMEDIATE");
  const std::map<std::string, std::string> quick = {{"SECUREBASE_BUSY_TIMEOUT_MS", "100"}};
  EXPECT_TRUE(refused(cli({"family", "add", "--name", "Waiting family"}, quick), 3, "busy"));
  EXPECT_TRUE(refused(cli({"settings", "set", "clinic.name", "X"}, quick), 3, "busy"));
  // Readers are not blocked by a writer (WAL).
  EXPECT_NE(cli({"family", "list"}, quick).out.find("Rivera family"), std::string::npos);
  holder.exec("ROLLBACK");
  EXPECT_EQ(dump(), before);
  EXPECT_EQ(cli({"family", "add", "--name", "Waiting family"}, quick).exit_code, 0);
}

TEST_F(DatabaseErrors, ABadBusyTimeoutIsBadInput) {
  init();
  const auto before = dump();
  EXPECT_TRUE(refused(cli({"family", "list"}, {{"SECUREBASE_BUSY_TIMEOUT_MS", "soon"}}), 1,
                      "SECUREBASE_BUSY_TIMEOUT_MS"));
  EXPECT_EQ(dump(), before);
}

// A copy of a small database in its own folder with the given permissions, used by a process
// that cannot write through them (root can, so the binary then runs as nobody).
class ReadOnlyDatabase : public CliTest {
 protected:
  void SetUp() override {
    init();
    addFamily();
    before_ = dump();
    {
      store::Database checkpoint(db(), testKeyOptions(db()));
    }  // everything in the main file, no -wal left
  }
  void TearDown() override {
    ::chmod(folder().c_str(), 0755);
    ::chmod(file().c_str(), 0644);
  }
  std::filesystem::path folder() const { return dir() / "readonly"; }
  std::filesystem::path file() const { return folder() / "securebase.db"; }

  void prepare(mode_t file_mode, mode_t folder_mode) {
    std::filesystem::create_directories(folder());
    std::filesystem::copy_file(db(), file());
    bytes_ = readFile(file());
    ASSERT_EQ(::chmod(file().c_str(), file_mode), 0);
    ASSERT_EQ(::chmod(folder().c_str(), folder_mode), 0);
    ASSERT_EQ(::chmod(dir().path().c_str(), 0755), 0);
    if (::geteuid() == 0) {
      runner().setPrefix(
          {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"});
      const auto probe = cli({"--version"});
      ASSERT_EQ(probe.exit_code, 0) << "cannot run the binary as nobody: " << describe(probe);
    }
    runner().setEnv("SECUREBASE_DB", file().string());
  }

  void expectEveryWriteRefused(const std::string& needle) {
    EXPECT_TRUE(refused(cli({"family", "add", "--name", "Not saved"}), 3, needle));
    EXPECT_TRUE(refused(cli({"settings", "set", "clinic.name", "Not saved"}), 3, needle));
    EXPECT_TRUE(refused(cli({"init"}), 3, needle));
    EXPECT_EQ(readFile(file()), bytes_);
    runner().setPrefix({});
    TearDown();
    store::Database database(file(), testKeyOptions(file()));
    EXPECT_EQ(dumpContent(database), before_);
  }

  std::string before_, bytes_;
};

TEST_F(ReadOnlyDatabase, AReadOnlyFileInAReadOnlyFolderIsRefusedUnchanged) {
  prepare(0444, 0555);
  expectEveryWriteRefused("is read-only; SecureBase needs to write to it");
  EXPECT_FALSE(std::filesystem::exists(file().string() + "-wal"));
}

TEST_F(ReadOnlyDatabase, AReadOnlyFileInAWritableFolderIsRefusedUnchanged) {
  prepare(0444, 0777);
  expectEveryWriteRefused("is read-only; SecureBase needs to write to it");
}

TEST_F(ReadOnlyDatabase, AWritableFileInAReadOnlyFolderIsRefusedUnchanged) {
  prepare(0666, 0555);
  expectEveryWriteRefused("folder of database " + file().string() + " is read-only");
}

// Reading needs no write access: with a read-only file or folder the reading commands work
// (and write nothing there), while every write is still refused as above.
TEST_F(ReadOnlyDatabase, ReadingCommandsWorkOnAReadOnlyFileOrFolder) {
  for (const auto& [file_mode, folder_mode] :
       std::vector<std::pair<mode_t, mode_t>>{{0444, 0555}, {0444, 0777}, {0666, 0555}}) {
    SCOPED_TRACE(std::to_string(file_mode) + " " + std::to_string(folder_mode));
    TearDown();
    runner().setPrefix({});
    std::filesystem::remove_all(folder());
    prepare(file_mode, folder_mode);
    const auto out = dir() / "out";
    std::filesystem::create_directories(out);
    ::chmod(out.c_str(), 0777);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"family", "list"},
             {"family", "show", "1"},
             {"caseload"},
             {"export", "-o", "-"},
             {"report", "--family", "1", "-o", (out / "report.pdf").string()},
             {"handout", "--generic", "--db", file().string(), "-o",
              (out / "handout.pdf").string()},
             {"check"}}) {
      const auto result = cli(args);
      EXPECT_EQ(result.exit_code, 0) << args[0] << "\n" << describe(result);
    }
    EXPECT_NE(cli({"family", "list"}).out.find("Rivera family"), std::string::npos);
    EXPECT_EQ(readFile(file()), bytes_);
    EXPECT_TRUE(refused(cli({"family", "add", "--name", "Not saved"}), 3, "read-only"));
  }
}

TEST_F(DatabaseErrors, AWriterKilledBeforeCommitLosesOnlyItsOwnAction) {
  init();
  ok({"family", "add", "--name", "First family"});
  ok({"family", "add", "--name", "Second family"});
  const auto marker = dir() / "holding";
  runner().setProgram(CliRunner::holdingBinary());
  auto process = runner().start(
      {"family", "add", "--name", "Interrupted family", "--passphrase-file", keyFile().string()},
      {{"SECUREBASE_DB", db().string()}, {"SECUREBASE_TEST_HOLD_BEFORE_COMMIT", marker.string()}});
  ASSERT_TRUE(waitForFile(marker, std::chrono::seconds(10)));
  ASSERT_EQ(::kill(process.pid(), SIGKILL), 0);
  const auto result = process.wait(std::chrono::seconds(5));
  EXPECT_EQ(result.signal, SIGKILL) << describe(result);
  EXPECT_EQ(result.out, "");  // the id is printed only after COMMIT
  runner().setProgram(CliRunner::binary());

  EXPECT_EQ(integrityCheck(db()), "ok");
  const auto csv = ok({"family", "list", "--format", "csv"});
  EXPECT_NE(csv.find("First family"), std::string::npos);
  EXPECT_NE(csv.find("Second family"), std::string::npos);
  EXPECT_EQ(csv.find("Interrupted"), std::string::npos) << csv;
  const auto audit = tableRows(dump(), "audit_log");
  EXPECT_EQ(audit.find("Interrupted"), std::string::npos) << audit;
  EXPECT_EQ(ok({"family", "add", "--name", "After the crash"}), "3");
  EXPECT_NE(ok({"family", "list"}).find("After the crash"), std::string::npos);
  EXPECT_NE(ok({"audit", "verify"}).find("Audit trail intact"), std::string::npos);
}

class OutputErrors : public CliTest {
 protected:
  void SetUp() override {
    init();
    addFamily();
    runner().setStdoutFile("/dev/full");
  }
};

TEST_F(OutputErrors, AListThatCannotBeWrittenFailsWithCode4) {
  for (const char* format : {"table", "csv", "json"})
    EXPECT_TRUE(refused(cli({"family", "list", "--format", format}), 4, "could not write"));
}

TEST_F(OutputErrors, AnIdThatCannotBeWrittenFailsWithCode4) {
  EXPECT_TRUE(refused(cli({"family", "add", "--name", "Second"}), 4, "could not write"));
  EXPECT_TRUE(refused(cli({"family", "show", "1"}), 4, "could not write"));
  EXPECT_TRUE(refused(cli({"--version"}), 4, "could not write"));
}
