// File › Export… and Import…: what `securebase-cli export` and `import` do, through the same
// core calls (exchange/export.h, exchange/import.h), with a progress window that can stop long
// work. A stopped export keeps no file; a stopped import leaves the database as it was. An import
// whose records differ from this database's lists them (as the CLI does on stderr) and adds the
// rest only when asked.
#pragma once

#include <wx/string.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "securebase/exchange/export.h"
#include "securebase/exchange/import.h"
#include "standard_dialog.h"

class wxCheckBox;
class wxChoice;
class wxTextCtrl;
class wxListView;

namespace securebase::app {

class Session;

// What to export: JSON (one file) or CSV (a folder), de-identified or not, with an optional seed.
class ExportDialog : public StandardDialog {
 public:
  explicit ExportDialog(wxWindow* parent);

  bool csv() const;
  bool deidentify() const;
  std::string seed() const;

  // The controls, for tests.
  wxChoice& format() { return *format_; }
  wxCheckBox& deidentified() { return *deidentify_; }
  wxTextCtrl& seedField() { return *seed_; }

 private:
  void apply() override;

  wxChoice* format_ = nullptr;
  wxCheckBox* deidentify_ = nullptr;
  wxTextCtrl* seed_ = nullptr;
};

// The records of an import that differ from this database's: "Import the Rest" or Cancel.
class ImportConflictsDialog : public StandardDialog {
 public:
  ImportConflictsDialog(wxWindow* parent, const std::vector<exchange::Conflict>& conflicts);
  wxListView& list() { return *list_; }

 private:
  void apply() override {}
  wxListView* list_ = nullptr;
};

// Writes the export to `target` (a file for JSON, a folder for CSV) with a progress window;
// true when written, false when stopped (nothing kept). Throws securebase::Error.
bool exportTo(wxWindow* parent, Session& session, const std::filesystem::path& target, bool csv,
              const exchange::ExportOptions& options);

// Imports `file`: checks it, lists conflicts (ImportConflictsDialog) and imports the rest when
// asked. The summary lines (exchange::summaryTexts) when something was imported, nullopt when
// cancelled or stopped (the database unchanged). Throws securebase::Error.
std::optional<std::vector<ErrorText>> importFrom(wxWindow* parent, Session& session,
                                                 const std::filesystem::path& file);

// The menu commands: ask what and where, do it, say what happened.
void exportDatabase(wxWindow* parent, Session& session);
void importDatabase(wxWindow* parent, Session& session);

}  // namespace securebase::app
