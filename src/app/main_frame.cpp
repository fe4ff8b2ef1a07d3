#include "main_frame.h"

#include <wx/artprov.h>
#include <wx/filedlg.h>
#include <wx/infobar.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/statusbr.h>
#include <wx/toolbar.h>
#include <wx/translation.h>
#include <wx/wupdlock.h>

#include "accessible_names.h"
#include "caseload_panel.h"
#include "command_ids.h"
#include "counselor_dialog.h"
#include "family_dialog.h"
#include "family_panel.h"
#include "handout_actions.h"
#include "help_menu.h"
#include "idle_watch.h"
#include "lock_panel.h"
#include "modal_dialogs.h"
#include "new_visit.h"
#include "open_session.h"
#include "preferences_dialog.h"
#include "problem_text.h"
#include "quick_handout_dialog.h"
#include "report_dialog.h"
#include "ui_helpers.h"
#include "window_config.h"

namespace securebase::app {

MainFrame::MainFrame(std::unique_ptr<Session> session)
    : wxFrame(nullptr, wxID_ANY, _("SecureBase")),
      backup_timer_(this),
      lock_finish_timer_(this),
      change_watch_timer_(this) {
  WindowConfig::instance().restore(*this, "Main", FromDIP(wxSize(1240, 760)));
  buildMenus();
  buildToolbar();
  CreateStatusBar(2);
  const int widths[] = {-1, FromDIP(360)};
  GetStatusBar()->SetStatusWidths(2, widths);

  info_ = new wxInfoBar(this);
  splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                   wxSP_LIVE_UPDATE | wxSP_3DSASH);
  splitter_->SetMinimumPaneSize(FromDIP(320));
  caseload_ = new CaseloadPanel(splitter_);
  family_ = new FamilyPanel(splitter_, *this);
  chosen_sash_ = WindowConfig::instance().sash("Caseload", -1);
  splitter_->SplitVertically(caseload_, family_, chosen_sash_ > 0 ? chosen_sash_ : FromDIP(700));
  splitter_->SetSashGravity(0.0);  // the caseload keeps its width; the family gets the rest
  splitter_->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [this](wxSplitterEvent& event) {
    chosen_sash_ = event.GetSashPosition();  // only the user's drags send this
    event.Skip();
  });
  splitter_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
    event.Skip();
    placeSash();
  });
  lock_panel_ = new LockPanel(this);
  lock_panel_->Hide();
  auto* content = new wxBoxSizer(wxVERTICAL);
  content->Add(info_, wxSizerFlags().Expand());
  content->Add(splitter_, wxSizerFlags(1).Expand());
  content->Add(lock_panel_, wxSizerFlags(1).Expand());
  SetSizer(content);

  caseload_->onShownChanged([this] { updateStatus(); });
  caseload_->list().onFamilySelected([this](model::Id id) { onFamilySelected(id); });
  caseload_->list().onFamilyActivated([this](model::Id) { newVisit(); });
  lock_panel_->onUnlock([this](const std::string& passphrase) { unlock(passphrase); });
  lock_panel_->onQuickHandout([this] { quickHandout(); });
  Bind(wxEVT_CLOSE_WINDOW, &MainFrame::onClose, this);
  idle_ = std::make_unique<IdleWatch>([this] { lock(); });
  ModalDialogs::instance();  // watching from now on, so a lock can end any dialog
  nameDialogsAsTheyOpen();   // and naming their controls for screen readers
  Bind(
      wxEVT_TIMER, [this](wxTimerEvent&) { backUp(true); }, backup_timer_.GetId());
  Bind(
      wxEVT_TIMER,
      [this](wxTimerEvent&) {
        if (closeFamilyWindows()) finishLock();
      },
      lock_finish_timer_.GetId());

  Bind(
      wxEVT_TIMER, [this](wxTimerEvent&) { refreshIfChanged(); }, change_watch_timer_.GetId());
  Bind(wxEVT_IDLE, [this](wxIdleEvent& event) {
    refreshIfChanged();
    event.Skip();
  });
  Bind(wxEVT_ACTIVATE, [this](wxActivateEvent& event) {
    if (event.GetActive()) refreshIfChanged();
    event.Skip();
  });

  adoptSession(std::move(session));
  placeSash();
  // Start on the first family with the list focused, so the keyboard works at once.
  if (caseload_->list().shownCount() > 0)
    selectFamily(caseload_->list().shownRow(0).summary.family.id);
  caseload_->list().SetFocus();
  // The first backup check once the window shows, then hourly; backUp takes one a day at most.
  CallAfter([this] { backUp(true); });
  backup_timer_.Start(60 * 60 * 1000);
  change_watch_timer_.Start(1000);
  nameAccessibles(*this);  // for screen readers, pages filled later included
}

