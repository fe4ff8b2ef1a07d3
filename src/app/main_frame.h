// The main window: menus and toolbar, the caseload on the left and the selected family on the
// right, the count in the status bar. It owns the open Session; opening another database file
// replaces it.
//
// Locking (after security.lock_minutes without input, or View › Lock now) closes the Session —
// the key leaves memory — after saving what the visit editors still hold, closes every window
// and dialog that shows a family, and shows the LockPanel instead; unlocking opens the file
// again with the passphrase typed there. Backups are taken on close and at most daily while
// open (main_frame_security.cpp).
#pragma once

#include <wx/frame.h>
#include <wx/timer.h>

#include <chrono>
#include <memory>
#include <optional>

#include "quick_handout_dialog.h"
#include "securebase/store/backup.h"
#include "securebase/store/content_version.h"
#include "session.h"

class wxSplitterWindow;
class wxMenu;
class wxInfoBar;

namespace securebase::app {

class CaseloadPanel;
class FamilyPanel;
class LockPanel;
class IdleWatch;

class MainFrame : public wxFrame {
 public:
  explicit MainFrame(std::unique_ptr<Session> session);
  ~MainFrame() override;

  // Only while unlocked.
  Session& session() { return *session_; }
  bool locked() const { return !session_ || lock_pending_; }
  const std::filesystem::path& databaseFile() const { return file_; }
  CaseloadPanel& caseload() { return *caseload_; }
  FamilyPanel& familyPanel() { return *family_; }

  // Re-reads the families from the database, keeping the selection.
  void reloadCaseload();
  // Live views: re-reads every open view (the caseload, the selected family's overview,
  // visits, goals and referrals), keeping selection and scroll. View › Refresh (F5).
  void refreshViews();
  // Refreshes when the database changed since the views were last read — by this window
  // (checked whenever the window goes idle, so after every action) or by another program
  // (checked every second and on activation, so it shows within 2 seconds).
  void refreshIfChanged();
  void selectFamily(model::Id family_id);
  // Replaces the open database with `file`, asking for its passphrase (or a new one when it is
  // missing), then who is working; false after telling why not or when the counselor cancelled.
  bool openDatabase(const std::filesystem::path& file);

  // Closes the database and hides every family (see above). The view comes back on unlock.
  void lock();
  // Opens the database again with `passphrase`, then asks who is working (askWhoIsWorking) once
  // the window shows; throws securebase::Error when it does not open.
  void unlock(const std::string& passphrase);
  // Who is working, right after the passphrase (program start, File › Open, unlock): the
  // counselor remembered on this computer when it is one of this database's, else asked.
  void askWhoIsWorking();
  LockPanel& lockPanel() { return *lock_panel_; }
  // Input-free time before locking: the setting's minutes, unless set here (tests).
  void setIdleLimit(std::chrono::seconds limit);
  std::chrono::seconds idleLimit() const;

  // Backups (store/backup.h) into the folder of Preferences. `only_if_due`: only when the
  // newest is a day old. Failures go to the info bar; true when a backup was written.
  bool backUp(bool only_if_due);
  // File › Backups… and Restore Backup…: the BackupsDialog on this database's backups, whose
  // buttons call backUp and restoreBackupFile.
  void showBackups();
  // Closes the database, puts `backup` in its place (the current file is set aside, never
  // overwritten) and opens it again; says where the old file went. False after saying why not.
  bool restoreBackupFile(const store::BackupInfo& backup);
  // File › Encrypt database… (an unencrypted file) and File › Change passphrase….
  void encryptDatabase();
  void changeSessionPassphrase(const std::string& current, const std::string& chosen);
  void changePassphrase();
  // Offers, once, to encrypt an unencrypted database (called after the window shows).
  void offerEncryption();
  // The message line above the panes (backup failures, where a restored file went).
  wxInfoBar& infoBar() { return *info_; }

  // Menu commands, public so tests and the toolbar reach the same code.
  void newFamily();
  void newVisit();
  // New Visit (menu and toolbar) for the family shown: greyed, its help line saying why, when
  // the family was reassigned away on the agency server (`held_by` names who holds it now).
  void showFamilyWritable(const std::optional<std::string>& held_by);
  void editPreferences();
  void quickHandout();
  void latestVisitHandout();
  void progressReport();
  void batchHandouts();

 private:
  void placeSash();
  void buildMenus();
  wxMenu* buildHelpMenu();
  void buildToolbar();
  void rebuildRecentMenu();
  void updateStatus();
  void updateTitle();
  void onFamilySelected(model::Id family_id);
  std::optional<model::Id> selectedFamilyOrSay(const wxString& action);
  void onOpen();
  void onClose(wxCloseEvent& event);
  // Called with a new Session: fills the window and turns on what an open database allows.
  void adoptSession(std::unique_ptr<Session> session);
  // Saves what the visit editors hold, then closes and deletes them (they refer to the Session).
  void closeEditors();
  // For locking: ends every dialog and hides every other window; true when no dialog is left
  // (a modal dialog's loop, and the code that opened it, end only after this call returns).
  bool closeFamilyWindows();
  void finishLock();
  void hideFamilies();
  void updateCommands();
  void showInfo(const wxString& message, int flags);
  void buildSecurityMenu(wxMenu& file);

  std::unique_ptr<Session> session_;
  std::filesystem::path file_;
  std::optional<model::Id> selected_before_lock_;
  QuickHandoutDefaults handout_defaults_;
  bool lock_pending_ = false;
  std::optional<std::chrono::seconds> idle_limit_override_;
  std::unique_ptr<IdleWatch> idle_;
  wxTimer backup_timer_;
  wxTimer lock_finish_timer_;
  wxTimer change_watch_timer_;
  std::optional<store::ContentVersion> shown_version_;
  wxInfoBar* info_ = nullptr;
  LockPanel* lock_panel_ = nullptr;
  wxMenuBar* menus_ = nullptr;
  wxSplitterWindow* splitter_ = nullptr;
  int chosen_sash_ = -1;  // where the user put the sash; -1 while the window places it
  // The family panel's own width when the window places the sash (DIP): two rows of buttons,
  // the tabs and a readable chart.
  static constexpr int kFamilyWidth = 500;
  CaseloadPanel* caseload_ = nullptr;
  FamilyPanel* family_ = nullptr;
  wxMenu* recent_menu_ = nullptr;
};

}  // namespace securebase::app
