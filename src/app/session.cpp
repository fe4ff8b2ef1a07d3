#include "session.h"

#include "securebase/service/counselor.h"
#include "securebase/service/workspace.h"

namespace securebase::app {

Session::Session(const std::filesystem::path& file, const std::string& key) {
  created_now_ = !std::filesystem::exists(file);
  if (created_now_ && file.has_parent_path())
    std::filesystem::create_directories(file.parent_path());
  auto workspace = service::openWorkspace(
      file, {.database = {.key = key}, .os_user = "app:" + service::systemLogin()});
  db_ = std::move(workspace.database);
  store_ = std::move(workspace.store);
  catalog_ = std::move(workspace.catalog);
  workAs("");
}

const forms::Form* Session::formForNewVisits() const {
  return catalog_->latest("attachment-practices");
}

void Session::workAs(const std::string& counselor) {
  // The personal setting stands in until someone is chosen (service/counselor.h).
  store_->setCounselor(service::workingCounselorName(*store_, counselor));
}

}  // namespace securebase::app
