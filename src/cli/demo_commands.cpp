// demo: fill a database with realistic sample families.
#include <iostream>

#include "commands.h"
#include "securebase/core/error.h"
#include "securebase/demo/demo.h"
#include "securebase/forms/form_catalog.h"

namespace securebase::cli {
namespace {

int demo(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("unencrypted", po::bool_switch(),
                        "create the database without encryption (the default is encrypted)");
  options.add_options()("families", po::value<int>()->default_value(20),
                        "how many families (1-100000)")(
      "seed", po::value<std::uint64_t>()->default_value(20261128),
      "random seed (same seed, same data)")("today", po::value<std::string>(),
                                            "pretend today is this date (default: today)");
  auto vm = parseOptions("demo", "--families N [--seed S] [--db FILE]", options, {}, args);
  if (!vm) return kOk;
  demo::DemoOptions demo_options;
  demo_options.families = (*vm)["families"].as<int>();
  if (demo_options.families < 1 || demo_options.families > 100000)
    throwBadInput("--families must be between 1 and 100000");
  demo_options.seed = (*vm)["seed"].as<std::uint64_t>();
  if (vm->count("today"))
    demo_options.today = parseDateOption((*vm)["today"].as<std::string>(), "--today");
  auto open = openStore(*vm, /*create=*/true);
  // Sample families mixed into a real caseload could not be told apart afterwards.
  if (!open.store->listFamilies().empty())
    throwBadInput("database " + open.db->file().string() +
                  " already has families; demo fills only a new or empty database (name one "
                  "with --db)");
  const auto catalog = forms::FormCatalog::loadDefault();
  const forms::Form* form = catalog.latest("attachment-practices");
  if (form == nullptr)
    throwNotFound("the attachment-practices form is missing from the forms folder");
  const bool show_progress = demo_options.families >= 500;
  const auto result =
      demo::generateDemo(*open.store, *form, demo_options, [&](int done, int total) {
        if (show_progress)
          std::cerr << "\rdemo: " << done << " / " << total << " families" << std::flush;
        return true;
      });
  if (show_progress) std::cerr << "\n";
  std::cout << "Added " << result.families << " families, " << result.visits << " visits, "
            << result.observations << " observations to " << open.db->file().string() << "\n";
  return kOk;
}

}  // namespace

std::vector<Command> demoCommands() {
  return {{"demo", "fill the database with realistic sample families", demo}};
}

}  // namespace securebase::cli
