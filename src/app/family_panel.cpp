#include "family_panel.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/translation.h>
#include <wx/wrapsizer.h>

#include "family_dialog.h"
#include "follow_up_page.h"
#include "interface_language.h"
#include "list_columns.h"
#include "list_place.h"
#include "list_rows_spoken.h"
#include "main_frame.h"
#include "person_dialogs.h"
#include "problem_text.h"
#include "securebase/forms/answers.h"
#include "securebase/model/age.h"
#include "securebase/model/visit_due.h"
#include "securebase/report/progress_report.h"
#include "securebase/service/visits.h"
#include "trend_panel.h"
#include "ui_helpers.h"
#include "visits_page.h"

namespace securebase::app {
namespace {

template <typename Person>
std::vector<model::Id> idsOf(const std::vector<Person>& people) {
  std::vector<model::Id> ids;
  for (const auto& person : people) ids.push_back(person.id);
  return ids;
}

wxString ageText(const model::Child& child, model::Date today) {
  auto age = model::ageOn(child.birth_date, today);
  return age ? wx(model::describeAge(*age, interfaceLanguage())) : wxString(wxS("—"));
}

wxString correctedAgeText(const model::Child& child, model::Date today) {
  auto age = model::correctedAgeOn(child.birth_date, child.gestation_weeks, today);
  return age ? wx(model::describeAge(*age, interfaceLanguage())) : wxString();
}

}  // namespace

FamilyPanel::FamilyPanel(wxWindow* parent, MainFrame& frame) : wxPanel(parent), frame_(frame) {
  empty_ = new wxStaticText(this, wxID_ANY, _("Select a family in the list\nto see it here."),
                            wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
  empty_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  content_ = new wxPanel(this);

  title_ = makeHeading(content_, wxEmptyString, 1.5);
  facts_ = new wxStaticText(content_, wxID_ANY, wxEmptyString);
  read_only_note_ = new wxStaticText(content_, wxID_ANY, wxEmptyString);
  read_only_note_->SetForegroundColour(wxColour(178, 34, 34));
  edit_ = new wxButton(content_, wxID_ANY, _("&Edit family…"));
  add_caregiver_ = new wxButton(content_, wxID_ANY, _("Add &caregiver…"));
  add_child_ = new wxButton(content_, wxID_ANY, _("Add chi&ld…"));
  new_visit_ = new wxButton(content_, wxID_ANY, _("New vi&sit…"));
  edit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { editFamily(); });
  add_caregiver_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addCaregiver(); });
  add_child_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addChild(); });
  new_visit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { frame_.newVisit(); });

  notebook_ = new wxNotebook(content_, wxID_ANY);
  notebook_->AddPage(buildOverview(notebook_), _("Overview"));
  visits_ = new VisitsPage(notebook_, frame_);
  notebook_->AddPage(visits_, _("Visits"));
  goals_page_ = new FollowUpPage(notebook_, frame_, FollowUpPage::Kind::goals);
  notebook_->AddPage(goals_page_, _("Goals"));
  referrals_page_ = new FollowUpPage(notebook_, frame_, FollowUpPage::Kind::referrals);
  notebook_->AddPage(referrals_page_, _("Referrals"));

  // Wraps to a second line when the labels (longer in Spanish) do not fit the panel.
  auto* buttons = new wxWrapSizer(wxHORIZONTAL);
  for (auto* button : {edit_, add_caregiver_, add_child_, new_visit_})
    buttons->Add(button, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, FromDIP(6)));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(title_, wxSizerFlags().Border(wxBOTTOM, FromDIP(2)));
  sizer->Add(facts_, wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
  sizer->Add(read_only_note_, wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
  sizer->Add(buttons, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(8)));
  sizer->Add(notebook_, wxSizerFlags(1).Expand());
  content_->SetSizer(sizer);

  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(empty_, wxSizerFlags().Expand().Border(wxALL, FromDIP(40)));
  outer->Add(content_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
  SetSizer(outer);
  content_->Hide();
}

wxWindow* FamilyPanel::buildOverview(wxWindow* parent) {
  auto* page = new wxScrolledWindow(parent);
  page->SetScrollRate(0, FromDIP(10));
  children_ = makeReportList(page, {{_("Child"), 76},
                                    {_("Born"), 86},
                                    {_("Age"), 76},
                                    {_("Corrected age"), 110},
                                    {_("Weeks at birth"), 105}});
  caregivers_ = makeReportList(page, {{_("Caregiver"), 180}, {_("Relationship"), 150}});
  speakCurrentRow(*children_, _("Children"));
  speakCurrentRow(*caregivers_, _("Caregivers"));
  children_->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                  [this](wxListEvent& event) { editChild(event.GetIndex()); });
  caregivers_->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                    [this](wxListEvent& event) { editCaregiver(event.GetIndex()); });
  children_->SetToolTip(_("Double-click a child to correct the details"));
  caregivers_->SetToolTip(_("Double-click a caregiver to correct the details"));
  // Ages, dates and relationships show whole; the name takes the width they leave.
  for (wxListCtrl* list :
       {static_cast<wxListCtrl*>(children_), static_cast<wxListCtrl*>(caregivers_)}) {
    keepStretching(*list, 0);
    showCutCellsAsTooltips(*list);
  }
  goals_ = makeReportList(page, {{_("Open goal"), 360}, {_("Since"), 86}});
  speakCurrentRow(*goals_, _("Open goals"));
  flags_ = new wxStaticText(page, wxID_ANY, wxEmptyString);
  trend_ = new TrendPanel(page);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto add = [&](const wxString& heading, wxWindow* window, int height) {
    sizer->Add(makeHeading(page, heading),
               wxSizerFlags().Border(wxTOP | wxLEFT | wxRIGHT, FromDIP(10)));
    // A list's own columns never widen the page past the panel (the page scrolls only down):
    // a wide list scrolls sideways inside itself, and the chart keeps the panel's width.
    window->SetMinSize(wxSize(FromDIP(200), height > 0 ? FromDIP(height) : -1));
    sizer->Add(window, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
  };
  // Who the family is comes first — the children and the caregivers a counselor greets at the
  // door — then the chart: how the practices move is what a supervisor opens a family for.
  add(_("Flags"), flags_, 0);
  add(_("Children"), children_, 72);
  add(_("Caregivers"), caregivers_, 72);
  add(_("Practices over the visits"), trend_, 260);
  add(_("Open goals"), goals_, 90);
  page->SetSizer(sizer);
  return page;
}

