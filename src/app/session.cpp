#include "session.h"

#include <pwd.h>
#include <unistd.h>

#include "securebase/service/workspace.h"

namespace securebase::app {

Session::Session(const std::filesystem::path& file, const std::string& key) {
  created_now_ = !std::filesystem::exists(file);
  if (created_now_ && file.has_parent_path())
    std::filesystem::create_directories(file.parent_path());
  auto workspace = service::openWorkspace(
      file, {.database = {.key = key}, .actor = actorName, .provisional_actor = "app"});
  db_ = std::move(workspace.database);
  store_ = std::move(workspace.store);
  catalog_ = std::move(workspace.catalog);
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
