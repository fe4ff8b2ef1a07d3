// sync resolve: a supervisor keeps one version of a record in conflict (sync/conflicts.h).
#include <iostream>

#include "commands.h"
#include "securebase/core/error.h"
#include "securebase/sync/conflicts.h"
#include "server_options.h"

namespace securebase::cli {
namespace {

int resolveCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()("conflict", po::value<long long>()->required(),
                        "the conflict's number, as sync lists it")(
      "keep", po::value<std::string>()->required(),
      "server: the version the server holds; laptop: the version of the laptop that reported "
      "the conflict");
  auto vm = parseServerOptions(
      "sync resolve",
      "CONFLICT --keep server|laptop [--server CONNINFO] [--server-passphrase-fd N | "
      "--server-passphrase-file FILE]\n\n"
      "Resolves a conflict that sync lists (a record changed on a laptop and on the server since\n"
      "that laptop's last sync) by keeping one of its two versions. Every laptop takes the kept\n"
      "version at its next sync. Only a supervisor resolves conflicts.",
      options, {"conflict"}, args);
  if (!vm) return kOk;
  const auto kept = sync::parseKeptVersion((*vm)["keep"].as<std::string>());
  if (!kept) throwBadInput("--keep takes server or laptop");
  const auto id = (*vm)["conflict"].as<long long>();
  auto connection = connectServer(*vm);
  sync::resolveConflict(*connection, id, *kept);
  std::cout << "Conflict " << id << " resolved: the " << (*vm)["keep"].as<std::string>()
            << "'s version is kept; laptops take it at their next sync\n";
  return kOk;
}

}  // namespace

std::vector<Command> conflictCommands() {
  return {
      {"sync resolve", "keep one version of a record in conflict (supervisors)", resolveCommand}};
}

}  // namespace securebase::cli
