// A family's goals or referrals: the list with status, add, correct, and status changes (a goal is
// achieved or dropped, a referral completed or declined).
#pragma once

#include <wx/panel.h>

#include <optional>
#include <vector>

#include "securebase/store/store.h"

class wxListView;
class wxButton;

namespace securebase::app {

class MainFrame;

class FollowUpPage : public wxPanel {
 public:
  enum class Kind { goals, referrals };
  FollowUpPage(wxWindow* parent, MainFrame& frame, Kind kind);
  void show(const store::FamilyRecord& record);
  wxListView& list() { return *list_; }
  // New, status changes and corrections on, or off saying why (a read-only family).
  void allowChanges(const std::optional<wxString>& refused_because);
  wxButton& addButton() { return *add_; }

 private:
  void add();
  void edit(long row);  // double-click or Enter on a row: correct its wording
  void setStatus(bool done);
  // The goal's text or the referral's reason: the column that takes the width the others leave.
  int stretchColumn() const { return kind_ == Kind::goals ? 0 : 1; }

  MainFrame& frame_;
  Kind kind_;
  model::Id family_id_ = 0;
  wxListView* list_ = nullptr;
  wxButton* add_ = nullptr;
  wxButton* done_ = nullptr;
  wxButton* dropped_ = nullptr;
  std::vector<model::Id> ids_;
  // Rows that record "no referral made": fixed once recorded, so neither corrected nor closed.
  std::vector<bool> fixed_;
};

}  // namespace securebase::app
