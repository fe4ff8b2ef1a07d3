// The main window's locking, backups and changes of key (main_frame.h explains the rules).
#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/infobar.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/splitter.h>
#include <wx/toolbar.h>
#include <wx/toplevel.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include <cstdio>

#include "backups_dialog.h"
#include "caseload_list.h"
#include "caseload_panel.h"
#include "command_ids.h"
#include "counselor_dialog.h"
#include "exchange_actions.h"
#include "family_panel.h"
#include "idle_watch.h"
#include "lock_panel.h"
#include "main_frame.h"
#include "modal_dialogs.h"
#include "passphrase_dialogs.h"
#include "preferences_dialog.h"
#include "problem_text.h"
#include "securebase/core/error.h"
#include "securebase/core/secret_text.h"
#include "securebase/store/backup.h"
#include "securebase/store/encryption.h"
#include "sync_actions.h"
#include "ui_helpers.h"
#include "visit_editor.h"
#include "window_config.h"

namespace securebase::app {
namespace {

void enableMenu(wxMenu& menu, bool enable) {
  for (wxMenuItem* item : menu.GetMenuItems()) {
    if (item->IsSeparator()) continue;
    if (wxMenu* sub = item->GetSubMenu()) enableMenu(*sub, enable);
    item->Enable(enable);
  }
}

}  // namespace

void MainFrame::buildSecurityMenu(wxMenu& file) {
  file.Append(kCmdBackUpNow, _("&Back Up Now"),
              _("Write an encrypted, checked copy of the database into the backup folder"));
  file.Append(kCmdRestoreBackup, _("Re&store Backup…"),
              _("Put a backup in place of the database; the current file is set aside"));
  file.Append(kCmdBackups, _("Bac&kups…"), _("The backups of this database and where they are"));
  file.AppendSeparator();
  file.Append(kCmdExport, _("E&xport…"),
              _("Every family as JSON or CSV, de-identified if wanted (as securebase-cli export)"));
  file.Append(kCmdImport, _("&Import…"),
              _("Add the families of an export file; records that differ are listed first"));
  file.Append(kCmdSyncNow, _("S&ync Now"), syncNowHelp(false));
  file.AppendSeparator();
  file.Append(kCmdEncryptDatabase, _("&Encrypt Database…"),
              _("Encrypt this older, unencrypted database with a passphrase"));
  file.Append(kCmdChangePassphrase, _("&Change Passphrase…"),
              _("Choose a new passphrase for this database"));
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { backUp(false); }, kCmdBackUpNow);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { showBackups(); }, kCmdRestoreBackup);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { encryptDatabase(); }, kCmdEncryptDatabase);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { showBackups(); }, kCmdBackups);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (!locked()) exportDatabase(this, *session_);
      },
      kCmdExport);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (locked()) return;
        importDatabase(this, *session_);
        refreshViews();
      },
      kCmdImport);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (locked() || !serverIsSet(*session_)) return;
        syncNow(this, *session_);
        refreshViews();
      },
      kCmdSyncNow);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { changePassphrase(); }, kCmdChangePassphrase);
}

void MainFrame::adoptSession(std::unique_ptr<Session> session) {
  session_ = std::move(session);
  file_ = session_->file();
  lock_pending_ = false;
  lock_panel_->Hide();
  splitter_->Show();
  Layout();
  workAsRemembered(*session_);
  shown_version_.reset();
  refreshViews();
  updateTitle();
  updateCommands();
  WindowConfig::instance().addRecentFile(pathText(file_));
  rebuildRecentMenu();
  idle_->setLimit(
      idle_limit_override_.value_or(std::chrono::minutes(lockMinutes(session_->store()))));
  // A file without a passphrase could not be unlocked again: it is never locked.
  idle_->setActive(session_->encrypted());
}

void MainFrame::updateCommands() {
  const bool open = !locked();
  const bool encrypted = open && session_->encrypted();
  for (std::size_t i = 0; i < menus_->GetMenuCount(); ++i) enableMenu(*menus_->GetMenu(i), open);
  menus_->Enable(kCmdQuickHandout, true);
  menus_->Enable(wxID_EXIT, true);
  // Help holds no family data: it stays there while locked.
  for (const int id :
       std::initializer_list<int>{kCmdUserGuide, kCmdGuideInBrowser, kCmdShortcuts, wxID_ABOUT})
    menus_->Enable(id, true);
  menus_->Enable(kCmdLockNow, encrypted);
  menus_->Enable(kCmdChangePassphrase, encrypted);
  menus_->Enable(kCmdEncryptDatabase, open && !encrypted);
  // Sync Now needs a server to talk to; the menu's help line says where to name one.
  const bool server = open && serverIsSet(*session_);
  menus_->Enable(kCmdSyncNow, server);
  menus_->FindItem(kCmdSyncNow)->SetHelp(syncNowHelp(open && !server));
  if (wxToolBar* tools = GetToolBar())
    for (const int id : std::initializer_list<int>{kCmdNewFamily, kCmdNewVisit, kCmdReport,
                                                   wxID_OPEN, wxID_PREFERENCES})
      tools->EnableTool(id, open);
  if (open && !encrypted)
    SetStatusText(_("Not encrypted: File › Encrypt Database… protects it with a passphrase"), 1);
}

