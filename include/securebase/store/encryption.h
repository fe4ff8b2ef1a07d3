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

// Encrypts the unencrypted database `file` under `key`: an encrypted copy is written beside it,
// verified (integrity and the same row count in every table), and only then takes the file's
// place. The original is removed after that, or kept as the returned path when `keep_original`.
// Nothing changes if any step fails.
std::filesystem::path encryptDatabase(const std::filesystem::path& file, const std::string& key,
                                      bool keep_original);

// Changes the key of the open, encrypted `db` in place (PRAGMA rekey), then checks that a new
// connection opens it with `new_key`. Refused while another program has the file open.
void changeKey(Database& db, const std::string& new_key);

}  // namespace securebase::store
