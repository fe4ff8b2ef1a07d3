// Preferences: the clinic, its help lines, the counselor, the defaults, backups (folder, how
// many to keep) and the minutes without input before the window locks. All of them are the
// core's settings in the database, so the CLI and every printed page see the same values —
// except the interface language, which belongs to the computer (interface_language.h).
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "securebase/store/store.h"
#include "standard_dialog.h"

class wxTextCtrl;
class wxChoice;
class wxSpinCtrl;

namespace securebase::app {

class PreferencesDialog : public StandardDialog {
 public:
  // `database_file` gives the default backup folder shown when none is set.
  PreferencesDialog(wxWindow* parent, store::Store& store,
                    const std::filesystem::path& database_file);

  // The controls, for tests.
  wxTextCtrl& backupFolder() { return *texts_.at("backup.folder"); }
  wxSpinCtrl& backupsKept() { return *keep_; }
  wxSpinCtrl& lockMinutes() { return *lock_minutes_; }
  wxChoice& interfaceLanguage() { return *interface_; }

 private:
  void apply() override;
  wxTextCtrl* addText(const std::string& key, const wxString& label, bool multiline = false);

  store::Store& store_;
  std::map<std::string, std::string> before_;
  std::map<std::string, wxTextCtrl*> texts_;
  wxChoice* language_ = nullptr;
  wxChoice* paper_ = nullptr;
  wxSpinCtrl* keep_ = nullptr;
  wxSpinCtrl* lock_minutes_ = nullptr;
  wxChoice* interface_ = nullptr;  // per computer (interface_language.h), not a database setting
};

// security.lock_minutes, else kDefaultLockMinutes (idle_watch.h).
int lockMinutes(store::Store& store);

}  // namespace securebase::app
