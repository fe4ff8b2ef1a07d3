#include "cipher_probe.h"

#include <sqlcipher/sqlite3.h>

#include <fstream>

namespace securebase::testing {

bool opensWith(const std::filesystem::path& file, const std::string& key, int kdf_iter) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return false;
  }
  sqlite3_key(db, key.data(), static_cast<int>(key.size()));
  const std::string settings =
      "PRAGMA kdf_iter = " + std::to_string(kdf_iter) + "; PRAGMA cipher_page_size = 4096;";
  sqlite3_exec(db, settings.c_str(), nullptr, nullptr, nullptr);
  const int rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return rc == SQLITE_OK;
}

bool hasSqliteHeader(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string header(16, '\0');
  in.read(header.data(), 16);
  return in.gcount() == 16 && header == std::string("SQLite format 3\0", 16);
}

}  // namespace securebase::testing
