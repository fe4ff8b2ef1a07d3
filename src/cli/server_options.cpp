#include "server_options.h"

#include "securebase/core/secret_text.h"

namespace securebase::cli {
namespace {

constexpr const char* kServerHelp =
    "\n\nThe server is named by --server: a libpq connection string\n"
    "(\"host=db.agency.org dbname=securebase user=admin\"), a URI\n"
    "(postgresql://admin@db.agency.org/securebase) or a service of ~/.pg_service.conf\n"
    "(\"service=agency\"); without it, libpq's PGHOST, PGDATABASE, PGUSER or PGSERVICE.\n"
    "Over TCP the server's certificate is always verified (sslmode=verify-full; the CA in\n"
    "~/.postgresql/root.crt or sslrootcert=FILE); a Unix socket (host=/var/run/postgresql)\n"
    "serves a server on the same machine. The password comes from --server-passphrase-fd or\n"
    "--server-passphrase-file, else ~/.pgpass; never from an argument.";

}  // namespace

std::optional<po::variables_map> parseServerOptions(const std::string& command, std::string usage,
                                                    po::options_description options,
                                                    const std::vector<std::string>& positional,
                                                    const std::vector<std::string>& args) {
  options.add_options()("server", po::value<std::string>()->default_value(""),
                        "the server's connection string, URI or service=NAME")(
      "server-passphrase-fd", po::value<int>(),
      "read the server password from this open file descriptor")(
      "server-passphrase-file", po::value<std::string>(),
      "read the server password from the first line of this file");
  usage.append(kServerHelp);  // not a + chain: GCC 12 wrongly flags those as out of bounds
  return parseOptions(command, usage, std::move(options), positional, args);
}

std::unique_ptr<server::Connection> connectServer(const po::variables_map& vm,
                                                  const std::string& fallback) {
  const std::string named = vm["server"].as<std::string>();
  const std::string& conninfo = named.empty() ? fallback : named;
  const bool given = vm.count("server-passphrase-fd") || vm.count("server-passphrase-file");
  if (!given) return std::make_unique<server::Connection>(conninfo);
  // passphraseFrom asks on the terminal only when neither option is given.
  SecretText password(passphraseFrom(vm, "server-", ""));
  return std::make_unique<server::Connection>(conninfo, password.text);
}

}  // namespace securebase::cli