MainFrame::~MainFrame() = default;

void MainFrame::buildMenus() {
  auto* file = new wxMenu;
  file->Append(wxID_OPEN, _("&Open Database…\tCtrl+O"), _("Open another SecureBase database file"));
  recent_menu_ = new wxMenu;
  file->AppendSubMenu(recent_menu_, _("Open &Recent"));
  file->AppendSeparator();
  buildSecurityMenu(*file);
  file->AppendSeparator();
  file->Append(kCmdSwitchCounselor, _("S&witch Counselor…"),
               _("Choose who is working: who signs and is named in the audit trail"));
  file->Append(wxID_PREFERENCES, _("&Preferences…\tCtrl+,"),
               _("Clinic details, help lines, counselor profile and defaults"));
  file->AppendSeparator();
  file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

  auto* family = new wxMenu;
  family->Append(kCmdNewFamily, _("New &Family…\tCtrl+Shift+N"), _("Add a family to the caseload"));
  family->Append(kCmdNewVisit, _("New &Visit…\tCtrl+N"),
                 _("Record a visit with the selected family"));
  family->AppendSeparator();
  family->Append(kCmdFind, _("&Find Family\tCtrl+F"), _("Search the caseload"));

  auto* documents = new wxMenu;
  documents->Append(kCmdQuickHandout, _("&Quick Handout…\tCtrl+H"),
                    _("The general handout for any parent: language, baby's name, copies"));
  documents->Append(kCmdLatestHandout, _("&Handout for Latest Visit…\tCtrl+Shift+H"),
                    _("The selected family's personalised handout, in its language"));
  documents->Append(kCmdReport, _("Progress &Report…\tCtrl+R"),
                    _("The selected family's progress report over a period"));
  documents->AppendSeparator();
  documents->Append(kCmdBatchHandouts, _("Handouts for &Every Active Family…"),
                    _("One personalised handout per family, into a folder"));

  auto* view = new wxMenu;
  view->Append(kCmdRefresh, _("&Refresh\tF5"),
               _("Read the database again (changes by other programs also show by themselves)"));
  view->AppendSeparator();
  view->Append(kCmdLockNow, _("&Lock Now\tCtrl+L"),
               _("Close the database and hide every family until the passphrase is typed"));

  menus_ = new wxMenuBar;
  menus_->Append(file, _("&File"));
  menus_->Append(view, _("&View"));
  menus_->Append(family, _("F&amily"));
  menus_->Append(documents, _("&Documents"));
  menus_->Append(buildHelpMenu(), _("&Help"));
  SetMenuBar(menus_);

  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { quickHandout(); }, kCmdQuickHandout);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { latestVisitHandout(); }, kCmdLatestHandout);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { progressReport(); }, kCmdReport);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { batchHandouts(); }, kCmdBatchHandouts);

  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { lock(); }, kCmdLockNow);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { refreshViews(); }, kCmdRefresh);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { onOpen(); }, wxID_OPEN);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { editPreferences(); }, wxID_PREFERENCES);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { newFamily(); }, kCmdNewFamily);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (session_ && chooseCounselor(this, *session_)) updateTitle();
      },
      kCmdSwitchCounselor);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { newVisit(); }, kCmdNewVisit);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { caseload_->focusSearch(); }, kCmdFind);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent& event) {
        const auto files = WindowConfig::instance().recentFiles();
        const auto index = static_cast<std::size_t>(event.GetId() - kCmdRecentFirst);
        if (index < files.size()) openDatabase(files[index].utf8_string());
      },
      kCmdRecentFirst, kCmdRecentLast);
}

wxMenu* MainFrame::buildHelpMenu() {
  auto* help = new wxMenu;
  help->Append(kCmdUserGuide, _("&User Guide\tF1"),
               _("How to do a counselor's day in SecureBase, step by step (no internet needed)"));
  help->Append(kCmdGuideInBrowser, _("User Guide in &Browser"),
               _("The same guide in your web browser, to read or print"));
  help->Append(kCmdShortcuts, _("&Keyboard Shortcuts"), _("Every key SecureBase knows"));
  help->AppendSeparator();
  help->Append(wxID_ABOUT, _("&About SecureBase"),
               _("Version, licence, the database file, its encryption and its backups"));
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { showUserGuide(this); }, kCmdUserGuide);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (!openUserGuideInBrowser())
          wxMessageBox(_("No web browser could be started. Help › User Guide shows the guide "
                         "here instead."),
                       _("User guide"), wxOK | wxICON_INFORMATION, this);
      },
      kCmdGuideInBrowser);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        wxDialog* dialog = makeShortcutsDialog(this);
        dialog->ShowModal();
        dialog->Destroy();
      },
      kCmdShortcuts);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        wxDialog* dialog = makeAboutDialog(this, locked() ? nullptr : session_.get());
        dialog->ShowModal();
        dialog->Destroy();
      },
      wxID_ABOUT);
  return help;
}

