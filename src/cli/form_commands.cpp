// forms validate: check form files before counselors use them.
#include <algorithm>
#include <iostream>

#include "commands.h"
#include "securebase/core/error.h"
#include "securebase/core/paths.h"
#include "securebase/forms/form_loader.h"

namespace securebase::cli {
namespace {

int formsValidate(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const auto& arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::cout << "Usage: securebase-cli forms validate [FILES...]\n\n"
                   "Checks each form file and prints \"ok\" or the problem, naming the file, the\n"
                   "JSON path and what is wrong. Without files, checks the forms folder ("
                << formsDir().string() << ").\n";
      return kOk;
    }
    if (arg.rfind("--", 0) == 0) throwBadInput("forms validate: unknown option " + arg);
    files.push_back(arg);
  }
  if (files.empty()) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(formsDir(), ec))
      if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    if (files.empty()) throwNotFound("no form files in " + formsDir().string());
  }
  int worst = kOk;
  for (const auto& file : files) {
    try {
      const auto form = forms::loadFormFile(file);
      std::cout << file << ": ok (" << form.id << " v" << form.version << ", " << form.itemCount()
                << " items)\n";
    } catch (const Error& e) {
      std::cerr << "securebase-cli: " << e.what() << "\n";
      worst = std::max(worst, static_cast<int>(e.kind()));
    }
  }
  return worst;
}

}  // namespace

std::vector<Command> formCommands() {
  return {{"forms validate", "check observation form files", formsValidate}};
}

}  // namespace securebase::cli
