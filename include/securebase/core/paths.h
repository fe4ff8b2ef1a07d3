// Where SecureBase finds its files. The CLI and the desktop program use these same rules, so
// both open the same database and the same forms.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace securebase {

// Folder holding forms/ and assets/: $SECUREBASE_DATA_DIR if set; else ../share/securebase
// next to the running executable (installed layout); else the source tree it was built from.
std::filesystem::path dataDir();
std::filesystem::path formsDir();
std::filesystem::path assetsDir();

// The database: the explicit path (--db) if given; else $SECUREBASE_DB; else
// $XDG_DATA_HOME/securebase/securebase.db (XDG_DATA_HOME defaulting to ~/.local/share).
std::filesystem::path databasePath(const std::optional<std::string>& explicit_path = std::nullopt);

std::string version();

}  // namespace securebase
