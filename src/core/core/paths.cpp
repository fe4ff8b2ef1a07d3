#include "securebase/core/paths.h"

#include <cstdlib>
#include <system_error>

namespace securebase {
namespace fs = std::filesystem;

namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

}  // namespace

fs::path dataDir() {
  if (auto dir = env("SECUREBASE_DATA_DIR")) return *dir;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / SECUREBASE_INSTALL_DATA_DIR;
    if (fs::exists(installed / "forms", ec)) return installed;
  }
  return SECUREBASE_SOURCE_DATA_DIR;
}

fs::path formsDir() {
  return dataDir() / "forms";
}
fs::path assetsDir() {
  return dataDir() / "assets";
}

fs::path databasePath(const std::optional<std::string>& explicit_path) {
  if (explicit_path && !explicit_path->empty()) return *explicit_path;
  if (auto path = env("SECUREBASE_DB")) return *path;
  fs::path base;
  if (auto xdg = env("XDG_DATA_HOME")) {
    base = *xdg;
  } else if (auto home = env("HOME")) {
    base = fs::path(*home) / ".local" / "share";
  } else {
    base = ".";
  }
  return base / "securebase" / "securebase.db";
}

std::string version() {
  return SECUREBASE_VERSION;
}

}  // namespace securebase
