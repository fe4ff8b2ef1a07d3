// export and import: the whole database as JSON (or CSV per table), and merging an export in.
#include <filesystem>
#include <functional>
#include <iostream>

#include "commands.h"
#include "output_target.h"
#include "securebase/core/error.h"
#include "securebase/exchange/export.h"
#include "securebase/exchange/import.h"
#include "securebase/pdf/render.h"
#include "securebase/store/backup.h"
#include "securebase/store/output_guard.h"

namespace securebase::cli {
namespace {

int exportCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("format", po::value<std::string>()->default_value("json"),
                        "json (one file) or csv (one file per table, needs --out-dir)")(
      "deidentify", "leave out names, contact details and free text; shift dates per family")(
      "seed", po::value<std::string>(),
      "with --deidentify: secret that makes pseudonyms and date shifts reproducible "
      "(default: a new random one each time)")("output,o", po::value<std::string>(),
                                               "JSON file to write (default: standard output)")(
      "out-dir", po::value<std::string>(), "folder for the CSV files");
  auto vm = parseOptions("export",
                         "[--format json|csv] [--deidentify [--seed S]] [-o FILE | --out-dir DIR]",
                         options, {}, args);
  if (!vm) return kOk;
  const std::string format = (*vm)["format"].as<std::string>();
  if (format != "json" && format != "csv")
    throwBadInput("unknown export format \"" + format + "\"; use json or csv");
  exchange::ExportOptions export_options;
  export_options.deidentify = vm->count("deidentify") > 0;
  if (vm->count("seed")) {
    if (!export_options.deidentify) throwBadInput("--seed only applies with --deidentify");
    export_options.seed = (*vm)["seed"].as<std::string>();
    if (export_options.seed.empty()) throwBadInput("--seed must not be empty");
  }
  if (format == "csv") {
    if (vm->count("output"))
      throwBadInput("--format csv writes one file per table; name a folder with --out-dir");
    if (!vm->count("out-dir"))
      throwBadInput("--format csv needs --out-dir DIR (one file per table)");
  } else if (vm->count("out-dir")) {
    throwBadInput("--out-dir is for --format csv; write JSON with -o FILE");
  }
  auto open = openStoreToRead(*vm);
  if (format == "csv") {
    const std::filesystem::path dir = (*vm)["out-dir"].as<std::string>();
    const auto names = exchange::csvFileNames();
    for (const auto& name : names) refuseDatabaseFiles((dir / name).string(), open);
    // Written as it is read, one family at a time, like JSON.
    exchange::exportCsvFolder(*open.store, export_options, dir);
    std::cout << "Wrote " << names.size() << " CSV files to " << dir.string() << "\n";
    return kOk;
  }
  // Written as it is read, one family at a time: memory stays small for any caseload.
  const std::string path = vm->count("output") ? (*vm)["output"].as<std::string>() : "-";
  if (!toStandardOutput(path)) {
    refuseDatabaseFiles(path, open);
    pdf::writeFileAtomically(path, [&](const pdf::ByteSink& sink) {
      exchange::exportJson(*open.store, export_options, sink);
    });
    std::cout << "Exported to " << path << "\n";
  } else {
    exchange::exportJson(*open.store, export_options, [](std::string_view piece) {
      std::cout.write(piece.data(), piece.size());
    });
  }
  return kOk;
}

int importCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("file", po::value<std::string>()->required(), "export file (JSON)")(
      "skip-conflicts",
      "add everything that does not conflict; report conflicts instead of refusing")(
      "with-clinic-settings",
      "also take the file's clinic settings (name, address, phone, logo, help lines…), listing "
      "each change; personal and device settings are never imported");
  auto vm = parseOptions("import", "FILE [--skip-conflicts] [--with-clinic-settings] [--db FILE]",
                         options, {"file"}, args);
  if (!vm) return kOk;
  const std::string path = (*vm)["file"].as<std::string>();
  // The whole file is checked before the database is even opened for writing, read in pieces
  // so that memory stays small for any caseload.
  exchange::ExportReader file = exchange::ExportReader::ofFile(path, path);
  file.check();
  auto open = openStore(*vm);
  exchange::ImportOptions import_options;
  import_options.skip_conflicts = vm->count("skip-conflicts") > 0;
  import_options.with_clinic_settings = vm->count("with-clinic-settings") > 0;
  const exchange::ImportPlan plan =
      exchange::importFile(*open.store, file, import_options, [](const exchange::ImportPlan& p) {
        for (const auto& conflict : p.conflicts) std::cerr << conflict.describe() << "\n";
      });
  for (const auto& line : exchange::summaryLines(plan, import_options)) std::cout << line << "\n";
  return kOk;
}

}  // namespace

std::vector<Command> exchangeCommands() {
  return {{"export", "write the whole database as JSON, or CSV files per table", exportCommand},
          {"import", "add the records of an export file (merges by uuid)", importCommand}};
}

}  // namespace securebase::cli
