// handout: the parent handout as a PDF — personalised from a visit, generic for clinics (no
// database needed), or one per family in a batch.
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "output_target.h"
#include "securebase/core/error.h"
#include "securebase/core/paths.h"
#include "securebase/core/utf8.h"
#include "securebase/handout/batch.h"
#include "securebase/handout/builder.h"
#include "securebase/handout/personal_inputs.h"
#include "securebase/pdf/text_check.h"
#include "securebase/print/cups_print.h"

namespace securebase::cli {
namespace {

constexpr const char* kHandoutId = "infant-attachment";

const char* const kUsage =
    "(--visit ID | --generic | --families IDS | --all) [options]\n\n"
    "  securebase-cli handout --visit 42 -o handout.pdf\n"
    "  securebase-cli handout --generic --lang es --child-name Lucía --child-sex female "
    "--age-months 5 --copies 5 -o hoja.pdf\n"
    "  securebase-cli handout --generic --clinic-name \"Eastside Clinic\" "
    "--help-lines \"Parent line: 555-0100; Crisis line: 988\" -o handout.pdf\n"
    "  securebase-cli handout --all --out-dir handouts/\n"
    "  securebase-cli handout --generic --lang es --print --printer Front_Desk";

std::optional<model::Language> languageOption(const po::variables_map& vm) {
  if (!vm.count("lang")) return std::nullopt;
  const auto language = model::parseLanguage(vm["lang"].as<std::string>());
  if (!language) throwBadInput("--lang must be en or es");
  return language;
}

std::optional<pdf::PaperSize> paperOption(const po::variables_map& vm) {
  if (!vm.count("paper")) return std::nullopt;
  const auto paper = vm["paper"].as<std::string>();
  if (paper == "letter") return pdf::PaperSize::letter;
  if (paper == "a4") return pdf::PaperSize::a4;
  throwBadInput("--paper must be letter or a4");
}

// A value typed on the command line that will be printed: valid UTF-8, no control characters,
// and only characters the handout fonts have.
std::string printableOption(const po::variables_map& vm, const std::string& name,
                            bool allow_newlines = false) {
  const auto value = vm[name].as<std::string>();
  if (!isValidUtf8(value)) throwBadInput("--" + name + " is not valid UTF-8 text");
  for (unsigned char c : value)
    if (c < 0x20 && !(allow_newlines && c == '\n'))
      throwBadInput("--" + name + " holds a control character");
  pdf::checkPrintable(value, "--" + name);
  return pdf::normalizeNfc(value);
}

// --print: each written file goes to the printer (--printer, else the default one); the
// copies are already in the file.
void printIfAsked(const po::variables_map& vm, const std::filesystem::path& file,
                  pdf::PaperSize paper) {
  if (!vm.count("print")) return;
  print::PrintRequest request;
  if (vm.count("printer")) request.printer = vm["printer"].as<std::string>();
  request.paper = paper;
  request.title = file.filename().string();
  const auto job = print::printFile(file, request);
  std::cout << "Sent " << file.filename().string() << " to " << job.printer << " as job " << job.id
            << "\n";
}

// A file only for the printer (--print without -o), removed once CUPS has its copy.
struct PrintOnlyFile {
  std::filesystem::path path;
  ~PrintOnlyFile() {
    std::error_code ignored;
    if (!path.empty()) std::filesystem::remove(path, ignored);
  }
};

// `open` is null for a generic handout made without a database: then the default database's
// files are still protected.
void writeHandout(const po::variables_map& vm, const pdf::Document& document, int copies,
                  const std::string& path, OpenStore* open) {
  const pdf::RenderedPdf pdf = handout::renderHandout(document, copies);
  if (open != nullptr) {
    writeOutput(path, pdf.bytes, *open);
  } else {
    const auto database = databasePath(std::nullopt);
    writeOutput(path, pdf.bytes, database, database.parent_path() / "backups");
  }
  if (vm.count("output"))
    messageStream(path) << "Wrote " << path << ": " << pdf.pages
                        << (pdf.pages == 1 ? " page" : " pages")
                        << (copies > 1 ? " x " + std::to_string(copies) + " copies" : "") << "\n";
  printIfAsked(vm, path, document.paper);
}

std::string outputPath(const po::variables_map& vm, PrintOnlyFile& print_only) {
  if (vm.count("output")) return vm["output"].as<std::string>();
  if (!vm.count("print")) throwBadInput("say where to write the PDF with -o FILE (or --print)");
  print_only.path = std::filesystem::temp_directory_path() /
                    ("securebase-handout-" + std::to_string(::getpid()) + ".pdf");
  return print_only.path.string();
}

bool databaseNamed(const po::variables_map& vm) {
  if (vm.count("db")) return true;
  const char* env = std::getenv("SECUREBASE_DB");
  return env != nullptr && *env != '\0' && std::filesystem::exists(env);
}

int genericHandout(const po::variables_map& vm, int copies) {
  handout::GenericInputs inputs;
  inputs.basics.printed_on = model::Date::today();
  std::optional<model::Language> language = languageOption(vm);
  std::optional<pdf::PaperSize> paper = paperOption(vm);
  std::optional<OpenStore> open;
  if (databaseNamed(vm)) {
    open = openStoreToRead(vm);
    inputs.basics.clinic = handout::clinicFromSettings(*open->store);
    if (!paper) paper = handout::paperFromSettings(*open->store);
    if (!language) language = handout::defaultLanguage(*open->store);
  }
  inputs.basics.language = language.value_or(model::Language::en);
  inputs.basics.paper = paper.value_or(pdf::PaperSize::letter);
  auto& clinic = inputs.basics.clinic;
  if (vm.count("clinic-name")) clinic.name = printableOption(vm, "clinic-name");
  if (vm.count("clinic-phone")) clinic.phone = printableOption(vm, "clinic-phone");
  if (vm.count("clinic-address")) clinic.address = printableOption(vm, "clinic-address");
  if (vm.count("clinic-logo"))
    clinic.logo_png = handout::readLogo(vm["clinic-logo"].as<std::string>());
  if (vm.count("help-lines")) {
    std::string lines = printableOption(vm, "help-lines", true);
    for (char& c : lines)
      if (c == ';') c = '\n';
    clinic.help_lines = lines;
  }
  if (vm.count("crisis-line")) clinic.crisis_line = printableOption(vm, "crisis-line");
  if (vm.count("website")) clinic.website = printableOption(vm, "website");
  if (vm.count("age-months")) {
    const std::string text = vm["age-months"].as<std::string>();
    int months = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), months);
    if (ec != std::errc{} || end != text.data() + text.size() || months < 0 || months > 240)
      throwBadInput("--age-months must be a whole number of months from 0 to 240, not \"" + text +
                    "\"");
    inputs.age_months = months;
  }
  if (vm.count("child-name")) {
    inputs.child_name = printableOption(vm, "child-name");
    if (inputs.child_name->find_first_not_of(' ') == std::string::npos)
      throwBadInput("--child-name is empty");
  }
  if (vm.count("child-sex")) {
    const auto sex = model::parseSex(vm["child-sex"].as<std::string>());
    if (!sex) throwBadInput("--child-sex must be female, male or unknown");
    inputs.sex = *sex;
  }
  PrintOnlyFile print_only;
  const std::string path = outputPath(vm, print_only);
  const auto content = handout::loadHandoutContent(kHandoutId, inputs.basics.language);
  writeHandout(vm, handout::buildGenericHandout(content, inputs), copies, path,
               open ? &*open : nullptr);
  return kOk;
}