void MainFrame::setIdleLimit(std::chrono::seconds limit) {
  idle_limit_override_ = limit;
  idle_->setLimit(limit);
}

std::chrono::seconds MainFrame::idleLimit() const {
  return idle_->limit();
}

void MainFrame::showInfo(const wxString& message, int flags) {
  info_->ShowMessage(message, flags);
  Layout();
}

void MainFrame::lock() {
  if (locked() || !session_->encrypted()) return;
  lock_pending_ = true;
  idle_->setActive(false);
  selected_before_lock_ = caseload_->list().selectedFamily();
  try {
    handout_defaults_ = quickHandoutDefaults(session_->store());
  } catch (const std::exception&) {
    handout_defaults_ = {};  // the quick handout then prints without the clinic's details
  }
  hideFamilies();
  if (closeFamilyWindows())
    finishLock();
  else
    lock_finish_timer_.Start(50);  // once every dialog's loop has ended
}

void MainFrame::hideFamilies() {
  info_->Dismiss();
  splitter_->Hide();
  lock_panel_->reset(file_);
  lock_panel_->Show();
  Layout();
  caseload_->list().setRows({});
  family_->showFamily(std::nullopt);
  updateCommands();
  updateStatus();
}

bool MainFrame::closeFamilyWindows() {
  ModalDialogs::instance().cancelAll();
  bool dialogs_left = ModalDialogs::instance().anyOpen();
  const std::vector<wxWindow*> windows(wxTopLevelWindows.begin(), wxTopLevelWindows.end());
  for (wxWindow* window : windows) {
    if (window == this || wxPendingDelete.Member(window)) continue;
    if (auto* dialog = dynamic_cast<wxDialog*>(window)) {
      dialogs_left = true;  // until the code that opened it has finished with it
      if (!dialog->IsModal()) dialog->Hide();
    } else {
      window->Hide();  // visit editors: closed, with their notes saved, once no dialog is left
    }
  }
  return !dialogs_left;
}

void MainFrame::closeEditors() {
  std::vector<VisitEditor*> editors;
  for (wxWindow* window : wxTopLevelWindows)
    if (auto* editor = dynamic_cast<VisitEditor*>(window)) editors.push_back(editor);
  for (VisitEditor* editor : editors) {
    if (!wxPendingDelete.Member(editor)) editor->Close(true);  // saves a note still pending
    // Deleted now, not at idle time: they refer to the Session about to close.
    wxPendingDelete.DeleteObject(editor);
    delete editor;
  }
}

void MainFrame::finishLock() {
  lock_finish_timer_.Stop();
  closeEditors();
  backUp(true);
  session_.reset();
  lock_panel_->SetFocus();
  lock_panel_->passphrase().SetFocus();
  updateStatus();
}

void MainFrame::unlock(const std::string& passphrase) {
  if (session_)
    throwBadInput(wxTRANSLATE("still closing the windows that were open; try again in a moment"));
  adoptSession(std::make_unique<Session>(file_, passphrase));
  const auto& list = caseload_->list();
  for (std::size_t i = 0; i < list.shownCount(); ++i)
    if (selected_before_lock_ && list.shownRow(i).summary.family.id == *selected_before_lock_)
      selectFamily(*selected_before_lock_);
  if (!list.selectedFamily() && list.shownCount() > 0)
    selectFamily(list.shownRow(0).summary.family.id);
  caseload_->list().SetFocus();
  // Once the lock panel's handler has returned and the families show again.
  CallAfter([this] { askWhoIsWorking(); });
}

bool MainFrame::backUp(bool only_if_due) {
  if (!session_) return false;
  try {
    const auto policy = store::backupPolicy(session_->store(), file_);
    if (only_if_due && !store::backupDue(policy, file_, store::Clock::now(),
                                         store::databaseId(session_->database())))
      return false;
    wxBusyCursor busy;
    SetStatusText(_("Backing up…"), 0);
    const auto backup = store::createBackup(session_->database(), policy);
    updateStatus();
    if (!only_if_due)
      showInfo(wxString::Format(_("Backup written: %s"), pathText(backup.file)),
               wxICON_INFORMATION);
    return true;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "securebase: the backup failed: %s\n", e.what());
    updateStatus();
    showInfo(wxString::Format(_("The backup could not be written: %s Your database is unchanged; "
                                "check the backup folder in Preferences."),
                              problemText(e)),
             wxICON_WARNING);
    return false;
  }
}

