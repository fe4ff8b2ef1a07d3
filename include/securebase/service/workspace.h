// One open workspace: a database file, the store over it, the form catalog and the checks
// every front end applies — text the handout fonts cannot print is refused, and the caseload's
// scores are kept current as visits change. The desktop program, the CLI and the headless
// start all open files this one way.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "securebase/forms/form_catalog.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"

namespace securebase::service {

struct WorkspaceOptions {
  // Key, busy timeout, create or read-only. The key is wiped from these options once the file
  // is open (or failed to open).
  store::DatabaseOptions database;
  // The name on audit rows, decided once the file is open (it may come from the settings);
  // unset: `provisional_actor`.
  std::function<std::string(store::Store&)> actor;
  std::string provisional_actor = "securebase";
};

// What an open workspace is made of. Front ends keep the parts where they need them; the store
// refers to the database, so it must go first (as the members' order makes it here).
struct Workspace {
  std::unique_ptr<store::Database> database;
  std::unique_ptr<store::Store> store;
  // Shared with the store's scorer, which keeps the caseload's scores current on every change.
  std::shared_ptr<const forms::FormCatalog> catalog;
};

// Opens (or, when the options allow, creates) `file`. Throws securebase::Error with the core's
// message, e.g. for a wrong passphrase. A read-only workspace keeps no scores: it cannot write
// them.
Workspace openWorkspace(const std::filesystem::path& file, WorkspaceOptions options);

}  // namespace securebase::service
