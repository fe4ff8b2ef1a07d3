// securebase-cli: every SecureBase action for scripts, clinics' batch printing and tests.
// Errors print one line on stderr and exit with the codes of DESIGN §9.
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "securebase/core/error.h"
#include "securebase/core/paths.h"
#include "securebase/core/process_safety.h"

using namespace securebase;

namespace {

void printCommandList() {
  std::cout
      << "Usage: securebase-cli COMMAND [OPTIONS]   (securebase-cli COMMAND --help for more)\n\n"
         "Commands:\n";
  for (const auto& command : cli::commands())
    std::cout << "  " << command.name
              << std::string(command.name.size() < 23 ? 23 - command.name.size() : 1, ' ')
              << command.summary << "\n";
  std::cout << "\nExit codes: 0 success, 1 bad input or usage, 2 not found, 3 database error, "
               "4 output error.\n"
               "\nEnvironment:\n"
               "  SECUREBASE_DB               database file when --db is not given\n"
               "  SECUREBASE_DATA_DIR         folder holding forms/ and assets/\n"
               "  SECUREBASE_BUSY_TIMEOUT_MS  how long to wait while another program writes "
               "(default 3000)\n";
}

int run(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    printCommandList();
    return args.empty() ? cli::kBadInput : cli::kOk;
  }
  if (args[0] == "--version") {
    std::cout << "securebase-cli " << version() << "\n";
    return cli::kOk;
  }
  // Longest match first: "family add" before "family".
  for (std::size_t words = 2; words >= 1; --words) {
    if (args.size() < words) continue;
    std::string name = args[0];
    if (words == 2) name += " " + args[1];
    for (const auto& command : cli::commands())
      if (command.name == name)
        return command.run(
            std::vector<std::string>(args.begin() + static_cast<long>(words), args.end()));
  }
  std::string group;
  for (const auto& command : cli::commands())
    if (command.name.rfind(args[0] + " ", 0) == 0)
      group += (group.empty() ? "" : ", ") + command.name;
  if (!group.empty()) throwBadInput("\"" + args[0] + "\" needs a subcommand: " + group);
  throwBadInput("unknown command \"" + args[0] + "\" (see securebase-cli --help)");
}

}  // namespace

int main(int argc, char** argv) {
  protectProcess();
  // Past a file-size limit the kernel would kill us mid-write; ignored, the write fails with
  // EFBIG and the database rolls back like on a full disk.
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    const int code = run(std::vector<std::string>(argv + 1, argv + argc));
    // An id or listing that never reached the script is a failure even if the work is done.
    std::cout.flush();
    if (!std::cout) throwOutput("could not write the output (disk full or output closed)");
    return code;
  } catch (const Error& e) {
    std::cerr << "securebase-cli: " << e.what() << "\n";
    return static_cast<int>(e.kind());
  } catch (const std::exception& e) {
    std::cerr << "securebase-cli: " << e.what() << "\n";
    return cli::kDatabaseError;
  }
}
