// What the programs write: never over the database or its backups, through (not over) a file
// that is not a regular file, to standard output for "-", readable by the owner only; no core
// dumps; patient details readable from a file instead of the process list; backups that queue.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "cli_fixture.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;
namespace fs = std::filesystem;

namespace {

mode_t modeOf(const fs::path& path) {
  struct stat status {};
  ::stat(path.c_str(), &status);
  return status.st_mode & 07777;
}

}  // namespace

class SafeOutput : public CliTest {
 protected:
  void SetUp() override {
    init();
    ids_ = addFamily();
    ok({"backup"});
    ok({"check"});
    before_ = dump();
  }
  fs::path backupFile() const {
    for (const auto& entry : fs::directory_iterator(dir() / "backups"))
      if (entry.path().extension() == ".db") return entry.path();
    return {};
  }
  FamilyIds ids_;
  std::string before_;
};

TEST_F(SafeOutput, NoOutputIsWrittenOverTheDatabaseItsJournalOrItsBackups) {
  const auto backup = backupFile();
  const std::string backup_bytes = readFile(backup);
  fs::create_symlink(db(), dir() / "link-to-db");
  const std::vector<std::vector<std::string>> attempts = {
      {"export", "-o", db().string()},
      {"export", "-o", (dir() / "link-to-db").string()},
      {"export", "-o", (dir() / "backups" / ".." / "securebase.db").string()},
      {"export", "-o", db().string() + "-wal"},
      {"report", "--family", ids_.family, "-o", db().string()},
      {"report", "--family", ids_.family, "-o", backup.string()},
      {"handout", "--generic", "-o", db().string() + "-shm"},
      {"export", "--format", "csv", "--out-dir", (dir() / "backups").string()},
  };
  for (const auto& args : attempts) {
    const auto result = cli(args);
    EXPECT_TRUE(refused(result, 1, "refusing to write")) << args[0] << " " << args.back();
  }
  EXPECT_EQ(dump(), before_);
  EXPECT_EQ(readFile(backup), backup_bytes);
  EXPECT_TRUE(fs::is_symlink(dir() / "link-to-db"));
}

TEST_F(SafeOutput, ATargetThatIsNotARegularFileIsWrittenThroughNotReplaced) {
  const auto fifo = dir() / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] {
    std::ifstream in(fifo);
    received.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  });
  const auto result = cli({"export", "-o", fifo.string()});
  reader.join();
  EXPECT_EQ(result.exit_code, 0) << describe(result);
  EXPECT_NE(received.find("\"securebase-export\""), std::string::npos);
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_TRUE(refused(cli({"export", "-o", dir().path().string()}), 4, "it is a folder"));
}

TEST_F(SafeOutput, DashWritesToStandardOutput) {
  const auto json = cli({"export", "-o", "-"});
  EXPECT_EQ(json.exit_code, 0) << describe(json);
  EXPECT_EQ(json.out.rfind("{", 0), 0u) << json.out.substr(0, 80);
  EXPECT_FALSE(fs::exists(dir() / "-"));
  const auto pdf = cli({"report", "--family", ids_.family, "-o", "-"});
  EXPECT_EQ(pdf.exit_code, 0) << describe(pdf);
  EXPECT_EQ(pdf.out.rfind("%PDF-", 0), 0u);
  const auto handout = cli({"handout", "--generic", "-o", "-"});
  EXPECT_EQ(handout.exit_code, 0) << describe(handout);
  EXPECT_EQ(handout.out.rfind("%PDF-", 0), 0u);
}

