// Ordered schema migrations keyed on PRAGMA user_version. Each runs in its own transaction on
// open; a database from a newer SecureBase (higher version than known) is refused untouched.
#pragma once

#include <optional>

namespace securebase::store {

class Database;

int latestSchemaVersion();

// Brings `db` up to `target` (default: latest). Throws securebase::Error on failure; a failed
// migration leaves the database at the previous version.
void migrate(Database& db, std::optional<int> target = std::nullopt);

}  // namespace securebase::store
