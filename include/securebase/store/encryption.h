// Encrypted copies of a database, and the two changes of key a counselor makes: encrypting a
// file that was never encrypted, and changing the passphrase.
//
// Every copy goes through sqlcipher_export into a file attached with its key, kdf_iter and page
// size set explicitly: SQLCipher's online backup API into a file without a key writes plaintext
// without complaint, and an attached file otherwise takes the library's default kdf_iter — a copy
// that would then not open with SecureBase's settings. Every copy is opened again with those
// settings and checked (integrity_check, no SQLite header) before anyone relies on it.
#pragma once

#include <filesystem>
#include <string>

namespace securebase::store {

class Database;

// Writes `source` into the new file `destination` (which must not exist), encrypted with `key`
// (a passphrase or x'<64 hex>'; empty: an unencrypted copy of an unencrypted database), with
// user_version kept. Removes the partial file on failure.
void exportEncryptedCopy(Database& source, const std::filesystem::path& destination,
                         const std::string& key);

// Opens `file` with `key` and SecureBase's settings and checks it: not a plain SQLite file,
// integrity_check "ok". Throws Error(database) saying what is wrong. Never writes to `file`.
void verifyEncryptedFile(const std::filesystem::path& file, const std::string& key);

// Makes sure no other program has `db` open, by leaving WAL mode (which needs the only
// connection); `doing` completes "close it before …". Callers switch back with resumeWal().
void requireSoleUse(Database& db, const std::string& doing);
void resumeWal(Database& db);

// True when another process has `file` open as a database (SQLite's lock on its -shm file, or a
// lock on the database file itself). Needs no key: works for a file this program cannot open.
bool openInAnotherProgram(const std::filesystem::path& file);

// Encrypts the unencrypted database `file` under `key`: an encrypted copy is written beside it
// (FILE.encrypting), verified (integrity and the same row count in every table), and only then
// renamed over the file, so the database name always holds a complete database and the plaintext
// is gone the moment the encrypted file is in place. With `keep_original` the original stays as
// the returned FILE.unencrypted. Nothing changes if any step fails; a crash is finished or undone
// at the next open (recovery.h).
std::filesystem::path encryptDatabase(const std::filesystem::path& file, const std::string& key,
                                      bool keep_original);

// Changes the passphrase of the encrypted `file` (which must not be open, in this program or
// another) by copy and swap, never in place: the database is exported under `new_key` into
// FILE.new-passphrase, verified (opens with the new key, integrity_check, row counts), synced,
// and renamed over the file; the old file stays as FILE.old-passphrase until the file in place
// opens with the new key. Any failure (full disk, another program reading) leaves the file
// under `current_key`, and the error says so.
void changePassphrase(const std::filesystem::path& file, const std::string& current_key,
                      const std::string& new_key);

}  // namespace securebase::store