int visitHandout(const po::variables_map& vm, int copies) {
  const auto visit_id = parseId(vm["visit"].as<std::string>(), "visit id");
  PrintOnlyFile print_only;
  const std::string path = outputPath(vm, print_only);
  auto open = openStoreToRead(vm);
  const auto catalog = forms::FormCatalog::loadDefault();
  auto inputs = handout::personalInputsForVisit(*open.store, catalog, visit_id, languageOption(vm));
  if (auto paper = paperOption(vm)) inputs.basics.paper = *paper;
  const auto content = handout::loadHandoutContent(kHandoutId, inputs.basics.language);
  writeHandout(vm, handout::buildPersonalisedHandout(content, inputs), copies, path, &open);
  return kOk;
}

std::vector<model::Id> familyIds(const po::variables_map& vm, store::Store& store) {
  std::vector<model::Id> ids;
  if (vm.count("all")) {
    store::FamilyFilter active;
    active.status = model::FamilyStatus::active;
    for (const auto& row : store.listFamilies(active)) ids.push_back(row.family.id);
    return ids;
  }
  std::istringstream list(vm["families"].as<std::string>());
  std::string item;
  while (std::getline(list, item, ',')) {
    if (item.find_first_not_of(' ') == std::string::npos) continue;
    const auto first = item.find_first_not_of(' ');
    const auto id =
        parseId(item.substr(first, item.find_last_not_of(' ') - first + 1), "family id");
    (void)store.family(id);  // an unknown id stops the batch before anything is written
    ids.push_back(id);
  }
  if (ids.empty()) throwBadInput("--families needs a comma-separated list of family ids");
  return ids;
}

