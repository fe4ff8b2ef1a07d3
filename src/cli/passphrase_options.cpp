// Where the CLI gets a passphrase: --passphrase-fd, --passphrase-file, else the terminal.
#include <iostream>

#include "cli.h"
#include "securebase/core/error.h"
#include "securebase/core/passphrase.h"

namespace securebase::cli {

namespace {

const char* kNoTerminalHint =
    "give it with --passphrase-fd N or --passphrase-file FILE (never as an argument)";

}  // namespace

void addPassphraseOptions(po::options_description& options, const std::string& prefix) {
  const std::string which = prefix.empty() ? "the database's" : "the new";
  options.add_options()((prefix + "passphrase-fd").c_str(), po::value<int>(),
                        ("read " + which + " passphrase from this open file descriptor").c_str())(
      (prefix + "passphrase-file").c_str(), po::value<std::string>(),
      ("read " + which + " passphrase from the first line of this file").c_str());
}

std::string passphraseFrom(const po::variables_map& vm, const std::string& prefix,
                           const std::string& prompt) {
  const std::string fd_option = prefix + "passphrase-fd";
  const std::string file_option = prefix + "passphrase-file";
  if (vm.count(fd_option) && vm.count(file_option))
    throwBadInput("give --" + fd_option + " or --" + file_option + ", not both");
  if (vm.count(fd_option)) return readPassphraseFd(vm[fd_option].as<int>());
  if (vm.count(file_option)) return readPassphraseFile(vm[file_option].as<std::string>());
  return askPassphrase(prompt, prefix.empty() ? kNoTerminalHint
                                              : "give it with --new-passphrase-fd N or "
                                                "--new-passphrase-file FILE");
}

std::string newPassphraseFrom(const po::variables_map& vm, const std::string& prefix,
                              const std::string& what) {
  const bool from_terminal =
      !vm.count(prefix + "passphrase-fd") && !vm.count(prefix + "passphrase-file");
  std::string passphrase = passphraseFrom(vm, prefix, "New passphrase for " + what + ": ");
  checkNewPassphrase(passphrase);
  if (from_terminal) {
    std::string again = askPassphrase("Type it again: ", kNoTerminalHint);
    const bool same = again == passphrase;
    wipe(again);
    if (!same) {
      wipe(passphrase);
      throwBadInput("the two passphrases differ; nothing was changed");
    }
  }
  return passphrase;
}

std::string databaseKey(const po::variables_map& vm, const std::filesystem::path& path,
                        bool create) {
  switch (store::inspectDatabaseFile(path)) {
    case store::FileKind::encrypted:
      return passphraseFrom(vm, "", "Passphrase for " + path.string() + ": ");
    case store::FileKind::plain:
      return {};
    case store::FileKind::missing:
    case store::FileKind::empty:
      if (!create || (vm.count("unencrypted") && vm["unencrypted"].as<bool>())) return {};
      return newPassphraseFrom(vm, "", path.string());
  }
  return {};
}

}  // namespace securebase::cli