void MainFrame::buildToolbar() {
  auto* tools = CreateToolBar(wxTB_HORIZONTAL | wxTB_TEXT | wxTB_HORZ_LAYOUT);
  const wxSize size = FromDIP(wxSize(24, 24));
  tools->AddTool(kCmdNewFamily, _("New family"),
                 wxArtProvider::GetBitmapBundle(wxART_NEW, wxART_TOOLBAR, size),
                 _("Add a family (Ctrl+Shift+N)"));
  tools->AddTool(kCmdNewVisit, _("New visit"),
                 wxArtProvider::GetBitmapBundle(wxART_EDIT, wxART_TOOLBAR, size),
                 _("Record a visit with the selected family (Ctrl+N)"));
  tools->AddTool(kCmdQuickHandout, _("Quick handout"),
                 wxArtProvider::GetBitmapBundle(wxART_PRINT, wxART_TOOLBAR, size),
                 _("The general handout for any parent, no family needed (Ctrl+H)"));
  tools->AddTool(kCmdReport, _("Report"),
                 wxArtProvider::GetBitmapBundle(wxART_REPORT_VIEW, wxART_TOOLBAR, size),
                 _("Progress report of the selected family (Ctrl+R)"));
  tools->AddSeparator();
  tools->AddTool(wxID_OPEN, _("Open database"),
                 wxArtProvider::GetBitmapBundle(wxART_FILE_OPEN, wxART_TOOLBAR, size),
                 _("Open another database file (Ctrl+O)"));
  tools->AddTool(wxID_PREFERENCES, _("Preferences"),
                 wxArtProvider::GetBitmapBundle(wxART_HELP_SETTINGS, wxART_TOOLBAR, size),
                 _("Clinic details and defaults (Ctrl+,)"));
  tools->Realize();
}

void MainFrame::rebuildRecentMenu() {
  while (recent_menu_->GetMenuItemCount() > 0)
    recent_menu_->Destroy(recent_menu_->FindItemByPosition(0));
  const auto files = WindowConfig::instance().recentFiles();
  for (std::size_t i = 0; i < files.size(); ++i)
    recent_menu_->Append(kCmdRecentFirst + static_cast<int>(i),
                         wxString::Format("&%zu %s", i + 1, files[i]));
}

void MainFrame::reloadCaseload() {
  if (!session_) return;
  try {
    caseload_->list().setRows(
        service::prepareCaseload(session_->store().listFamilies(), model::Date::today()));
  } catch (const std::exception& e) {
    showProblemBox(this, e);
  }
  caseload_->applyFilter();
}

void MainFrame::refreshViews() {
  if (locked()) return;
  // Read before the views, so a change made while they read is caught by the next check.
  try {
    shown_version_ = store::contentVersion(session_->database());
  } catch (const std::exception&) {
    shown_version_.reset();  // the views below say what is wrong with the file
  }
  wxWindowUpdateLocker no_flicker(this);
  reloadCaseload();
  family_->reload();
}

void MainFrame::refreshIfChanged() {
  if (locked()) return;
  try {
    if (shown_version_ && store::contentVersion(session_->database()) == *shown_version_) return;
  } catch (const std::exception&) {
    return;  // busy or unreadable now: the next check tries again
  }
  refreshViews();
}

void MainFrame::selectFamily(model::Id family_id) {
  caseload_->list().selectFamily(family_id);
  // Selecting a shown row already reported it (onFamilySelected loads it once).
  onFamilySelected(family_id);
}

void MainFrame::onFamilySelected(model::Id family_id) {
  // The same family selected again (a refresh keeping the selection) is already shown; the
  // refresh reads it again once.
  if (family_->familyId() != family_id) family_->showFamily(family_id);
}

void MainFrame::updateStatus() {
  if (locked()) {
    SetStatusText(_("Locked"), 0);
    return;
  }
  const auto& list = caseload_->list();
  SetStatusText(
      list.shownCount() == list.totalCount()
          ? wxString::Format(wxPLURAL("%zu family", "%zu families", list.totalCount()),
                             list.totalCount())
          : wxString::Format(_("%zu of %zu families shown"), list.shownCount(), list.totalCount()),
      0);
}

void MainFrame::updateTitle() {
  const wxString file = wxString::FromUTF8(file_.filename().string());
  const std::string counselor = session_ ? session_->counselorName() : "";
  SetTitle(counselor.empty()
               ? wxString::Format(_("SecureBase — %s"), file)
               : wxString::Format(_("SecureBase — %s — %s"), file, wxString::FromUTF8(counselor)));
  SetStatusText(wxString::FromUTF8(file_.string()), 1);
}