void FamilyPanel::showFamily(std::optional<model::Id> family_id) {
  family_id_ = family_id;
  reload();
}

void FamilyPanel::reload() {
  record_.reset();
  if (family_id_) {
    try {
      record_ = frame_.session().store().loadFamily(*family_id_);
    } catch (const std::exception& e) {
      showProblemBox(this, e);
    }
  }
  Freeze();
  empty_->Show(!record_);
  content_->Show(record_.has_value());
  if (record_) {
    fillOverview();
    visits_->show(*record_);
    goals_page_->show(*record_);
    referrals_page_->show(*record_);
  }
  showWritable();
  Layout();
  Thaw();
}

void FamilyPanel::fillOverview() {
  const auto& record = *record_;
  const auto& family = record.family;
  const auto today = model::Date::today();
  title_->SetLabel(wx(family.display_name));

  // The same rules as the caseload: signed visits count, a draft only shows as in progress.
  const auto forms = report::formLookupFor(frame_.session().store(), frame_.session().catalog());
  const report::FamilyStanding standing = report::familyStanding(record, forms);
  const auto& due = standing.next_due;
  wxString facts =
      family.language == model::Language::es ? _("Handouts in Spanish") : _("Handouts in English");
  facts += wxString::Format(_(" · visits every %d days"), family.visit_frequency_days);
  if (family.status == model::FamilyStatus::closed) {
    facts += _(" · closed");
  } else if (due) {
    const int overdue = model::daysOverdue(due, today);
    // On a line of its own: the panel is narrow, and this is the line that matters.
    facts += overdue > 0 ? wxString::Format(_("\nVisit overdue by %d days (due %s)"), overdue,
                                            wx(due->iso()))
                         : wxString::Format(_("\nNext visit due %s"), wx(due->iso()));
  }
  if (standing.draft_date)
    facts += wxString::Format(_("\nA visit of %s is in progress (draft, not counted yet)"),
                              wx(standing.draft_date->iso()));
  facts_->SetLabel(facts);

  // A refresh keeps each list's selected row and scroll (ids of another family never match).
  const ListPlace children_place(*children_, idsOf(shown_children_));
  const ListPlace caregivers_place(*caregivers_, idsOf(shown_caregivers_));
  const ListPlace goals_place(*goals_, shown_goal_ids_);
  children_->DeleteAllItems();
  shown_children_ = record.children;
  shown_caregivers_ = record.caregivers;
  for (const auto& child : record.children) {
    const long row = children_->InsertItem(children_->GetItemCount(), wx(child.name));
    children_->SetItem(row, 1, wx(child.birth_date.iso()));
    children_->SetItem(row, 2, ageText(child, today));
    children_->SetItem(row, 3, correctedAgeText(child, today));
    children_->SetItem(row, 4, wxString::Format("%d", child.gestation_weeks));
  }
  caregivers_->DeleteAllItems();
  for (const auto& caregiver : record.caregivers) {
    const long row = caregivers_->InsertItem(caregivers_->GetItemCount(), wx(caregiver.name));
    // The dialog's choices are English words; shown in the window's language when they are.
    caregivers_->SetItem(row, 1, wxGetTranslation(wx(caregiver.relationship)));
  }
  fitColumns(*children_, 0);
  fitColumns(*caregivers_, 0);
  goals_->DeleteAllItems();
  shown_goal_ids_.clear();
  for (const auto& goal : record.goals)
    if (goal.status == model::GoalStatus::open) {
      const long row = goals_->InsertItem(goals_->GetItemCount(), wx(goal.text));
      goals_->SetItem(row, 1, wx(goal.created_on.iso()));
      shown_goal_ids_.push_back(goal.id);
    }
  children_place.restore(*children_, idsOf(shown_children_));
  caregivers_place.restore(*caregivers_, idsOf(shown_caregivers_));
  goals_place.restore(*goals_, shown_goal_ids_);

  // Flags: the wellbeing concern at the latest signed visit, and referrals still open.
  wxArrayString flags;
  if (standing.flagged && standing.last_visit)
    flags.Add(wxString::Format(_("Wellbeing concern noted at the visit of %s"),
                               wx(standing.last_visit->iso())));
  int open_referrals = 0;
  for (const auto& referral : record.referrals)
    if (referral.status == model::ReferralStatus::open) ++open_referrals;
  if (open_referrals > 0)
    flags.Add(wxString::Format(wxPLURAL("%d open referral", "%d open referrals", open_referrals),
                               open_referrals));
  flags_->SetLabel(flags.empty() ? _("None") : wxJoin(flags, '\n'));
  flags_->SetForegroundColour(flags.empty() ? GetForegroundColour() : wxColour(178, 34, 34));
  trend_->show(record, forms);
}

