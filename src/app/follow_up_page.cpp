#include "follow_up_page.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include <optional>

#include "family_panel.h"
#include "list_columns.h"
#include "list_place.h"
#include "list_rows_spoken.h"
#include "main_frame.h"
#include "problem_text.h"
#include "standard_dialog.h"
#include "ui_helpers.h"

namespace securebase::app {
namespace {

// The status words as the window shows them (the core's are the stored, English ones).
wxString statusText(model::GoalStatus status) {
  switch (status) {
    case model::GoalStatus::open:
      return _("Open");
    case model::GoalStatus::achieved:
      return _("Achieved");
    case model::GoalStatus::dropped:
      return _("Dropped");
  }
  return {};
}

// Why no referral was made, and who decided it when the record names them.
wxString noReferralText(const model::Referral& referral) {
  if (referral.recorded_by.empty()) return wx(referral.reason);
  return wxString::Format(_("%s (recorded by %s)"), wx(referral.reason), wx(referral.recorded_by));
}

wxString statusText(model::ReferralStatus status) {
  switch (status) {
    case model::ReferralStatus::open:
      return _("Open");
    case model::ReferralStatus::completed:
      return _("Completed");
    case model::ReferralStatus::declined:
      return _("Declined");
  }
  return {};
}

// One dialog for both: a goal is one text; a referral is to whom and why.
class FollowUpDialog : public StandardDialog {
 public:
  // With `existing` (a goal or referral id), the dialog corrects it instead of adding one.
  FollowUpDialog(wxWindow* parent, store::Store& store, model::Id family_id,
                 FollowUpPage::Kind kind, std::optional<model::Id> existing = std::nullopt)
      : StandardDialog(parent, kind == FollowUpPage::Kind::goals
                                   ? (existing ? _("Edit goal") : _("New goal"))
                                   : (existing ? _("Edit referral") : _("New referral"))),
        store_(store),
        family_id_(family_id),
        kind_(kind),
        existing_(existing) {
    first_ = new wxTextCtrl(this, wxID_ANY);
    if (kind_ == FollowUpPage::Kind::goals) {
      first_->SetHint(_("e.g. Answer cries within a minute"));
      addRow(_("Goal:"), first_);
    } else {
      second_ = new wxTextCtrl(this, wxID_ANY);
      first_->SetHint(_("e.g. Family doctor"));
      addRow(_("Referred to:"), first_);
      addRow(_("Reason:"), second_);
    }
    if (existing_) fillFromStore();
    finishLayout();
    first_->SetFocus();
  }

 private:
  void fillFromStore() {
    if (kind_ == FollowUpPage::Kind::goals) {
      for (const auto& goal : store_.goals(family_id_))
        if (goal.id == *existing_) first_->SetValue(wxString::FromUTF8(goal.text));
      return;
    }
    for (const auto& referral : store_.referrals(family_id_))
      if (referral.id == *existing_) {
        first_->SetValue(wxString::FromUTF8(referral.to_whom));
        second_->SetValue(wxString::FromUTF8(referral.reason));
      }
  }

  void apply() override {
    if (existing_) {
      if (kind_ == FollowUpPage::Kind::goals)
        store_.updateGoalText(*existing_, toUtf8(first_->GetValue().Strip(wxString::both)));
      else
        store_.updateReferral(*existing_, toUtf8(first_->GetValue().Strip(wxString::both)),
                              toUtf8(second_->GetValue().Strip(wxString::both)));
      return;
    }
    if (kind_ == FollowUpPage::Kind::goals) {
      model::Goal goal;
      goal.family_id = family_id_;
      goal.text = toUtf8(first_->GetValue().Strip(wxString::both));
      store_.addGoal(goal);
    } else {
      model::Referral referral;
      referral.family_id = family_id_;
      referral.to_whom = toUtf8(first_->GetValue().Strip(wxString::both));
      referral.reason = toUtf8(second_->GetValue().Strip(wxString::both));
      store_.addReferral(referral);
    }
  }

