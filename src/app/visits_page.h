// The family's visits, newest first, every revision: double-click (or Enter) opens one in the
// visit editor — drafts for editing, signed visits read-only. "Handout" makes the personalised
// handout of the selected visit (else the newest completed one) in one click.
#pragma once

#include <wx/panel.h>

#include <filesystem>
#include <optional>
#include <vector>

#include "securebase/store/store.h"

class wxListView;
class wxButton;

namespace securebase::app {

class MainFrame;

class VisitsPage : public wxPanel {
 public:
  VisitsPage(wxWindow* parent, MainFrame& frame);
  void show(const store::FamilyRecord& record);
  // Opens the visit at `row` (0 = newest) in the editor.
  void openRow(long row);
  // The handout of the visit at `row`, or of the newest completed visit when `row` is -1.
  std::optional<std::filesystem::path> handoutForRow(long row);
  long count() const;
  // New visit on, or off saying why (a read-only family).
  void allowChanges(const std::optional<wxString>& refused_because);

 private:
  MainFrame& frame_;
  wxListView* list_ = nullptr;
  wxButton* add_ = nullptr;
  std::vector<model::Id> ids_;
  std::vector<bool> completed_;  // current and completed: has a handout
};

}  // namespace securebase::app
