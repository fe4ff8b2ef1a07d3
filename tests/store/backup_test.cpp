// Backups: encrypted with the database's own key and settings, verified, rotated, and restored
// without ever overwriting the current file.
#include "securebase/store/backup.h"

#include <gtest/gtest.h>

#include "cipher_probe.h"
#include "securebase/core/error.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"
#include "store_fixture.h"
#include "temp_dir.h"
#include "test_key.h"

using namespace securebase;
using namespace securebase::testing;
namespace fs = std::filesystem;

namespace {

const std::string kPassphrase = "blue kettle at noon";
constexpr int kSqlcipher3DefaultKdfIter = 64000;

store::Clock::time_point at(int day, int hour = 9) {
  // 2026-03-01 00:00:00 UTC plus days and hours.
  return store::Clock::time_point(std::chrono::seconds(1772323200)) +
         std::chrono::hours(24 * day + hour);
}

std::vector<fs::path> filesIn(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST(Backup, IsEncryptedWithTheDatabaseKeyAndSettingsAndHoldsEveryRow) {
  TempDir dir;
  const auto file = dir / "clinic.db";
  store::Database db(file, {.key = kPassphrase});
  store::Store store(db, "test");
  addSmallFamily(store, "Backed up family");
  const auto backup = store::createBackup(db, {dir / "backups", 7}, at(0));

  // The database's own id is in the name, and in the content (it is a copy).
  const std::string id = store::databaseId(db);
  EXPECT_EQ(backup.file, dir / "backups" / ("clinic-" + id.substr(0, 12) + "-20260301-090000.db"));
  EXPECT_EQ(backup.taken, "2026-03-01 09:00:00");
  EXPECT_FALSE(hasSqliteHeader(backup.file));
  EXPECT_EQ(readFile(backup.file).find("Backed up family"), std::string::npos);
  EXPECT_TRUE(opensWith(backup.file, kPassphrase, store::kKdfIterations));
  EXPECT_FALSE(opensWith(backup.file, kPassphrase, kSqlcipher3DefaultKdfIter));
  EXPECT_EQ(dumpContent(backup.file, kPassphrase), dumpContent(db));
  EXPECT_EQ(filesIn(dir / "backups"), std::vector<fs::path>{backup.file});
}

TEST(Backup, KeepsOnlyTheNewestBackups) {
  TempDir dir;
  store::Database db(dir / "clinic.db", {.key = kTestKey});
  for (int day = 0; day < 5; ++day) store::createBackup(db, {dir / "b", 3}, at(day));
  store::createBackup(db, {dir / "b", 3}, at(4));  // same second: a second name, not a clash
  const auto backups = store::listBackups(dir / "b", dir / "clinic.db");
  ASSERT_EQ(backups.size(), 3u);
  const std::string stem = "clinic-" + store::databaseId(db).substr(0, 12);
  EXPECT_EQ(backups[0].file.filename(), stem + "-20260305-090000-2.db");
  EXPECT_EQ(backups[1].file.filename(), stem + "-20260305-090000.db");
  EXPECT_EQ(backups[2].file.filename(), stem + "-20260304-090000.db");
}

TEST(Backup, TwoDatabasesOfTheSameNameInOneFolderKeepTheirOwnBackups) {
  TempDir dir;
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  store::Database first(dir / "a" / "clinic.db", {.key = kTestKey});
  store::Database second(dir / "b" / "clinic.db", {.key = kTestKey});
  const auto shared = dir / "shared";
  for (int day = 0; day < 3; ++day) store::createBackup(first, {shared, 2}, at(day));
  for (int day = 3; day < 6; ++day) store::createBackup(second, {shared, 2}, at(day));
  // Each kept its newest two: the second's pruning left the first's alone.
  const auto mine = store::listBackups(shared, first.file(), store::databaseId(first));
  const auto theirs = store::listBackups(shared, second.file(), store::databaseId(second));
  ASSERT_EQ(mine.size(), 2u);
  ASSERT_EQ(theirs.size(), 2u);
  EXPECT_EQ(mine[0].taken, "2026-03-03 09:00:00");
  EXPECT_EQ(theirs[0].taken, "2026-03-06 09:00:00");
  EXPECT_EQ(filesIn(shared).size(), 4u);
  EXPECT_NE(store::databaseId(first), store::databaseId(second));
  store::Database copy(mine[0].file, {.key = kTestKey, .create_if_missing = false});
  EXPECT_EQ(store::databaseId(copy), store::databaseId(first));
}

TEST(Backup, IsDueWhenTheNewestIsADayOld) {
  TempDir dir;
  store::Database db(dir / "clinic.db", {.key = kTestKey});
  const store::BackupPolicy policy{dir / "b", 7};
  EXPECT_TRUE(store::backupDue(policy, db.file(), at(0)));
  store::createBackup(db, policy, at(0));
  EXPECT_FALSE(store::backupDue(policy, db.file(), at(0, 20)));
  EXPECT_TRUE(store::backupDue(policy, db.file(), at(1, 10)));
}

TEST(Backup, AFolderThatCannotBeMadeIsRefusedWithoutPartialFiles) {
  TempDir dir;
  store::Database db(dir / "clinic.db", {.key = kTestKey});
  // A plain file where a folder should be: refused even for root, unlike a read-only folder.
  writeFile(dir / "not-a-folder", "x");
  const std::string message = errorMessageOf([&] {
    store::createBackup(db, {dir / "not-a-folder" / "backups", 7}, at(0));
  });
  EXPECT_NE(message.find("cannot write backups to " + (dir / "not-a-folder" / "backups").string()),
            std::string::npos)
      << message;
  EXPECT_EQ(filesIn(dir.path()).size(), 4u) << "clinic.db, -wal, -shm and not-a-folder only";
}

TEST(Backup, RestoreSetsTheCurrentFileAsideAndBringsBackTheBackup) {
  TempDir dir;
  const auto file = dir / "clinic.db";
  fs::path backup;
  std::string at_backup, later;
  {
    store::Database db(file, {.key = kTestKey});
    store::Store store(db, "test");
    addSmallFamily(store, "Before backup");
    backup = store::createBackup(db, {dir / "backups", 7}, at(0)).file;
    at_backup = dumpContent(db);
    addSmallFamily(store, "After backup");
    later = dumpContent(db);
  }
  const auto aside = store::restoreBackup(backup, file, kTestKey, at(2));
  EXPECT_EQ(aside, dir / "clinic.db.before-restore-20260303-090000");
  EXPECT_EQ(dumpContent(file, kTestKey), at_backup);
  EXPECT_EQ(dumpContent(aside, kTestKey), later);
  EXPECT_TRUE(fs::exists(backup));
}

TEST(Backup, RestoreReplacesADamagedFileAndKeepsItAside) {
  TempDir dir;
  const auto file = dir / "clinic.db";
  fs::path backup;
  {
    store::Database db(file, {.key = kTestKey});
    addSmallFamily(*std::make_unique<store::Store>(db, "test"));
    backup = store::createBackup(db, {dir / "backups", 7}, at(0)).file;
  }
  writeFile(file, std::string(8192, 'x'));
  const auto aside = store::restoreBackup(backup, file, kTestKey, at(1));
  EXPECT_EQ(readFile(aside), std::string(8192, 'x'));
  EXPECT_EQ(dumpContent(file, kTestKey), dumpContent(backup, kTestKey));
}

TEST(Backup, RestoreIsRefusedUnchangedForAWrongKeyOrAFileInUse) {
  TempDir dir;
  const auto file = dir / "clinic.db";
  store::Database db(file, {.key = kTestKey});
  store::Store store(db, "test");
  addSmallFamily(store);
  const auto backup = store::createBackup(db, {dir / "backups", 7}, at(0)).file;
  addSmallFamily(store, "Newer");
  const std::string before = dumpContent(db);

  EXPECT_NE(errorMessageOf([&] {
              store::restoreBackup(backup, file, kOtherTestKey, at(1));
            }).find("wrong passphrase"),
            std::string::npos);
  EXPECT_NE(errorMessageOf([&] {
              store::restoreBackup(backup, file, kTestKey, at(1));
            }).find("open in another program"),
            std::string::npos);
  EXPECT_EQ(dumpContent(db), before);
  EXPECT_EQ(filesIn(dir.path()).size(), 4u) << "clinic.db, its -wal and -shm, backups/";
}

TEST(Backup, AnUnencryptedDatabaseGetsAVerifiedUnencryptedBackup) {
  TempDir dir;
  store::Database db(dir / "plain.db");
  addSmallFamily(*std::make_unique<store::Store>(db, "test"));
  const auto backup = store::createBackup(db, {dir / "b", 7}, at(0));
  EXPECT_TRUE(hasSqliteHeader(backup.file));
  EXPECT_EQ(dumpContent(backup.file, ""), dumpContent(db));
}

TEST(Backup, DamagedFileMessagesNameTheNewestBackup) {
  TempDir dir;
  const auto file = dir / "clinic.db";
  fs::path newest;
  {
    store::Database db(file, {.key = kTestKey});
    store::createBackup(db, {dir / "backups", 7}, at(0));
    newest = store::createBackup(db, {dir / "backups", 7}, at(1)).file;
  }
  EXPECT_EQ(store::restoreAdvice(file), "restore it from a backup (newest: " + newest.string() +
                                            ", with: securebase-cli restore " + newest.string() +
                                            ")");
  writeFile(file, std::string(4096, 'y'));
  fs::remove(dir / "clinic.db-wal");
  EXPECT_NE(errorMessageOf([&] {
              store::Database db(file, {.key = kTestKey, .create_if_missing = false});
            }).find(newest.string()),
            std::string::npos);
}
