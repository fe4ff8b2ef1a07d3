// The left side of the main window: search as you type, the view (active, overdue, …) and the
// caseload list, with the count under it.
#pragma once

#include <wx/panel.h>

#include "caseload_list.h"

class wxSearchCtrl;
class wxChoice;

namespace securebase::app {

class CaseloadPanel : public wxPanel {
 public:
  explicit CaseloadPanel(wxWindow* parent);

  CaseloadList& list() { return *list_; }
  wxSearchCtrl& search() { return *search_; }
  void focusSearch();
  void setView(CaseloadView view);
  // Called after every change of the shown rows (for the status bar).
  void onShownChanged(std::function<void()> callback) { on_changed_ = std::move(callback); }
  void applyFilter();
  // The width that shows the list's columns whole (CaseloadList::wantedWidth) with the margins.
  int wantedWidth() const;

 private:
  CaseloadView view() const;

  wxSearchCtrl* search_ = nullptr;
  wxChoice* view_ = nullptr;
  CaseloadList* list_ = nullptr;
  std::function<void()> on_changed_;
};

}  // namespace securebase::app
