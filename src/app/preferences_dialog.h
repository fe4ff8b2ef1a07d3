// Preferences, on three pages that follow the settings' scopes (store/settings.h): Clinic (its
// details, help lines, handout language and paper — the same for everyone using the database),
// You (the counselor's own details) and This computer (backups, locking, whether file names
// carry families' names, the agency server Sync Now talks to, and the interface
// language). All but the interface language are the
// core's settings in the database, so the CLI and every printed page see the same values; the
// interface language belongs to the computer (interface_language.h).
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "securebase/store/settings.h"
#include "securebase/store/store.h"
#include "standard_dialog.h"

class wxTextCtrl;
class wxChoice;
class wxSpinCtrl;
class wxButton;
class wxCheckBox;
class wxNotebook;
class wxPanel;
class wxFlexGridSizer;

namespace securebase::app {

class PreferencesDialog : public StandardDialog {
 public:
  // `database_file` gives the default backup folder shown when none is set.
  PreferencesDialog(wxWindow* parent, store::Store& store,
                    const std::filesystem::path& database_file);

  // The controls, for tests.
  wxTextCtrl& clinicName() { return *texts_.at(store::setting::clinic_name); }
  wxTextCtrl& backupFolder() { return *texts_.at(store::setting::backup_folder); }
  wxTextCtrl& agencyServer() { return *texts_.at(store::setting::sync_server); }
  wxSpinCtrl& backupsKept() { return *keep_; }
  wxSpinCtrl& lockMinutes() { return *lock_minutes_; }
  wxChoice& interfaceLanguage() { return *interface_; }
  wxCheckBox& familyNamesInFiles() { return *family_names_; }
  wxNotebook& pages() { return *pages_; }
  // The control that edits a setting (its key), for tests.
  wxWindow& control(const std::string& key);
  wxTextCtrl& logo() { return *texts_.at(store::setting::clinic_logo); }
  // The button that chooses the logo file or the backup folder (the setting's key).
  wxButton& browseButton(const std::string& key) { return *browse_.at(key); }

 private:
  void apply() override;
  enum class Browse { none, file, folder };
  // A page of the notebook: what its settings are, then a form of labelled fields.
  struct Page {
    wxPanel* panel = nullptr;
    wxFlexGridSizer* form = nullptr;
  };
  Page addPage(const wxString& title, const wxString& intro);
  void addRow(Page& page, const wxString& label, wxWindow* control);
  wxTextCtrl* addText(Page& page, const std::string& key, const wxString& label,
                      bool multiline = false, Browse browse = Browse::none);

  store::Store& store_;
  std::map<std::string, std::string> before_;
  std::map<std::string, wxTextCtrl*> texts_;
  std::map<std::string, wxButton*> browse_;  // the Choose… button beside a path
  wxChoice* language_ = nullptr;
  wxChoice* paper_ = nullptr;
  wxSpinCtrl* keep_ = nullptr;
  wxSpinCtrl* lock_minutes_ = nullptr;
  wxCheckBox* family_names_ = nullptr;
  wxNotebook* pages_ = nullptr;
  wxChoice* interface_ = nullptr;  // per computer (interface_language.h), not a database setting
};

// security.lock_minutes, else its default (store/settings.h).
int lockMinutes(store::Store& store);

}  // namespace securebase::app
