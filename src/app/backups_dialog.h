// File › Backups… and File › Restore Backup…: this database's backups, newest first (when taken,
// how big), and where they go; Back Up Now writes one, Restore… puts the chosen one in place of
// the database after a confirmation that says what is replaced, Open Folder shows the folder.
// The work itself is the main window's (MainFrame::backUp, restoreBackupFile), which call the
// same core functions as `securebase-cli backup` and `restore` (store/backup.h).
#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "securebase/store/backup.h"
#include "standard_dialog.h"

class wxButton;
class wxListView;
class wxStaticText;

namespace securebase::app {

class BackupsDialog : public StandardDialog {
 public:
  struct Actions {
    // This database's backups, newest first (store::listBackups).
    std::function<std::vector<store::BackupInfo>()> list;
    // Writes a backup now; true when one was written (failures are said by the caller).
    std::function<bool()> back_up;
    // Puts `backup` in place of the database; true when it was restored (the dialog then closes).
    std::function<bool(const store::BackupInfo&)> restore;
  };
  BackupsDialog(wxWindow* parent, const std::filesystem::path& database_file,
                const std::filesystem::path& folder, Actions actions);

  // The controls, for tests.
  wxListView& list() { return *list_; }
  wxButton& backUpButton() { return *back_up_; }
  wxButton& restoreButton() { return *restore_; }
  wxButton& openFolderButton() { return *open_folder_; }

 private:
  void apply() override {}
  void fill();
  void restoreChosen();

  std::filesystem::path database_file_;
  std::filesystem::path folder_;
  Actions actions_;
  std::vector<store::BackupInfo> backups_;
  wxListView* list_ = nullptr;
  wxStaticText* empty_ = nullptr;
  wxButton* back_up_ = nullptr;
  wxButton* restore_ = nullptr;
  wxButton* open_folder_ = nullptr;
};

}  // namespace securebase::app
