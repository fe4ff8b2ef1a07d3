// sync duplicates and sync merge: a supervisor lists the families the server flags as one
// family entered twice, and merges a pair by keeping one of them (sync/duplicates.h).
#include <iostream>

#include "commands.h"
#include "securebase/sync/duplicates.h"
#include "server_options.h"

namespace securebase::cli {
namespace {

int duplicatesCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  auto vm = parseServerOptions(
      "sync duplicates",
      "[--server CONNINFO] [--server-passphrase-fd N | --server-passphrase-file FILE]\n\n"
      "Lists the pairs of families the server flags as possibly one family entered twice: the\n"
      "same child's name (accents and case ignored) and birth date, or the same phone. Each\n"
      "pair has a number for sync merge. Nothing is merged automatically. Supervisors only.",
      options, {}, args);
  if (!vm) return kOk;
  auto connection = connectServer(*vm);
  const auto pairs = sync::possibleDuplicates(*connection);
  if (pairs.empty()) std::cout << "No possible duplicate families\n";
  for (const auto& pair : pairs) {
    std::cout << "possible duplicate " << pair.id << ": " << pair.why() << "\n";
    for (const auto* family : {&pair.first, &pair.second})
      std::cout << "  family " << family->uuid << "  " << family->name
                << "  (counselor: " << (family->counselor.empty() ? "none" : family->counselor)
                << ")\n";
  }
  return kOk;
}

int mergeCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()("pair", po::value<long long>()->required(),
                        "the possible duplicate's number, as sync duplicates lists it")(
      "keep", po::value<std::string>()->required(), "the uuid of the family to keep");
  auto vm = parseServerOptions(
      "sync merge",
      "PAIR --keep FAMILY_UUID [--server CONNINFO] [--server-passphrase-fd N | "
      "--server-passphrase-file FILE]\n\n"
      "Merges a possible duplicate: the family kept takes every caregiver, child, visit\n"
      "(signed visits with their seals as they are), goal and referral of the other, which\n"
      "goes; the server's push audit records who merged what into what. Laptops holding\n"
      "either family follow at their next sync. Supervisors only.",
      options, {"pair"}, args);
  if (!vm) return kOk;
  const auto pair = (*vm)["pair"].as<long long>();
  const auto keep = (*vm)["keep"].as<std::string>();
  auto connection = connectServer(*vm);
  const auto merged = sync::mergeDuplicate(*connection, pair, keep);
  std::cout << "Family " << merged << " merged into family " << keep
            << "; laptops follow at their next sync\n";
  return kOk;
}

}  // namespace

std::vector<Command> mergeCommands() {
  return {
      {"sync duplicates", "list families possibly entered twice (supervisors)", duplicatesCommand},
      {"sync merge", "merge a possible duplicate into the family kept (supervisors)",
       mergeCommand}};
}

}  // namespace securebase::cli
