// securebase-cli backup / restore / check: backups encrypted like the database and verified,
// rotation, restore that never overwrites, and damaged files that point at the newest backup.
#include <gtest/gtest.h>

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

std::vector<fs::path> backupsIn(const fs::path& folder) {
  std::vector<fs::path> files;
  if (!fs::exists(folder)) return files;
  for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

void flipByte(const fs::path& file, std::uintmax_t offset) {
  std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
  io.seekg(static_cast<std::streamoff>(offset));
  char byte = 0;
  io.get(byte);
  io.seekp(static_cast<std::streamoff>(offset));
  io.put(static_cast<char>(byte ^ 0x10));
}

}  // namespace

class BackupCli : public CliTest {
 protected:
  void SetUp() override {
    init();
    addFamily("Rivera family");
  }
  fs::path folder() const { return dir() / "backups"; }
};

TEST_F(BackupCli, ABackupIsEncryptedLikeTheDatabaseAndVerified) {
  const auto out = ok({"backup"});
  EXPECT_NE(out.find("Backup written and verified"), std::string::npos) << out;
  const auto files = backupsIn(folder());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_FALSE(hasSqliteHeader(files[0]));
  EXPECT_TRUE(opensWith(files[0], kTestKey, store::kKdfIterations));
  store::Database copy(files[0], {.key = kTestKey, .create_if_missing = false});
  EXPECT_EQ(dumpContent(copy), dump());
  const auto json = ok({"backup", "--list", "--format", "json"});
  EXPECT_NE(json.find(files[0].string()), std::string::npos) << json;
}

TEST_F(BackupCli, OnlyTheNewestAreKept) {
  for (int i = 0; i < 4; ++i) ok({"backup", "--keep", "2"});
  EXPECT_EQ(backupsIn(folder()).size(), 2u);
  EXPECT_TRUE(refused(cli({"backup", "--keep", "0"}), 1, "--keep must be at least 1"));
  ok({"settings", "set", "backup.keep", "3"});
  for (int i = 0; i < 3; ++i) ok({"backup"});
  EXPECT_EQ(backupsIn(folder()).size(), 3u);
}

TEST_F(BackupCli, AnUnwritableFolderIsAnOutputErrorAndTheDatabaseIsUnchanged) {
  writeFile(dir() / "blocker", "x");
  const auto before = dump();
  EXPECT_TRUE(refused(cli({"backup", "--folder", (dir() / "blocker" / "b").string()}), 4,
                      "cannot write backups to"));
  EXPECT_EQ(dump(), before);
}

TEST_F(BackupCli, RestoreBringsBackTheBackupAndKeepsTheCurrentFile) {
  ok({"backup"});
  const auto backup = backupsIn(folder()).at(0);
  addFamily("Added after the backup");
  const auto later = dump();
  const auto out = ok({"restore", backup.string()});
  EXPECT_NE(out.find("The file it replaced was kept as " + db().string() + ".before-restore-"),
            std::string::npos)
      << out;
  EXPECT_EQ(ok({"family", "list"}).find("Added after the backup"), std::string::npos);
  fs::path aside;
  for (const auto& entry : fs::directory_iterator(dir().path()))
    if (entry.path().filename().string().find(".before-restore-") != std::string::npos &&
        entry.path().extension() != ".db-wal")
      aside = entry.path();
  ASSERT_FALSE(aside.empty());
  store::Database kept(aside, {.key = kTestKey, .create_if_missing = false});
  EXPECT_EQ(dumpContent(kept), later);
}

TEST_F(BackupCli, RestoreRefusesAMissingOrDamagedBackupAndChangesNothing) {
  ok({"backup"});
  const auto backup = backupsIn(folder()).at(0);
  const auto before = dump();
  EXPECT_TRUE(refused(cli({"restore", (dir() / "nope.db").string()}), 2, "does not exist"));
  flipByte(backup, 4096 + 100);
  const auto result = cli({"restore", backup.string()});
  EXPECT_EQ(result.exit_code, 3) << describe(result);
  EXPECT_EQ(dump(), before);
}

TEST_F(BackupCli, ABitFlippedDatabaseIsRefusedAndTheNewestBackupIsNamed) {
  ok({"backup"});
  const auto backup = backupsIn(folder()).at(0);
  ok({"check"});
  flipByte(db(), 4096 * 2 + 500);  // inside a page of data, past the header page
  const auto result = cli({"check"});
  EXPECT_TRUE(refused(result, 3, "securebase-cli restore " + backup.string())) << describe(result);
  const auto listing = cli({"family", "show", "1"});
  EXPECT_EQ(listing.exit_code, 3) << describe(listing);
}

TEST_F(BackupCli, ATruncatedDatabaseIsRefusedWithBackupAdvice) {
  ok({"backup"});
  ok({"check"});
  auto bytes = readFile(db());
  bytes.resize(bytes.size() / 2);
  writeFile(db(), bytes);
  const auto result = cli({"check"});
  EXPECT_TRUE(refused(result, 3, "restore it from a backup (newest: ")) << describe(result);
  EXPECT_EQ(readFile(db()), bytes);
}
