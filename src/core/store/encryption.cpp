#include "securebase/store/encryption.h"

#include <fcntl.h>
#include <sqlcipher/sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <map>

#include "durable_files.h"
#include "file_change.h"
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
    throwOutput(
        errorText("cannot write the copy {1}: the file already exists", destination.string()));
  const int version = source.schemaVersion();
  try {
    {
      Statement attach(source, "ATTACH DATABASE ? AS securebase_copy KEY ?");
      attach.bind(1, destination.string()).bindInPlace(2, key);
      attach.run();
    }
    // The copy counts only once it is complete, checked and synced (syncFile below): a journal
    // and a sync per statement of the export would only make it slow.
    source.exec("PRAGMA securebase_copy.journal_mode = OFF");
    source.exec("PRAGMA securebase_copy.synchronous = OFF");
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
      throwOutput(
          errorText("the disk is full: cannot write the copy {1}; free some space and try again",
                    destination.string()));
    throwOutput(errorText("cannot write the copy {1}: {2}", destination.string(), causePart(e)));

  } catch (...) {
    removeQuietly(destination);
    throw;
  }
  syncFile(destination);
}

void verifyEncryptedFile(const fs::path& file, const std::string& key) {
  if (inspectDatabaseFile(file) != FileKind::encrypted)
    throwDatabase(errorText("the copy {1} is not encrypted", file.string()));
  Database copy(file, {.key = key, .create_if_missing = false, .read_only = true});
  Statement check(copy, "PRAGMA integrity_check");
  check.step();
  if (check.text(0) != "ok")
    throwDatabase(
        errorText("the copy {1} failed its integrity check: {2}", file.string(), check.text(0)));
}

void requireSoleUse(Database& db, const std::string& doing) {
  const ErrorText refusal =
      // TRANSLATORS: {2} what was asked, e.g. "changing its passphrase".
      errorText("database {1} is open in another program; close it before {2}", db.file().string(),
                phrasePart(doing));
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

bool openInAnotherProgram(const fs::path& file) {
  // SQLite's unix VFS: every connection holds a read lock on byte 128 of the -shm file for as
  // long as it has a WAL database open; a transaction locks bytes from 1 GiB in the file itself.
  const auto locked = [](const fs::path& path, off_t start, off_t length) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct flock probe {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = start;
    probe.l_len = length;
    const bool held = ::fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
    ::close(fd);
    return held;
  };
  return locked(fs::path(file.string() + "-shm"), 128, 1) || locked(file, 0x40000000, 512 + 2);
}

void resumeWal(Database& db) {
  db.exec("PRAGMA journal_mode = WAL");
}

namespace {

// The copy holds every row of the source: the same count in every table.
void requireSameRows(const fs::path& copy_file, const std::string& key, Database& source) {
  Database copy(copy_file, {.key = key, .create_if_missing = false, .read_only = true});
  if (rowCounts(copy, "main") != rowCounts(source, "main"))
    throwDatabase(errorText("the copy {1} does not hold every row of {2}", copy_file.string(),
                            source.file().string()));
}

// Keeps other programs out from the check of sole use until this connection closes, so nobody
// opens the old file between the copy and the swap.
void holdExclusively(Database& db) {
  db.exec("PRAGMA locking_mode = EXCLUSIVE");
  db.exec("BEGIN EXCLUSIVE");
  db.exec("COMMIT");
}

}  // namespace

fs::path encryptDatabase(const fs::path& file, const std::string& key, bool keep_original) {
  if (inspectDatabaseFile(file) != FileKind::plain)
    throwBadInput(
        errorText("database {1} is already encrypted, or is not a database", file.string()));
  const fs::path original = fs::path(file.string() + ".unencrypted");
  std::error_code ec;
  if (keep_original && fs::exists(original, ec))
    throwOutput(
        errorText("{1} already exists; move it away before encrypting again", original.string()));
  Database source(file, {.create_if_missing = false});
  // Leaves no -wal file behind that could later be replayed onto the encrypted file.
  requireSoleUse(source, errorPhrase("encrypting it"));
  try {
    holdExclusively(source);
    ChangeIntent intent{
        .operation = "encrypt",
        .incoming = fs::path(file.string() + ".encrypting"),
        // Named even when not kept: the old file's journal goes with it.
        .aside = keep_original ? original : fs::path(file.string() + ".plain-aside"),
        .keep_aside = keep_original};
    replaceDatabaseFile(file, intent, [&] {
      exportEncryptedCopy(source, intent.incoming, key);
      verifyEncryptedFile(intent.incoming, key);
      requireSameRows(intent.incoming, key, source);
    });
  } catch (...) {
    try {
      source.exec("PRAGMA locking_mode = NORMAL");
      resumeWal(source);
    } catch (const Error&) {
      // The source file is unchanged either way; WAL comes back at its next open.
    }
    throw;
  }
  return keep_original ? original : fs::path();
}

void changePassphrase(const fs::path& file, const std::string& current_key,
                      const std::string& new_key) {
  if (inspectDatabaseFile(file) != FileKind::encrypted)
    throwBadInput(errorText("database {1} is not encrypted", file.string()));
  Database source(file, {.key = current_key, .create_if_missing = false});
  requireSoleUse(source, errorPhrase("changing its passphrase"));

  holdExclusively(source);
  ChangeIntent intent{.operation = "passphrase",
                      .incoming = fs::path(file.string() + ".new-passphrase"),
                      .aside = fs::path(file.string() + ".old-passphrase")};
  replaceDatabaseFile(
      file, intent,
      [&] {
        exportEncryptedCopy(source, intent.incoming, new_key);
        verifyEncryptedFile(intent.incoming, new_key);
        requireSameRows(intent.incoming, new_key, source);
      },
      {}, [&] { verifyEncryptedFile(file, new_key); });
}

}  // namespace securebase::store
