// sync: push this laptop's work to the agency's server, then pull what this login may see.
#include <iostream>

#include "commands.h"
#include "securebase/store/settings.h"
#include "securebase/sync/sync.h"
#include "server_options.h"

namespace securebase::cli {
namespace {

int syncCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()("prune",
                        "after the sync, remove from this computer each family reassigned to "
                        "another counselor that the server holds everything of");
  addDatabaseOptions(options);
  auto vm = parseServerOptions(
      "sync",
      "[--server CONNINFO] [--server-passphrase-fd N | --server-passphrase-file FILE] "
      "[--prune] [--db FILE]\n\n"
      "Pushes to the agency's server what it lacks from this database — counselors, families\n"
      "with their caregivers and children, signed visits and amendments with their signatures,\n"
      "goals, referrals and forms; drafts stay here — in one transaction, then pulls every\n"
      "family this login may see that changed since the last sync, through the same checks as\n"
      "import. A record changed on the server only since the last sync is updated here; one\n"
      "changed on both sides is listed as a conflict and left as it is here. A supervisor's\n"
      "laptop also sends the clinic settings changed here; every laptop takes the server's,\n"
      "which win over its own. Running it again brings nothing twice. Without --server, the\n"
      "server is this computer's setting sync.server (Preferences › This computer).\n\n"
      "A family the server has given to another counselor becomes read-only here. With\n"
      "--prune it is removed from this computer, with an audit row for each record, once the\n"
      "server holds every record of it this computer holds; one that the server lacks some of\n"
      "stays, and a line on stderr says what (exit code 1).",
      options, {}, args);
  if (!vm) return kOk;
  // The local database first: a wrong passphrase is found before the server is asked for one.
  auto open = openStore(*vm);
  auto connection =
      connectServer(*vm, store::settingValue(*open.store, store::setting::sync_server));
  const auto result = sync::sync(*open.store, *connection, {.prune = vm->count("prune") > 0});
  for (const auto& conflict : result.pull.plan.conflicts) std::cerr << conflict.describe() << "\n";
  for (const auto& line : sync::summaryLines(result)) std::cout << line << "\n";
  if (!vm->count("prune")) return kOk;
  const auto refusals = sync::pruneRefusals(result);
  for (const auto& line : refusals) std::cerr << line << "\n";
  return refusals.empty() ? kOk : kBadInput;
}

}  // namespace

std::vector<Command> syncCommands() {
  return {{"sync", "push this database's work to the agency's server and pull what is new",
           syncCommand}};
}

}  // namespace securebase::cli
