// Encryption at rest: passphrases with SecureBase's key settings, the refusals that change
// nothing (wrong, missing or unexpected passphrase), changing the passphrase, and encrypting a
// database that was never encrypted.
#include "securebase/store/encryption.h"

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

namespace {

const std::string kPassphrase = "blue kettle at noon";
constexpr int kSqlcipher3DefaultKdfIter = 64000;

void checkpoint(store::Database& db) {
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace

TEST(Encryption, APassphraseEncryptsWithRaisedIterationsAndFourKilobytePages) {
  TempDir dir;
  const auto file = dir / "family.db";
  {
    store::Database db(file, {.key = kPassphrase});
    store::Store store(db, "test");
    addSmallFamily(store, "Hidden family");
    checkpoint(db);
  }
  EXPECT_FALSE(hasSqliteHeader(file));
  EXPECT_EQ(readFile(file).find("Hidden family"), std::string::npos);
  EXPECT_EQ(store::inspectDatabaseFile(file), store::FileKind::encrypted);
  EXPECT_TRUE(opensWith(file, kPassphrase, store::kKdfIterations));
  EXPECT_FALSE(opensWith(file, kPassphrase, kSqlcipher3DefaultKdfIter));
  EXPECT_NE(dumpContent(file, kPassphrase).find("Hidden family"), std::string::npos);
}

TEST(Encryption, AWrongPassphraseIsNamedAndChangesNothing) {
  TempDir dir;
  const auto file = dir / "family.db";
  {
    store::Database db(file, {.key = kPassphrase});
    store::Store store(db, "test");
    addSmallFamily(store);
    checkpoint(db);
  }
  const std::string before = readFile(file);
  const std::string message = errorMessageOf(
      [&] { store::Database db(file, {.key = "blue kettle at one", .create_if_missing = false}); });
  EXPECT_NE(message.find("wrong passphrase for database " + file.string()), std::string::npos)
      << message;
  EXPECT_EQ(readFile(file), before);
  EXPECT_FALSE(std::filesystem::exists(dir / "family.db-wal") &&
               std::filesystem::file_size(dir / "family.db-wal") > 0);
}

TEST(Encryption, AMissingOrUnneededPassphraseIsExplained) {
  TempDir dir;
  { store::Database db(dir / "locked.db", {.key = kTestKey}); }
  { store::Database db(dir / "open.db"); }
  EXPECT_NE(
      errorMessageOf([&] {
        store::Database db(dir / "locked.db", {.create_if_missing = false});
      }).find("is encrypted (or is not a SecureBase database); SecureBase needs its passphrase"),
      std::string::npos);
  EXPECT_NE(errorMessageOf([&] {
              store::Database db(dir / "open.db", {.key = kTestKey, .create_if_missing = false});
            }).find("is not encrypted, so it takes no passphrase"),
            std::string::npos);
}

TEST(Encryption, AMistypedRawKeyIsRefusedRatherThanUsedAsAPassphrase) {
  TempDir dir;
  EXPECT_NE(errorMessageOf([&] {
              store::Database db(dir / "a.db", {.key = "x'1234'"});
            }).find("x'<64 hex digits>'"),
            std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "a.db"));
}

TEST(Encryption, ChangingThePassphraseKeepsEveryRecord) {
  TempDir dir;
  const auto file = dir / "family.db";
  std::string before;
  {
    store::Database db(file, {.key = kPassphrase});
    store::Store store(db, "test");
    addSmallFamily(store, "Kept family");
    before = dumpContent(db);
  }
  store::changePassphrase(file, kPassphrase, "green door by the sea");
  EXPECT_EQ(dumpContent(file, "green door by the sea"), before);
  EXPECT_TRUE(opensWith(file, "green door by the sea", store::kKdfIterations));
  EXPECT_FALSE(opensWith(file, kPassphrase, store::kKdfIterations));
}

TEST(Encryption, ThePassphraseIsNotChangedWhileAnotherProgramHasTheFileOpen) {
  TempDir dir;
  const auto file = dir / "family.db";
  {
    store::Database db(file, {.key = kTestKey});
    store::Store store(db, "test");
    addSmallFamily(store);
  }
  store::Database other(file, {.key = kTestKey, .create_if_missing = false});
  EXPECT_NE(errorMessageOf([&] {
              store::changePassphrase(file, kTestKey, kOtherTestKey);
            }).find("open in another program"),
            std::string::npos);
  EXPECT_NO_THROW(store::Store(other, "test").listFamilies());
  EXPECT_TRUE(opensWith(file, kTestKey, store::kKdfIterations));
}

TEST(Encryption, AnUnencryptedDatabaseIsEncryptedWithEveryRow) {
  TempDir dir;
  const auto file = dir / "old.db";
  std::string before;
  {
    store::Database db(file);
    store::Store store(db, "test");
    addSmallFamily(store, "Old family");
    store.addVisit(makeVisit(addSmallFamily(store, "Second family"), "2025-02-01", {2, 1, 0}),
                   testFormSnapshot());
    before = dumpContent(db);
  }
  const auto kept = store::encryptDatabase(file, kPassphrase, /*keep_original=*/false);
  EXPECT_TRUE(kept.empty());
  EXPECT_FALSE(std::filesystem::exists(dir / "old.db.unencrypted"));
  EXPECT_FALSE(std::filesystem::exists(dir / "old.db.encrypting"));
  EXPECT_FALSE(hasSqliteHeader(file));
  EXPECT_TRUE(opensWith(file, kPassphrase, store::kKdfIterations));
  EXPECT_EQ(dumpContent(file, kPassphrase), before);
  // The schema version came along: opening did not migrate or refuse it.
  store::Database db(file, {.key = kPassphrase, .create_if_missing = false});
  EXPECT_EQ(db.schemaVersion(), store::Database(dir / "fresh.db").schemaVersion());
}

TEST(Encryption, TheOriginalCanBeKeptBesideTheEncryptedDatabase) {
  TempDir dir;
  const auto file = dir / "old.db";
  {
    store::Database db(file);
    addSmallFamily(*std::make_unique<store::Store>(db, "test"));
  }
  const auto kept = store::encryptDatabase(file, kTestKey, /*keep_original=*/true);
  EXPECT_EQ(kept, dir / "old.db.unencrypted");
  EXPECT_TRUE(hasSqliteHeader(kept));
  EXPECT_EQ(dumpContent(file, kTestKey), dumpContent(kept, ""));
}

TEST(Encryption, EncryptingIsRefusedUnchangedWhileTheFileIsInUseOrAlreadyEncrypted) {
  TempDir dir;
  const auto file = dir / "old.db";
  store::Database holder(file);
  store::Store store(holder, "test");
  addSmallFamily(store);
  const std::string before = dumpContent(holder);
  EXPECT_NE(errorMessageOf([&] {
              store::encryptDatabase(file, kTestKey, false);
            }).find("open in another program"),
            std::string::npos);
  EXPECT_TRUE(hasSqliteHeader(file));
  EXPECT_EQ(dumpContent(holder), before);
  EXPECT_FALSE(std::filesystem::exists(dir / "old.db.encrypting"));

  { store::Database secret(dir / "secret.db", {.key = kTestKey}); }
  EXPECT_NE(errorMessageOf([&] {
              store::encryptDatabase(dir / "secret.db", kTestKey, false);
            }).find("already encrypted"),
            std::string::npos);
}
