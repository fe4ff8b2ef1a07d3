// The right side of the main window: the selected family — overview (children with ages,
// caregivers, open goals, flags, section scores), visits, goals, referrals.
#pragma once

#include <wx/panel.h>

#include <optional>
#include <vector>

#include "securebase/store/store.h"

class wxNotebook;
class wxStaticText;
class wxListView;
class wxButton;

namespace securebase::app {

class MainFrame;

class VisitsPage;
class TrendPanel;
class FollowUpPage;

class FamilyPanel : public wxPanel {
 public:
  FamilyPanel(wxWindow* parent, MainFrame& frame);

  void showFamily(std::optional<model::Id> family_id);
  void reload();
  std::optional<model::Id> familyId() const { return family_id_; }
  const store::FamilyRecord* record() const { return record_ ? &*record_ : nullptr; }
  VisitsPage& visits() { return *visits_; }
  FollowUpPage& referrals() { return *referrals_page_; }
  TrendPanel& trend() { return *trend_; }
  wxListView& caregivers() { return *caregivers_; }
  // The panel's edit commands, greyed for a family reassigned away on the agency server.
  wxButton& editButton() { return *edit_; }
  wxButton& newVisitButton() { return *new_visit_; }
  // The line that says the family is read-only here, and why (hidden otherwise).
  wxStaticText& readOnlyNote() { return *read_only_note_; }

  // The panel's buttons, public so tests reach the same code.
  void editFamily();
  void addCaregiver();
  void addChild();
  // Double-click or Enter on a row corrects that caregiver or child.
  void editCaregiver(long row);
  void editChild(long row);

 private:
  wxWindow* buildOverview(wxWindow* parent);
  void fillOverview();
  // Greys the edit commands (here and New Visit in the window) of a read-only family.
  void showWritable();

  MainFrame& frame_;
  std::optional<model::Id> family_id_;
  std::optional<store::FamilyRecord> record_;
  wxStaticText* empty_ = nullptr;
  wxPanel* content_ = nullptr;
  wxStaticText* title_ = nullptr;
  wxStaticText* facts_ = nullptr;
  wxStaticText* read_only_note_ = nullptr;
  wxButton* edit_ = nullptr;
  wxButton* add_caregiver_ = nullptr;
  wxButton* add_child_ = nullptr;
  wxButton* new_visit_ = nullptr;
  wxStaticText* flags_ = nullptr;
  wxListView* children_ = nullptr;
  wxListView* caregivers_ = nullptr;
  std::vector<model::Child> shown_children_;        // in list order
  std::vector<model::Caregiver> shown_caregivers_;  // in list order
  wxListView* goals_ = nullptr;
  std::vector<model::Id> shown_goal_ids_;  // in list order
  TrendPanel* trend_ = nullptr;
  wxNotebook* notebook_ = nullptr;
  VisitsPage* visits_ = nullptr;
  FollowUpPage* goals_page_ = nullptr;
  FollowUpPage* referrals_page_ = nullptr;
};

}  // namespace securebase::app
