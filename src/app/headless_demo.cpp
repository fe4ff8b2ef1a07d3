#include "headless_demo.h"

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>

#include "securebase/core/error.h"
#include "securebase/core/paths.h"
#include "securebase/core/secret_text.h"
#include "securebase/demo/demo.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/handout/builder.h"
#include "securebase/handout/content.h"
#include "securebase/handout/personal_inputs.h"
#include "securebase/pdf/render.h"
#include "securebase/report/progress_report.h"
#include "securebase/service/workspace.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"

namespace securebase::app {
namespace {

namespace fs = std::filesystem;

bool set(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

fs::path freshTempFolder() {
  std::string pattern = (fs::temp_directory_path() / "securebase-sample-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr)
    throwOutput("cannot create a folder under " + fs::temp_directory_path().string());
  return pattern;
}

// The family to report on: the first (by name) with a completed visit, else the first.
std::optional<model::Id> sampleFamily(store::Store& store) {
  const auto families = store.listFamilies();
  for (const auto& row : families)
    if (row.last_visit) return row.family.id;
  if (!families.empty()) return families.front().family.id;
  return std::nullopt;
}

struct OpenDatabase {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::Store> store;
  bool demo = false;
};

OpenDatabase openSampleSource(const fs::path& file, const std::string& key,
                              const fs::path& folder) {
  OpenDatabase open;
  if (fs::exists(file)) {
    try {
      auto workspace = service::openWorkspace(
          file, {.database = {.key = key, .create_if_missing = false, .read_only = true}});
      open.db = std::move(workspace.database);
      open.store = std::move(workspace.store);
      if (sampleFamily(*open.store)) return open;
    } catch (const Error&) {
      // A wrong passphrase is the user's to fix; locked or from a newer version: the demo below
      // still shows the documents.
      if (!key.empty()) throw;
    }
  }
  open.store.reset();
  // Sample data: its audit rows name the generator as the one at work.
  service::WorkspaceOptions demo_options;
  demo_options.counselor = [](store::Store&) { return std::string("securebase demo"); };
  auto workspace = service::openWorkspace(folder / "demo.db", std::move(demo_options));
  open.db = std::move(workspace.database);
  open.store = std::move(workspace.store);
  const forms::Form* form = workspace.catalog->latest("attachment-practices");
  if (form == nullptr)
    throwNotFound("the attachment-practices form is missing from " + formsDir().string());
  demo::DemoOptions options;
  options.families = 5;
  demo::generateDemo(*open.store, *form, options);
  open.demo = true;
  return open;
}

// The general handout, with the clinic's settings when `store` is there.
fs::path writeGenericHandout(store::Store* store, const fs::path& folder) {
  handout::GenericInputs inputs;
  if (store != nullptr) {
    inputs.basics.language = handout::defaultLanguage(*store);
    inputs.basics.paper = handout::paperFromSettings(*store);
    try {
      inputs.basics.clinic = handout::clinicFromSettings(*store);
    } catch (const Error&) {
      inputs.basics.clinic = {};  // a logo file gone missing should not stop the sample
    }
  }
  inputs.basics.printed_on = model::Date::today();
  const auto content = handout::loadHandoutContent("infant-attachment", inputs.basics.language);
  const fs::path handout_file = folder / "sample-handout.pdf";
  pdf::writeFileAtomically(
      handout_file, handout::renderHandout(handout::buildGenericHandout(content, inputs)).bytes);
  return handout_file;
}

}  // namespace

bool displayAvailable() {
  return set("DISPLAY") || set("WAYLAND_DISPLAY");
}

int runWithoutDisplay(const std::optional<std::string>& database_option,
                      std::optional<std::string>& passphrase, std::ostream& out,
                      std::ostream& err) {
  SecretText key(passphrase.value_or(""));
  if (passphrase) wipe(*passphrase);
  err << "securebase: no display (DISPLAY and WAYLAND_DISPLAY are not set), so the window "
         "cannot open; writing a sample handout and progress report instead. For the command "
         "line, run: securebase-cli --help\n";
  try {
    const fs::path folder = freshTempFolder();
    const fs::path file = databasePath(database_option);
    if (key.text.empty() && store::inspectDatabaseFile(file) == store::FileKind::encrypted) {
      const fs::path handout_file = writeGenericHandout(nullptr, folder);
      err << "securebase: " << file.string()
          << " is encrypted: the documents of its families need its passphrase "
             "(--passphrase-fd N or --passphrase-file FILE); wrote the generic handout only\n";
      out << handout_file.string() << "\n";
      return 0;
    }
    auto open = openSampleSource(file, key.text, folder);
    auto& store = *open.store;
    const fs::path handout_file = writeGenericHandout(&store, folder);

    const auto family_id = sampleFamily(store);
    const auto catalog = forms::FormCatalog::loadDefault();
    report::ReportOptions options;
    options.language = handout::defaultLanguage(store);
    options.paper = handout::paperFromSettings(store);
    const fs::path report_file = folder / "sample-progress-report.pdf";
    pdf::writePdf(report::progressReport(store, catalog, *family_id, options), report_file);

    err << "securebase: "
        << (open.demo ? "sample families in " + (folder / "demo.db").string()
                      : "families from " + file.string())
        << "\n";
    out << handout_file.string() << "\n" << report_file.string() << "\n";
    return 0;
  } catch (const std::exception& e) {
    err << "securebase: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace securebase::app
