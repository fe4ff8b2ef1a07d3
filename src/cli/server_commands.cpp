// server init | add-counselor | add-supervisor: setting up the agency's PostgreSQL server.
#include <iostream>

#include "commands.h"
#include "securebase/core/error.h"
#include "securebase/core/secret_text.h"
#include "securebase/server/connection.h"
#include "securebase/server/schema.h"

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

// parseOptions for a server command: `options` plus the server's, and `usage` followed by
// how the server is named.
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

std::unique_ptr<server::Connection> connectServer(const po::variables_map& vm) {
  const bool given = vm.count("server-passphrase-fd") || vm.count("server-passphrase-file");
  if (!given) return std::make_unique<server::Connection>(vm["server"].as<std::string>());
  // passphraseFrom asks on the terminal only when neither option is given.
  SecretText password(passphraseFrom(vm, "server-", ""));
  return std::make_unique<server::Connection>(vm["server"].as<std::string>(), password.text);
}

int serverInit(const std::vector<std::string>& args) {
  auto vm = parseServerOptions("server init",
                               "[--server CONNINFO] [--server-passphrase-fd N | "
                               "--server-passphrase-file FILE]\n\n"
                               "Creates SecureBase's schema on the agency's PostgreSQL server, or "
                               "brings an older one up to date,\nin one transaction. Run it as "
                               "the database's owner with the right to create roles\n(or as a "
                               "superuser).",
                               po::options_description("Options"), {}, args);
  if (!vm) return kOk;
  auto connection = connectServer(*vm);
  const auto change = server::initServerSchema(*connection);
  std::cout << "Server schema ready: version " << change.to;
  if (change.from == change.to)
    std::cout << " (already up to date)\n";
  else if (change.from == 0)
    std::cout << " (created)\n";
  else
    std::cout << " (updated from version " << change.from << ")\n";
  return kOk;
}

int addStaff(const std::vector<std::string>& args, server::StaffRole role) {
  const bool supervisor = role == server::StaffRole::supervisor;
  const std::string command = supervisor ? "server add-supervisor" : "server add-counselor";
  po::options_description options("Options");
  addPassphraseOptions(options, "new-");
  options.add_options()("name", po::value<std::string>()->required(), "full name")(
      "login", po::value<std::string>()->required(),
      "the PostgreSQL login to create (lower-case letters, digits, _)");
  std::string usage =
      "NAME --login LOGIN [--new-passphrase-fd N | --new-passphrase-file FILE] "
      "[--server CONNINFO]\n\n";
  usage += supervisor ? "Creates a supervisor's login: reads every family, assigns families to "
                        "counselors."
                      : "Creates a counselor's login: reads and writes only the families "
                        "assigned to them.";
  usage +=
      "\nThe login's password is read from --new-passphrase-fd or --new-passphrase-file, else "
      "typed twice\non the terminal; only its SCRAM-SHA-256 verifier reaches the server.";
  auto vm = parseServerOptions(command, usage, options, {"name"}, args);
  if (!vm) return kOk;
  const auto name = (*vm)["name"].as<std::string>();
  const auto login = (*vm)["login"].as<std::string>();
  server::checkLogin(login);
  SecretText password(newPassphraseFrom(*vm, "new-", "login " + login));
  auto connection = connectServer(*vm);
  const auto uuid = server::addStaff(*connection, role, name, login, password.text);
  std::cout << (supervisor ? "Supervisor " : "Counselor ") << name << " can log in as " << login
            << " (" << uuid << ")\n";
  return kOk;
}

int serverAuditVerify(const std::vector<std::string>& args) {
  auto vm = parseServerOptions("server audit-verify",
                               "[--server CONNINFO]\n\n"
                               "Checks the server's push audit: every row must still match its "
                               "SHA-256 and link to the row\nbefore it. The first row that does "
                               "not is named on stderr (exit 3). Run it as a supervisor\nor as "
                               "the database's owner.",
                               po::options_description("Options"), {}, args);
  if (!vm) return kOk;
  auto connection = connectServer(*vm);
  if (const auto broken = server::firstBrokenPushAuditRow(*connection))
    throwDatabase("the push audit was altered: row " + std::to_string(*broken) +
                  " no longer matches its hash or the row before it");
  std::cout << "Push audit intact: " << server::pushAuditRows(*connection) << " rows checked\n";
  return kOk;
}

}  // namespace

std::vector<Command> serverCommands() {
  return {
      {"server init", "create or update the schema on the agency's PostgreSQL server", serverInit},
      {"server audit-verify", "check that no row of the server's push audit was altered",
       serverAuditVerify},
      {"server add-counselor", "create a counselor's login on the agency's server",
       [](const std::vector<std::string>& args) {
         return addStaff(args, server::StaffRole::counselor);
       }},
      {"server add-supervisor", "create a supervisor's login on the agency's server",
       [](const std::vector<std::string>& args) {
         return addStaff(args, server::StaffRole::supervisor);
       }}};
}

}  // namespace securebase::cli
