// How every command that talks to the agency's server names it: --server and the server
// password's options, parsed and connected the same way for `server …` and `sync`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "securebase/server/connection.h"

namespace securebase::cli {

// parseOptions for a server command: `options` plus the server's, and `usage` followed by
// how the server is named.
std::optional<po::variables_map> parseServerOptions(const std::string& command, std::string usage,
                                                    po::options_description options,
                                                    const std::vector<std::string>& positional,
                                                    const std::vector<std::string>& args);

// The connection the options name, with the password from --server-passphrase-fd/-file when
// given (else libpq's ~/.pgpass). `fallback` names the server when --server is not given
// (sync takes this computer's sync.server setting).
std::unique_ptr<server::Connection> connectServer(const po::variables_map& vm,
                                                  const std::string& fallback = "");

}  // namespace securebase::cli
