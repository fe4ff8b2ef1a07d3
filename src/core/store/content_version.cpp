#include "securebase/store/content_version.h"

#include <sqlcipher/sqlite3.h>

#include "securebase/store/database.h"

namespace securebase::store {

ContentVersion contentVersion(Database& db) {
  ContentVersion version;
  auto query = db.prepare("PRAGMA data_version");
  if (query.step()) version.by_others = query.integer(0);
  version.by_this_connection = sqlite3_total_changes(db.handle());
  return version;
}

}  // namespace securebase::store
