#include "session.h"

#include <pwd.h>
#include <unistd.h>

#include "securebase/core/passphrase.h"
#include "securebase/pdf/text_check.h"
#include "securebase/service/scoring.h"

namespace securebase::app {

Session::Session(const std::filesystem::path& file, const std::string& key) {
  created_now_ = !std::filesystem::exists(file);
  if (created_now_ && file.has_parent_path())
    std::filesystem::create_directories(file.parent_path());
  // The options' copy of the key is wiped whether the open works or not.
  struct WipedOptions {
    store::DatabaseOptions options;
    ~WipedOptions() { wipe(options.key); }
  } open;
  open.options.key = key;
  db_ = std::make_unique<store::Database>(file, open.options);
  store_ = std::make_unique<store::Store>(*db_, "app");
  store_ = std::make_unique<store::Store>(*db_, actorName(*store_));
  store_->setTextCheck(pdf::checkPrintable);
  catalog_ = std::make_shared<const forms::FormCatalog>(forms::FormCatalog::loadDefault());
  service::enableScoring(*store_, catalog_);
}

const forms::Form* Session::formForNewVisits() const {
  return catalog_->latest("attachment-practices");
}

std::string actorName(store::Store& store) {
  if (auto name = store.setting("counselor.name"); name && !name->empty()) return *name;
  const passwd* pw = getpwuid(geteuid());
  return std::string("app:") + (pw != nullptr ? pw->pw_name : "unknown");
}

}  // namespace securebase::app
