#include "securebase/service/workspace.h"

#include "securebase/core/passphrase.h"
#include "securebase/pdf/text_check.h"
#include "securebase/service/scoring.h"

namespace securebase::service {

Workspace openWorkspace(const std::filesystem::path& file, WorkspaceOptions options) {
  struct WipeKey {
    std::string& key;
    ~WipeKey() { wipe(key); }
  } wipe_key{options.database.key};
  Workspace open;
  open.database = std::make_unique<store::Database>(file, options.database);
  open.store = std::make_unique<store::Store>(*open.database, options.provisional_actor);
  if (options.actor)
    open.store = std::make_unique<store::Store>(*open.database, options.actor(*open.store));
  open.store->setTextCheck(pdf::checkPrintable);
  open.catalog = std::make_shared<const forms::FormCatalog>(forms::FormCatalog::loadDefault());
  if (!options.database.read_only) enableScoring(*open.store, open.catalog);
  return open;
}

}  // namespace securebase::service
