// Opens a database file with the raw SQLCipher API and chosen settings, bypassing SecureBase's
// Database class — so tests can prove which key, kdf_iter and page size a file was written with.
#pragma once

#include <filesystem>
#include <string>

namespace securebase::testing {

// True when `file` reads with `key`, `kdf_iter` and a 4096-byte cipher page.
bool opensWith(const std::filesystem::path& file, const std::string& key, int kdf_iter);

// True when the first 16 bytes are SQLite's plaintext header.
bool hasSqliteHeader(const std::filesystem::path& file);

}  // namespace securebase::testing
