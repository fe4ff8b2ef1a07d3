#include "securebase/store/encryption.h"

#include <sqlcipher/sqlite3.h>

#include <cerrno>
#include <map>

#include "durable_files.h"
#include "securebase/core/error.h"
#include "securebase/store/database.h"

namespace securebase::store {
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::int64_t> rowCounts(Database& db, const std::string& schema) {
  std::vector<std::string> tables;
  {
    Statement list(db, "SELECT name FROM " + schema +
                           ".sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (list.step()) tables.push_back(list.text(0));
  }
  std::map<std::string, std::int64_t> counts;
  for (const auto& table : tables) {
    Statement count(db, "SELECT count(*) FROM " + schema + ".\"" + table + "\"");
    count.step();
    counts[table] = count.integer(0);
  }
  return counts;
}

void removeQuietly(const fs::path& file) {
  std::error_code ec;
  fs::remove(file, ec);
}

void detachQuietly(Database& db) {
  try {
    db.exec("DETACH DATABASE securebase_copy");
  } catch (const Error&) {
    // Not attached: the failure came before ATTACH.
  }
}

}  // namespace

void exportEncryptedCopy(Database& source, const fs::path& destination, const std::string& key) {
  std::error_code ec;
  if (fs::exists(destination, ec))
    throwOutput("cannot write the copy " + destination.string() + ": the file already exists");
  const int version = source.schemaVersion();
  try {
    {
      Statement attach(source, "ATTACH DATABASE ? AS securebase_copy KEY ?");
      attach.bind(1, destination.string()).bind(2, key);
      attach.run();
    }
    if (!key.empty()) {
      // Set before the first page of the copy is written; otherwise the library defaults apply.
      source.exec("PRAGMA securebase_copy.kdf_iter = " + std::to_string(kKdfIterations));
      source.exec("PRAGMA securebase_copy.cipher_page_size = " + std::to_string(kCipherPageSize));
    }
    source.exec("SELECT sqlcipher_export('securebase_copy')");
    source.exec("PRAGMA securebase_copy.user_version = " + std::to_string(version));
    source.exec("DETACH DATABASE securebase_copy");
  } catch (const Error& e) {
    const int system_error = sqlite3_system_errno(source.handle());
    detachQuietly(source);
    removeQuietly(destination);
    if (system_error == ENOSPC || system_error == EFBIG)
      throwOutput("the disk is full: cannot write the copy " + destination.string() +
                  "; free some space and try again");
    throwOutput("cannot write the copy " + destination.string() + ": " + e.what());
  } catch (...) {
    removeQuietly(destination);
    throw;
  }
  syncFile(destination);
}

void verifyEncryptedFile(const fs::path& file, const std::string& key) {
  if (inspectDatabaseFile(file) != FileKind::encrypted)
    throwDatabase("the copy " + file.string() + " is not encrypted");
  Database copy(file, {.key = key, .create_if_missing = false, .read_only = true});
  Statement check(copy, "PRAGMA integrity_check");
  check.step();
  if (check.text(0) != "ok")
    throwDatabase("the copy " + file.string() + " failed its integrity check: " + check.text(0));
}

void requireSoleUse(Database& db, const std::string& doing) {
  const std::string refusal =
      "database " + db.file().string() + " is open in another program; close it before " + doing;
  std::string mode;
  try {
    Statement change(db, "PRAGMA journal_mode = DELETE");
    change.step();
    mode = change.text(0);
  } catch (const Error& e) {
    // Another connection's shared lock makes the switch wait, then fail as busy.
    if (std::string(e.what()).find(" is busy") != std::string::npos) throwDatabase(refusal);
    throw;
  }
  if (mode != "delete") throwDatabase(refusal);
}

void resumeWal(Database& db) {
  db.exec("PRAGMA journal_mode = WAL");
}

fs::path encryptDatabase(const fs::path& file, const std::string& key, bool keep_original) {
  if (inspectDatabaseFile(file) != FileKind::plain)
    throwBadInput("database " + file.string() + " is already encrypted, or is not a database");
  const fs::path encrypted = fs::path(file.string() + ".encrypting");
  const fs::path original = fs::path(file.string() + ".unencrypted");
  std::error_code ec;
  if (fs::exists(original, ec))
    throwOutput(original.string() + " already exists; move it away before encrypting again");
  removeQuietly(encrypted);
  {
    Database source(file, {.create_if_missing = false});
    // Leaves no -wal file behind that could later be replayed onto the encrypted file.
    requireSoleUse(source, "encrypting it");
    try {
      exportEncryptedCopy(source, encrypted, key);
      verifyEncryptedFile(encrypted, key);
      Database copy(encrypted, {.key = key, .create_if_missing = false, .read_only = true});
      if (rowCounts(copy, "main") != rowCounts(source, "main"))
        throwDatabase("the encrypted copy of " + file.string() +
                      " does not hold every row; the original is unchanged");
    } catch (...) {
      removeQuietly(encrypted);
      resumeWal(source);
      throw;
    }
  }
  fs::rename(file, original, ec);
  if (ec) {
    removeQuietly(encrypted);
    throwOutput("cannot set the original " + file.string() + " aside: " + ec.message());
  }
  fs::rename(encrypted, file, ec);
  if (ec) {
    fs::rename(original, file);
    removeQuietly(encrypted);
    throwOutput("cannot put the encrypted copy in place of " + file.string() + ": " + ec.message());
  }
  syncFolderOf(file);
  if (keep_original) return original;
  removeQuietly(original);
  return {};
}

void changeKey(Database& db, const std::string& new_key) {
  if (!db.encrypted()) throwBadInput("database " + db.file().string() + " is not encrypted");
  requireSoleUse(db, "changing its passphrase");
  try {
    db.changeKey(new_key);
    verifyEncryptedFile(db.file(), new_key);
  } catch (...) {
    resumeWal(db);
    throw;
  }
  resumeWal(db);
}

}  // namespace securebase::store
