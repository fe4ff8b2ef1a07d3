// The database file itself: creation, reopening, settings applied on open, migrations,
// encryption with a raw key, and refusing damaged or foreign files.
#include "securebase/store/database.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "securebase/core/error.h"
#include "securebase/store/migrations.h"
#include "securebase/store/store.h"
#include "store_fixture.h"
#include "temp_dir.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

// How many of this process's open file descriptors point at `file`.
int openDescriptorsOf(const std::filesystem::path& file) {
  int count = 0;
  const auto target = std::filesystem::canonical(file);
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code error;
    if (std::filesystem::read_symlink(entry.path(), error) == target) ++count;
  }
  return count;
}

std::string pragma(store::Database& db, const std::string& name) {
  auto s = db.prepare("PRAGMA " + name);
  s.step();
  return s.text(0);
}

const std::string kKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

}  // namespace

TEST(Database, CreatesClosesAndReopensWithEveryRecord) {
  TempDir dir;
  const auto file = dir / "a.db";
  {
    store::Database db(file);
    store::Store store(db, "test");
    addSmallFamily(store, "Nguyễn family");
  }
  store::Database db(file, {.create_if_missing = false});
  store::Store store(db, "test");
  auto families = store.listFamilies();
  ASSERT_EQ(families.size(), 1u);
  EXPECT_EQ(families[0].family.display_name, "Nguyễn family");
  EXPECT_EQ(store.children(families[0].family.id).at(0).name, "Sofía");
}

TEST(Database, AppliesWalFullSyncForeignKeysAndLatestSchema) {
  TempDir dir;
  store::Database db(dir / "a.db");
  EXPECT_EQ(pragma(db, "journal_mode"), "wal");
  EXPECT_EQ(pragma(db, "synchronous"), "2");  // FULL
  EXPECT_EQ(pragma(db, "foreign_keys"), "1");
  EXPECT_EQ(db.schemaVersion(), store::latestSchemaVersion());
}

TEST(Database, ForeignKeysRefuseOrphans) {
  TempDir dir;
  store::Database db(dir / "a.db");
  EXPECT_THROW(db.exec("INSERT INTO caregivers (uuid, family_id, name) VALUES ('u', 999, 'x')"),
               Error);
  EXPECT_EQ(countRows(db, "caregivers"), 0);
}

TEST(Database, MissingFileIsNotFoundWhenNotCreating) {
  TempDir dir;
  try {
    store::Database db(dir / "missing.db", {.create_if_missing = false});
    FAIL() << "opened a missing file";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::not_found);
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));
}

TEST(Database, RefusesAFileThatIsNotADatabase) {
  TempDir dir;
  const auto file = dir / "junk.db";
  writeFile(file, std::string(8192, 'x'));
  try {
    store::Database db(file);
    FAIL() << "opened junk";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::database);
    EXPECT_NE(std::string(e.what()).find("is not a SecureBase database"), std::string::npos);
  }
  EXPECT_EQ(readFile(file), std::string(8192, 'x'));
}

TEST(Database, RefusesATruncatedDatabase) {
  TempDir dir;
  const auto file = dir / "t.db";
  {
    store::Database db(file);
    store::Store store(db, "test");
    for (int i = 0; i < 50; ++i) addSmallFamily(store, "Family " + std::to_string(i));
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  std::filesystem::resize_file(file, 4096 * 3 + 100);
  EXPECT_THROW(
      {
        store::Database db(file);
        store::Store store(db, "test");
        store.listFamilies();
        db.exec("PRAGMA integrity_check");
      },
      Error);
}

TEST(Database, RefusesADatabaseFromANewerSchema) {
  TempDir dir;
  const auto file = dir / "new.db";
  {
    store::Database db(file);
    db.exec("PRAGMA user_version = 999");
  }
  try {
    store::Database db(file);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::database);
    EXPECT_NE(std::string(e.what()).find("newer SecureBase"), std::string::npos);
  }
  // The refused file is closed again, not held open until the program ends.
  EXPECT_EQ(openDescriptorsOf(file), 0);
}

TEST(Database, UpgradesADatabaseMadeBySchemaVersion1) {
  TempDir dir;
  const auto file = dir / "v1.db";
  {
    store::Database db(file, {.migrate_to_version = 1});
    ASSERT_EQ(db.schemaVersion(), 1);
    // What version 1 wrote, by hand: a family with a completed and a missed visit.
    db.exec(
        "INSERT INTO families (id, uuid, display_name, language, created_on) "
        "VALUES (1, 'f1', 'Old family', 'es', '2024-01-01');"
        "INSERT INTO visits (uuid, family_id, visit_date, outcome, form_id, form_version, "
        "next_planned, status) VALUES ('v1', 1, '2024-02-01', 'completed', 'x', 1, "
        "'2024-02-20', 'signed');"
        "INSERT INTO visits (uuid, family_id, visit_date, outcome, form_id, form_version, status) "
        "VALUES ('v2', 1, '2024-02-21', 'missed', 'x', 1, 'signed');"
        // A draft written before version 5 stops counting once the database is upgraded.
        "INSERT INTO visits (uuid, family_id, visit_date, outcome, form_id, form_version) "
        "VALUES ('v3', 1, '2024-03-01', 'completed', 'x', 1);");
  }
  store::Database db(file);
  EXPECT_EQ(db.schemaVersion(), store::latestSchemaVersion());
  store::Store store(db, "test");
  auto rows = store.listFamilies();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].family.language, model::Language::es);
  ASSERT_TRUE(rows[0].last_visit);
  EXPECT_EQ(rows[0].last_visit->iso(), "2024-02-01");
  EXPECT_EQ(rows[0].draft_date, model::Date(2024, 3, 1));
  ASSERT_TRUE(rows[0].next_due);
  EXPECT_EQ(rows[0].next_due->iso(), "2024-02-20");
}

TEST(Database, EncryptsTheWholeFileWithARawKey) {
  TempDir dir;
  const auto file = dir / "secret.db";
  {
    store::Database db(file, {.raw_key_hex = kKey});
    store::Store store(db, "test");
    addSmallFamily(store, "Hidden family");
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  const std::string bytes = readFile(file);
  EXPECT_NE(bytes.substr(0, 15), "SQLite format 3");
  EXPECT_EQ(bytes.find("Hidden family"), std::string::npos);
  EXPECT_THROW(store::Database(file, {.create_if_missing = false}), Error);
  store::Database db(file, {.raw_key_hex = kKey, .create_if_missing = false});
  store::Store store(db, "test");
  EXPECT_EQ(store.listFamilies().at(0).family.display_name, "Hidden family");
}

TEST(Database, WithoutAKeyWritesAnOrdinarySqliteFile) {
  TempDir dir;
  const auto file = dir / "plain.db";
  {
    store::Database db(file);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  EXPECT_EQ(readFile(file).substr(0, 15), "SQLite format 3");
}

TEST(Database, AFailedTransactionChangesNothing) {
  TempDir dir;
  store::Database db(dir / "a.db");
  store::Store store(db, "test");
  addSmallFamily(store);
  const std::string before = dumpContent(db);
  EXPECT_THROW(db.transaction([&] {
    db.exec("INSERT INTO settings (key, value) VALUES ('clinic.name', 'x')");
    throw Error(ErrorKind::bad_input, "stop");
  }),
               Error);
  EXPECT_EQ(dumpContent(db), before);
}