void FamilyPanel::showWritable() {
  std::optional<std::string> held_by;
  if (record_) {
    try {
      if (const auto read_only = frame_.session().store().readOnlyFamily(record_->family.id))
        held_by = read_only->held_by;
    } catch (const std::exception& e) {
      showProblemBox(this, e);
    }
  }
  std::optional<wxString> refused;
  if (held_by) refused = readOnlyHelp(*held_by);
  allowChanges({edit_, add_caregiver_, add_child_, new_visit_}, refused);
  visits_->allowChanges(refused);
  goals_page_->allowChanges(refused);
  referrals_page_->allowChanges(refused);
  read_only_note_->SetLabel(
      held_by ? wxString::Format(_("Reassigned to %s on the agency server: read-only on this "
                                   "computer.\nEverything recorded stays readable; nothing can "
                                   "be added or changed here."),
                                 wx(*held_by))
              : wxString());
  read_only_note_->Show(held_by.has_value());
  frame_.showFamilyWritable(held_by);
}

void FamilyPanel::editFamily() {
  FamilyDialog dialog(this, frame_.session().store(), family_id_);
  if (dialog.ShowModal() != wxID_OK) return;
  frame_.reloadCaseload();
  reload();
}

void FamilyPanel::addCaregiver() {
  CaregiverDialog dialog(this, frame_.session().store(), *family_id_);
  if (dialog.ShowModal() == wxID_OK) reload();
}

void FamilyPanel::addChild() {
  ChildDialog dialog(this, frame_.session().store(), *family_id_);
  if (dialog.ShowModal() == wxID_OK) reload();
}

void FamilyPanel::editCaregiver(long row) {
  if (!edit_->IsEnabled()) return;  // read-only here (showWritable says why)
  if (!family_id_ || row < 0 || row >= static_cast<long>(shown_caregivers_.size())) return;
  CaregiverDialog dialog(this, frame_.session().store(), *family_id_,
                         shown_caregivers_[static_cast<std::size_t>(row)]);
  if (dialog.ShowModal() == wxID_OK) reload();
}

void FamilyPanel::editChild(long row) {
  if (!edit_->IsEnabled()) return;  // read-only here (showWritable says why)
  if (!family_id_ || row < 0 || row >= static_cast<long>(shown_children_.size())) return;
  ChildDialog dialog(this, frame_.session().store(), *family_id_,
                     shown_children_[static_cast<std::size_t>(row)]);
  if (dialog.ShowModal() == wxID_OK) reload();
}

}  // namespace securebase::app
