// The family's visits, newest first, every revision: double-click (or Enter) opens one in the
// visit editor — drafts for editing, signed visits read-only.
#pragma once

#include <wx/panel.h>

#include <vector>

#include "securebase/store/store.h"

class wxListView;

namespace securebase::app {

class MainFrame;

class VisitsPage : public wxPanel {
 public:
  VisitsPage(wxWindow* parent, MainFrame& frame);
  void show(const store::FamilyRecord& record);
  // Opens the visit at `row` (0 = newest) in the editor.
  void openRow(long row);
  long count() const;

 private:
  MainFrame& frame_;
  wxListView* list_ = nullptr;
  std::vector<model::Id> ids_;
};

}  // namespace securebase::app
