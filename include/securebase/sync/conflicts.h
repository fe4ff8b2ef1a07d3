// Resolving a conflict (sync.h): a supervisor keeps one of the two versions of a record changed
// on a laptop and on the server since that laptop's last sync. The conflict row on the server
// says which; at their next sync the laptops take it — the reporting laptop pushes its version
// ("laptop") or takes the server's ("server"), and every other laptop follows the server.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "securebase/server/connection.h"

namespace securebase::sync {

enum class KeptVersion { server, laptop };
std::optional<KeptVersion> parseKeptVersion(std::string_view text);  // "server", "laptop"

// Marks the open conflict `id` resolved by this login, keeping `kept`. Error(bad_input) unless
// the login is a supervisor; Error(not_found) when no open conflict has this id.
void resolveConflict(server::Connection& server, long long id, KeptVersion kept);

}  // namespace securebase::sync
