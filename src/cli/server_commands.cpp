// server init | add-counselor | add-supervisor: setting up the agency's PostgreSQL server.
#include <iostream>

#include "commands.h"
#include "securebase/core/error.h"
#include "securebase/core/secret_text.h"
#include "securebase/server/connection.h"
#include "securebase/server/schema.h"
#include "server_options.h"

namespace securebase::cli {
namespace {

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