void MainFrame::showBackups() {
  if (locked()) return;
  std::filesystem::path folder;
  try {
    folder = store::backupPolicy(session_->store(), file_).folder;
  } catch (const std::exception& e) {
    showProblemBox(this, e);
    return;
  }
  BackupsDialog::Actions actions;
  actions.list = [this, folder] {
    if (locked()) return std::vector<store::BackupInfo>();
    return store::listBackups(folder, file_, store::databaseId(session_->database()));
  };
  actions.back_up = [this] { return backUp(false); };
  actions.restore = [this](const store::BackupInfo& backup) { return restoreBackupFile(backup); };
  BackupsDialog dialog(this, file_, folder, std::move(actions));
  dialog.ShowModal();
}

bool MainFrame::restoreBackupFile(const store::BackupInfo& chosen) {
  if (locked()) return false;
  wxBusyCursor busy;
  closeEditors();
  family_->showFamily(std::nullopt);
  SecretText key(session_->database().key());
  session_.reset();
  std::filesystem::path aside;
  wxString problem;
  try {
    aside = store::restoreBackup(chosen.file, file_, key.text);
  } catch (const std::exception& e) {
    problem = problemText(e);
  }
  try {
    adoptSession(std::make_unique<Session>(file_, key.text));
  } catch (const std::exception& e) {
    showProblemBox(this, e);
    Close(true);  // nothing left to show; the file and the backup are both still on disk
    return false;
  }
  if (caseload_->list().shownCount() > 0)
    selectFamily(caseload_->list().shownRow(0).summary.family.id);
  if (!problem.empty()) {
    showInfo(wxString::Format(_("The backup was not restored: %s"), problem), wxICON_WARNING);
    return false;
  }
  showInfo(wxString::Format(_("Restored the backup of %s UTC. The file you had open was set "
                              "aside as %s."),
                            wxString::FromUTF8(chosen.taken), pathText(aside)),
           wxICON_INFORMATION);
  return true;
}

void MainFrame::encryptDatabase() {
  if (locked() || session_->encrypted()) return;
  NewPassphraseDialog::Texts texts;
  texts.title = _("Encrypt database");
  texts.intro =
      _("This database is not encrypted: anyone with the laptop can read it. Choose a "
        "passphrase to encrypt it. Backups made before now stay unencrypted; delete "
        "them once a new backup is written.");
  texts.ok_label = _("&Encrypt");
  texts.file = file_;
  NewPassphraseDialog dialog(this, texts, [this](const std::string&, const std::string& chosen) {
    closeEditors();
    family_->showFamily(std::nullopt);
    session_.reset();
    try {
      store::encryptDatabase(file_, chosen, false);
    } catch (...) {
      adoptSession(std::make_unique<Session>(file_, std::string()));
      throw;
    }
    adoptSession(std::make_unique<Session>(file_, chosen));
  });
  if (dialog.ShowModal() != wxID_OK) return;
  if (caseload_->list().shownCount() > 0)
    selectFamily(caseload_->list().shownRow(0).summary.family.id);
  backUp(false);
}

void MainFrame::changeSessionPassphrase(const std::string& current, const std::string& chosen) {
  closeEditors();
  family_->showFamily(std::nullopt);
  // The file is replaced by a copy under the new passphrase: this program's connection must be
  // closed first, and the new file opened afterwards (the old one again if the change failed).
  session_.reset();
  try {
    store::changePassphrase(file_, current, chosen);
  } catch (...) {
    adoptSession(std::make_unique<Session>(file_, current));
    throw;
  }
  adoptSession(std::make_unique<Session>(file_, chosen));
}

void MainFrame::changePassphrase() {
  if (locked() || !session_->encrypted()) return;
  NewPassphraseDialog::Texts texts;
  texts.title = _("Change passphrase");
  texts.intro =
      _("Type the current passphrase, then the new one twice. Backups made before "
        "the change still open with the old passphrase.");
  texts.ok_label = _("C&hange");
  texts.file = file_;
  texts.ask_current = true;
  NewPassphraseDialog dialog(this, texts,
                             [this](const std::string& current, const std::string& chosen) {
                               if (current != session_->database().key())
                                 throwBadInput(wxTRANSLATE("the current passphrase is not right"));
                               changeSessionPassphrase(current, chosen);
                             });
  if (dialog.ShowModal() == wxID_OK)
    showInfo(_("Passphrase changed. Type the new one from now on."), wxICON_INFORMATION);
}

void MainFrame::offerEncryption() {
  if (locked() || session_->encrypted()) return;
  wxMessageDialog ask(this,
                      wxString::Format(_("%s is not encrypted: anyone who has the laptop can "
                                         "read the families' records.\n\nEncrypt it now with a "
                                         "passphrase?"),
                                       pathText(file_)),
                      _("Encrypt database"), wxYES_NO | wxICON_WARNING);
  ask.SetYesNoLabels(_("&Encrypt…"), _("&Not now"));
  if (ask.ShowModal() == wxID_YES) encryptDatabase();
}

}  // namespace securebase::app