bool MainFrame::openDatabase(const std::filesystem::path& file) {
  std::unique_ptr<Session> next;
  try {
    next = openSessionAsking(this, file);
  } catch (const std::exception& e) {
    showProblemBox(this, e);
    return false;
  }
  if (!next) return false;
  closeEditors();
  backUp(true);
  family_->showFamily(std::nullopt);
  adoptSession(std::move(next));
  askWhoIsWorking();
  return true;
}

void MainFrame::askWhoIsWorking() {
  if (locked()) return;
  askWhoIsWorkingUnlessRemembered(this, *session_);
  updateTitle();
}

void MainFrame::onOpen() {
  wxFileDialog dialog(this, _("Open a SecureBase database"), wxEmptyString, wxEmptyString,
                      _("SecureBase databases (*.db)|*.db|All files|*"), wxFD_OPEN);
  if (dialog.ShowModal() == wxID_OK) openDatabase(dialog.GetPath().utf8_string());
}

void MainFrame::newFamily() {
  FamilyDialog dialog(this, session_->store(), std::nullopt);
  if (dialog.ShowModal() != wxID_OK) return;
  reloadCaseload();
  caseload_->setView(CaseloadView::active);
  selectFamily(dialog.familyId());
}

void MainFrame::showFamilyWritable(const std::optional<std::string>& held_by) {
  if (!menus_) return;
  const wxString help =
      held_by ? readOnlyHelp(*held_by) : _("Record a visit with the selected family");
  menus_->Enable(kCmdNewVisit, !held_by && !locked());
  menus_->FindItem(kCmdNewVisit)->SetHelp(help);
  if (wxToolBar* tools = GetToolBar()) {
    tools->EnableTool(kCmdNewVisit, !held_by && !locked());
    tools->SetToolShortHelp(kCmdNewVisit,
                            held_by ? help : _("Record a visit with the selected family (Ctrl+N)"));
  }
}

void MainFrame::newVisit() {
  const auto family_id = caseload_->list().selectedFamily();
  if (!family_id) {
    wxMessageBox(_("Select a family first."), _("New visit"), wxOK | wxICON_INFORMATION, this);
    return;
  }
  if (startNewVisit(this, *session_, *family_id)) family_->reload();
}

std::optional<model::Id> MainFrame::selectedFamilyOrSay(const wxString& action) {
  const auto family_id = caseload_->list().selectedFamily();
  if (!family_id)
    wxMessageBox(_("Select a family first."), action, wxOK | wxICON_INFORMATION, this);
  return family_id;
}

void MainFrame::quickHandout() {
  if (!locked()) handout_defaults_ = quickHandoutDefaults(session_->store());
  app::quickHandout(this, handout_defaults_);
}

void MainFrame::latestVisitHandout() {
  if (const auto family_id = selectedFamilyOrSay(_("Handout")))
    app::latestVisitHandout(this, *session_, *family_id);
}

void MainFrame::progressReport() {
  if (const auto family_id = selectedFamilyOrSay(_("Progress report")))
    app::progressReport(this, *session_, *family_id);
}

void MainFrame::batchHandouts() {
  app::batchHandouts(this, *session_);
}

void MainFrame::placeSash() {
  // Until the user moves the sash, the caseload gets the width that shows all its columns
  // whole, as far as the family panel keeps the room its buttons, tabs and chart need.
  if (chosen_sash_ > 0) return;
  const int room = splitter_->GetClientSize().x - splitter_->GetSashSize() - FromDIP(kFamilyWidth);
  const int wanted = std::min(caseload_->wantedWidth(), room);
  if (wanted > 0 && wanted != splitter_->GetSashPosition()) splitter_->SetSashPosition(wanted);
}

void MainFrame::editPreferences() {
  PreferencesDialog dialog(this, session_->store(), file_);
  if (dialog.ShowModal() != wxID_OK) return;
  if (!idle_limit_override_) idle_->setLimit(std::chrono::minutes(lockMinutes(session_->store())));
  updateCommands();  // Sync Now follows the agency server setting
}

void MainFrame::onClose(wxCloseEvent& event) {
  WindowConfig::instance().save(*this, "Main");
  if (chosen_sash_ > 0) WindowConfig::instance().setSash("Caseload", chosen_sash_);
  // Every note typed is saved before the last backup, and the key leaves memory here.
  lock_finish_timer_.Stop();
  closeEditors();
  backUp(false);  // a failure is also written to stderr: the window is going away
  session_.reset();
  event.Skip();
}

}  // namespace securebase::app
