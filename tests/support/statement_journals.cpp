#include "statement_journals.h"

#include <sqlcipher/sqlite3.h>

#include <atomic>
#include <stdexcept>

namespace securebase::testing {
namespace {

// SQLite's own default spill threshold (SQLITE_STMTJRNL_SPILL), restored at the end.
constexpr int kDefaultSpillBytes = 64 * 1024;

sqlite3_vfs* real_vfs = nullptr;
sqlite3_vfs counting_vfs;
std::atomic<long long> subjournals{0};

int countingOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  if ((flags & SQLITE_OPEN_SUBJOURNAL) != 0) ++subjournals;
  // The real VFS with its own app data (the unix VFS keeps its locking style there).
  return real_vfs->xOpen(real_vfs, name, file, flags, out_flags);
}

void setSpill(int bytes) {
  if (sqlite3_shutdown() != SQLITE_OK ||
      sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, bytes) != SQLITE_OK ||
      sqlite3_initialize() != SQLITE_OK)
    throw std::runtime_error("cannot reconfigure SQLite (is a database still open?)");
}

}  // namespace

StatementJournals::StatementJournals() {
  setSpill(0);
  real_vfs = sqlite3_vfs_find(nullptr);
  counting_vfs = *real_vfs;
  counting_vfs.zName = "securebase-statement-journals";
  counting_vfs.xOpen = countingOpen;
  sqlite3_vfs_register(&counting_vfs, 1);
  reset();
}

StatementJournals::~StatementJournals() {
  sqlite3_vfs_register(real_vfs, 1);
  sqlite3_vfs_unregister(&counting_vfs);
  try {
    setSpill(kDefaultSpillBytes);
  } catch (const std::exception&) {  // a later test only loses the spill threshold
  }
}

long long StatementJournals::opened() const {
  return subjournals.load();
}

void StatementJournals::reset() {
  subjournals = 0;
}

}  // namespace securebase::testing
