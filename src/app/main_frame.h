// The main window: menus and toolbar, the caseload on the left and the selected family on the
// right, the count in the status bar. It owns the open Session; opening another database file
// replaces it.
#pragma once

#include <wx/frame.h>

#include <memory>

#include "session.h"

class wxSplitterWindow;
class wxMenu;

namespace securebase::app {

class CaseloadPanel;
class FamilyPanel;

class MainFrame : public wxFrame {
 public:
  explicit MainFrame(std::unique_ptr<Session> session);
  ~MainFrame() override;

  Session& session() { return *session_; }
  CaseloadPanel& caseload() { return *caseload_; }
  FamilyPanel& familyPanel() { return *family_; }

  // Re-reads the families from the database, keeping the selection.
  void reloadCaseload();
  void selectFamily(model::Id family_id);
  // Replaces the open database with `file` (created when missing); false after telling why not.
  bool openDatabase(const std::filesystem::path& file);

  // Menu commands, public so tests and the toolbar reach the same code.
  void newFamily();
  void newVisit();
  void editPreferences();
  void quickHandout();
  void latestVisitHandout();
  void progressReport();
  void batchHandouts();

 private:
  void buildMenus();
  void buildToolbar();
  void rebuildRecentMenu();
  void updateStatus();
  void updateTitle();
  void onFamilySelected(model::Id family_id);
  std::optional<model::Id> selectedFamilyOrSay(const wxString& action);
  void onOpen();
  void onClose(wxCloseEvent& event);

  std::unique_ptr<Session> session_;
  wxSplitterWindow* splitter_ = nullptr;
  CaseloadPanel* caseload_ = nullptr;
  FamilyPanel* family_ = nullptr;
  wxMenu* recent_menu_ = nullptr;
};

}  // namespace securebase::app