int batchHandouts(const po::variables_map& vm, int copies) {
  if (!vm.count("out-dir")) throwBadInput("say where to write the PDFs with --out-dir DIR");
  const std::filesystem::path out_dir = vm["out-dir"].as<std::string>();
  auto open = openStoreToRead(vm);
  const auto ids = familyIds(vm, *open.store);
  std::error_code error;
  std::filesystem::create_directories(out_dir, error);
  if (error || !std::filesystem::is_directory(out_dir))
    throwOutput("cannot create the output folder " + out_dir.string());
  const auto catalog = forms::FormCatalog::loadDefault();
  handout::BatchOptions options;
  options.language = languageOption(vm);
  options.paper = paperOption(vm);
  options.copies = copies;
  const bool terminal = ::isatty(STDERR_FILENO) != 0;
  const auto result = handout::writeFamilyHandouts(
      *open.store, catalog, ids, out_dir, options, [&](std::size_t done, std::size_t total) {
        if (terminal)
          std::cerr << "\rhandout " << done << "/" << total << std::flush;
        else if (done == total || done % 50 == 1)
          std::cerr << "handout " << done << "/" << total << "\n";
        return true;
      });
  if (terminal) std::cerr << "\n";
  for (const auto& skipped : result.skipped)
    std::cerr << "skipped family " << skipped.family_id << ": " << skipped.reason << "\n";
  std::cout << "Wrote " << result.written.size() << " handouts to " << out_dir.string()
            << "; skipped " << result.skipped.size()
            << (result.skipped.size() == 1 ? " family" : " families") << "\n";
  const auto paper = options.paper.value_or(handout::paperFromSettings(*open.store));
  for (const auto& file : result.written) printIfAsked(vm, file, paper);
  return kOk;
}

int handoutCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("visit", po::value<std::string>(), "personalised handout for this visit")(
      "generic", "generic handout (needs no database)")("families", po::value<std::string>(),
                                                        "batch: comma-separated family ids")(
      "all", "batch: every active family")("out-dir", po::value<std::string>(),
                                           "batch: folder for the PDFs (one per family)")(
      "output,o", po::value<std::string>(), "the PDF file to write")(
      "lang", po::value<std::string>(),
      "en or es (default: the family's language; generic: settings default.language, else en)")(
      "paper", po::value<std::string>(),
      "letter or a4 (default: settings paper.size, else letter)")(
      "copies", po::value<int>()->default_value(1), "copies in one file (1-100)")(
      "child-name", po::value<std::string>(), "generic: the baby's first name")(
      "child-sex", po::value<std::string>(), "generic: female, male or unknown (Spanish wording)")(
      "clinic-name", po::value<std::string>(), "generic: clinic name for the page header")(
      "clinic-phone", po::value<std::string>(), "generic: clinic phone for the page header")(
      "clinic-address", po::value<std::string>(), "generic: clinic address")(
      "clinic-logo", po::value<std::string>(), "generic: clinic logo (PNG file)")(
      "help-lines", po::value<std::string>(),
      "generic: local help lines, \"Name: number\" separated by ';'")(
      "crisis-line", po::value<std::string>(), "generic: the crisis line's number")(
      "website", po::value<std::string>(), "generic: where parents can learn more")(
      "age-months", po::value<std::string>(),
      "generic: the baby's age in months (corrected if born early): picks the age-matched "
      "advice; without it the handout covers 0-24 months")(
      "print", "also send the PDF to a printer (without -o, only to the printer)")(
      "printer", po::value<std::string>(), "with --print: the printer (default: CUPS's default)");
  auto vm = parseOptions("handout", kUsage, options, {}, args);
  if (!vm) return kOk;
  const int modes = static_cast<int>(vm->count("visit") + vm->count("generic") +
                                     vm->count("families") + vm->count("all"));
  if (modes != 1) throwBadInput("choose one of --visit ID, --generic, --families IDS or --all");
  const int copies = (*vm)["copies"].as<int>();
  if (copies < 1 || copies > 100) throwBadInput("--copies must be between 1 and 100");
  if (vm->count("printer") && !vm->count("print")) throwBadInput("--printer goes with --print");
  if (!vm->count("generic")) {
    for (const char* generic_only :
         {"child-name", "child-sex", "clinic-name", "clinic-phone", "clinic-address", "clinic-logo",
          "help-lines", "crisis-line", "website", "age-months"})
      if (vm->count(generic_only))
        throwBadInput(std::string("--") + generic_only +
                      " is for --generic only (personalised handouts use the database)");
  }
  if (vm->count("generic")) return genericHandout(*vm, copies);
  if (vm->count("visit")) return visitHandout(*vm, copies);
  if (vm->count("output"))
    throwBadInput("a batch writes one file per family: use --out-dir, not -o");
  return batchHandouts(*vm, copies);
}

}  // namespace

std::vector<Command> handoutCommands() {
  return {
      {"handout", "write a parent handout PDF (personalised, generic or a batch)", handoutCommand}};
}

}  // namespace securebase::cli