  store::Store& store_;
  model::Id family_id_;
  FollowUpPage::Kind kind_;
  std::optional<model::Id> existing_;
  wxTextCtrl* first_ = nullptr;
  wxTextCtrl* second_ = nullptr;
};

}  // namespace

FollowUpPage::FollowUpPage(wxWindow* parent, MainFrame& frame, Kind kind)
    : wxPanel(parent), frame_(frame), kind_(kind) {
  const bool goals = kind_ == Kind::goals;
  list_ =
      goals
          ? makeReportList(this, {{_("Goal"), 360}, {_("Status"), 90}, {_("Since"), 95}})
          : makeReportList(
                this,
                {{_("Referred to"), 170}, {_("Reason"), 200}, {_("Status"), 90}, {_("Since"), 95}});
  add_ = new wxButton(this, wxID_ANY, goals ? _("&New goal…") : _("&New referral…"));
  done_ = new wxButton(this, wxID_ANY, goals ? _("Ach&ieved") : _("C&ompleted"));
  dropped_ = new wxButton(this, wxID_ANY, goals ? _("D&ropped") : _("Decl&ined"));
  add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add(); });
  done_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { setStatus(true); });
  dropped_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { setStatus(false); });
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) { edit(event.GetIndex()); });
  list_->SetToolTip(goals ? _("Double-click a goal to correct its wording")
                          : _("Double-click a referral to correct it"));
  speakCurrentRow(*list_, goals ? _("Goals") : _("Referrals"));
  keepStretching(*list_, stretchColumn());
  showCutCellsAsTooltips(*list_);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(add_, wxSizerFlags().Border(wxRIGHT, FromDIP(18)));
  buttons->Add(done_, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
  buttons->Add(dropped_);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(6)));
  sizer->Add(buttons, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6)));
  SetSizer(sizer);
}

void FollowUpPage::show(const store::FamilyRecord& record) {
  // The same family again (a refresh) keeps the selected row and the scroll.
  const ListPlace place(*list_, family_id_ == record.family.id ? ids_ : std::vector<model::Id>{});
  family_id_ = record.family.id;
  list_->DeleteAllItems();
  ids_.clear();
  fixed_.clear();
  if (kind_ == Kind::goals) {
    for (const auto& goal : record.goals) {
      const long row = list_->InsertItem(list_->GetItemCount(), wx(goal.text));
      list_->SetItem(row, 1, statusText(goal.status));
      list_->SetItem(row, 2, wx(goal.created_on.iso()));
      ids_.push_back(goal.id);
      fixed_.push_back(false);
    }
  } else {
    for (const auto& referral : record.referrals) {
      const bool none = referral.kind == model::ReferralKind::no_referral;
      const long row = list_->InsertItem(list_->GetItemCount(),
                                         none ? _("No referral made") : wx(referral.to_whom));
      list_->SetItem(row, 1, none ? noReferralText(referral) : wx(referral.reason));
      list_->SetItem(row, 2, none ? _("Decided") : statusText(referral.status));
      list_->SetItem(row, 3, wx(referral.created_on.iso()));
      ids_.push_back(referral.id);
      fixed_.push_back(none);
    }
  }
  fitColumns(*list_, stretchColumn());
  place.restore(*list_, ids_);
}

void FollowUpPage::allowChanges(const std::optional<wxString>& refused_because) {
  app::allowChanges({add_, done_, dropped_}, refused_because);
}

void FollowUpPage::add() {
  FollowUpDialog dialog(this, frame_.session().store(), family_id_, kind_);
  if (dialog.ShowModal() == wxID_OK) frame_.familyPanel().reload();
}

void FollowUpPage::edit(long row) {
  if (row < 0 || row >= static_cast<long>(ids_.size())) return;
  if (fixed_[static_cast<std::size_t>(row)]) return;  // kept as it was recorded
  if (!add_->IsEnabled()) return;                     // read-only here (allowChanges says why)
  FollowUpDialog dialog(this, frame_.session().store(), family_id_, kind_,
                        ids_[static_cast<std::size_t>(row)]);
  if (dialog.ShowModal() == wxID_OK) frame_.familyPanel().reload();
}

void FollowUpPage::setStatus(bool done) {
  const long row = list_->GetFirstSelected();
  if (row < 0) return;
  const model::Id id = ids_[static_cast<std::size_t>(row)];
  try {
    if (kind_ == Kind::goals)
      frame_.session().store().setGoalStatus(
          id, done ? model::GoalStatus::achieved : model::GoalStatus::dropped, std::nullopt);
    else
      frame_.session().store().setReferralStatus(
          id, done ? model::ReferralStatus::completed : model::ReferralStatus::declined);
  } catch (const std::exception& e) {
    showProblemBox(this, e);
  }
  frame_.familyPanel().reload();
}

}  // namespace securebase::app
