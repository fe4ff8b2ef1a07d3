// Has the database changed since I last looked? Windows showing data from the file ask this on
// a timer and after every action, and read again only when the answer is yes.
#pragma once

#include <cstdint>

namespace securebase::store {

class Database;

// Two counters that together change whenever the file's content does: SQLite's
// PRAGMA data_version moves when another connection (the CLI, a second window) commits, and
// never for this connection's own writes, which the count of rows this connection changed
// covers. Compare whole values; the numbers themselves mean nothing.
struct ContentVersion {
  std::int64_t by_others = 0;
  std::int64_t by_this_connection = 0;
  friend bool operator==(const ContentVersion&, const ContentVersion&) = default;
};

// Costs one tiny query: cheap enough for a timer every second.
ContentVersion contentVersion(Database& db);

}  // namespace securebase::store
