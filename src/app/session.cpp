#include "session.h"

#include "securebase/core/passphrase.h"
#include "securebase/pdf/text_check.h"
#include "securebase/service/counselor.h"
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
  store_ = std::make_unique<store::Store>(*db_, "");
  store_->setOsUser("app:" + service::systemLogin());
  workAs("");
  store_->setTextCheck(pdf::checkPrintable);
  catalog_ = std::make_shared<const forms::FormCatalog>(forms::FormCatalog::loadDefault());
  service::enableScoring(*store_, catalog_);
}

const forms::Form* Session::formForNewVisits() const {
  return catalog_->latest("attachment-practices");
}

void Session::workAs(const std::string& counselor) {
  // The personal setting stands in until someone is chosen (service/counselor.h).
  store_->setCounselor(service::workingCounselorName(*store_, counselor));
}

}  // namespace securebase::app