TEST_F(SafeOutput, EverythingCreatedIsForTheOwnerOnly) {
  const mode_t old_umask = ::umask(022);  // a usual umask: the programs must not rely on it
  const auto fresh = dir() / "fresh" / "clinic.db";
  fs::create_directories(fresh.parent_path());
  ok({"init", "--db", fresh.string()});
  ok({"family", "add", "--name", "Owner family", "--db", fresh.string()});
  ok({"backup", "--db", fresh.string()});
  ok({"export", "--db", fresh.string(), "-o", (dir() / "fresh" / "export.json").string()});
  ok({"export", "--db", fresh.string(), "--format", "csv", "--out-dir",
      (dir() / "fresh" / "csv").string()});
  ok({"report", "--db", fresh.string(), "--family", "1", "-o",
      (dir() / "fresh" / "report.pdf").string()});
  ::umask(old_umask);
  for (const auto& entry : fs::recursive_directory_iterator(dir() / "fresh")) {
    if (entry.is_directory()) {
      EXPECT_EQ(modeOf(entry.path()), 0700u) << entry.path();
    } else {
      EXPECT_EQ(modeOf(entry.path()), 0600u) << entry.path();
    }
  }
}

TEST_F(SafeOutput, TheProgramCannotDumpCore) {
  auto holder = startHeldWriter();
  const std::string limits = readFile("/proc/" + std::to_string(holder.pid()) + "/limits");
  ::kill(holder.pid(), SIGKILL);
  holder.wait(std::chrono::seconds(5));
  // Soft and hard limit 0: the program cannot raise it again, nor can a child it starts.
  std::string line = limits.substr(limits.find("Max core file size"));
  line = line.substr(0, line.find('\n'));
  EXPECT_EQ(line.find("unlimited"), std::string::npos) << line;
  EXPECT_EQ(line.find_first_of("123456789"), std::string::npos) << line;
}

TEST_F(SafeOutput, PeopleCanBeAddedFromJsonSoTheirDetailsStayOutOfTheProcessList) {
  writeFile(dir() / "family.json",
            R"({"name": "Quixotez family", "phone": "555-111-2222", "address": "1 Elm St",
                "frequency": 7})");
  const std::string family = ok({"family", "add", "--from", (dir() / "family.json").string()});
  writeFile(dir() / "child.json",
            R"({"family": ")" + family +
                R"(", "name": "Rosalind", "born": "2025-02-01", "sex": "female"})");
  // Standard input, as a script would pipe it.
  runner().setPrefix({"/bin/sh", "-c", "exec \"$0\" \"$@\" < " + (dir() / "child.json").string()});
  const std::string child = ok({"child", "add", "--from", "-"});
  runner().setPrefix({});
  writeFile(dir() / "mother.json",
            R"({"family": )" + family + R"(, "name": "Ana Quixotez", "relationship": "mother"})");
  ok({"caregiver", "add", "--from", (dir() / "mother.json").string()});
  const auto shown = ok({"family", "show", family});
  for (const char* text :
       {"Quixotez family", "555-111-2222", "1 Elm St", "Rosalind", "Ana Quixotez"})
    EXPECT_NE(shown.find(text), std::string::npos) << text << "\n" << shown;

  writeFile(dir() / "bad.json", R"({"name": "X", "colour": "red"})");
  EXPECT_TRUE(refused(cli({"family", "add", "--from", (dir() / "bad.json").string()}), 1,
                      "unknown field \"colour\""));
  EXPECT_TRUE(
      refused(cli({"family", "add", "--from", (dir() / "family.json").string(), "--name", "Y"}), 1,
              "\"name\" is given both in"));
  // A name written twice is a slip the strict reader catches, not "the last one wins".
  writeFile(dir() / "twice.json", R"({"name": "X", "phone": "1", "name": "Y"})");
  EXPECT_TRUE(refused(cli({"family", "add", "--from", (dir() / "twice.json").string()}), 1,
                      "field \"name\" appears twice"));
}

TEST_F(SafeOutput, BackupsStartedTogetherQueueInsteadOfFailing) {
  std::vector<CliProcess> running;
  for (int i = 0; i < 3; ++i)
    running.push_back(runner().start({"backup", "--passphrase-file", keyFile().string()},
                                     {{"SECUREBASE_DB", db().string()}}));
  for (auto& process : running) {
    const auto result = process.wait(std::chrono::seconds(30));
    EXPECT_EQ(result.exit_code, 0) << describe(result);
  }
  std::size_t backups = 0;
  for (const auto& entry : fs::directory_iterator(dir() / "backups"))
    backups += entry.path().extension() == ".db" ? 1 : 0;
  EXPECT_EQ(backups, 4u);
}
