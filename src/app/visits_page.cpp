#include "visits_page.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/translation.h>

#include "handout_actions.h"
#include "list_place.h"
#include "list_rows_spoken.h"
#include "main_frame.h"
#include "new_visit.h"
#include "ui_helpers.h"

namespace securebase::app {
namespace {

wxString outcomeText(model::VisitOutcome outcome) {
  switch (outcome) {
    case model::VisitOutcome::completed:
      return _("Completed");
    case model::VisitOutcome::missed:
      return _("Missed");
    case model::VisitOutcome::cancelled:
      return _("Cancelled");
  }
  return wxString();
}

wxString statusText(const model::Visit& visit) {
  wxString text = visit.isSigned() ? _("Signed") : _("Draft");
  if (visit.amends_visit_id) text += _(" (amendment)");
  if (visit.superseded_by) text += _(" (replaced)");
  return text;
}

}  // namespace

VisitsPage::VisitsPage(wxWindow* parent, MainFrame& frame) : wxPanel(parent), frame_(frame) {
  list_ = makeReportList(this, {{_("Date"), 100},
                                {_("Outcome"), 100},
                                {_("Status"), 170},
                                {_("Place"), 140},
                                {_("Signed by"), 140},
                                {_("Reason for amendment"), 220}});
  auto* open = new wxButton(this, wxID_ANY, _("&Open visit"));
  add_ = new wxButton(this, wxID_ANY, _("New vi&sit…"));
  auto* handout = new wxButton(this, wxID_ANY, _("Handou&t…"));
  handout->SetToolTip(
      _("The personalised handout of the selected visit, in the family's "
        "language, as a PDF"));
  handout->Bind(wxEVT_BUTTON,
                [this](wxCommandEvent&) { handoutForRow(list_->GetFirstSelected()); });
  open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openRow(list_->GetFirstSelected()); });
  add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { frame_.newVisit(); });
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) { openRow(event.GetIndex()); });
  speakCurrentRow(*list_, _("Visits"));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(add_, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
  buttons->Add(open, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
  buttons->Add(handout);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(6)));
  sizer->Add(buttons, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6)));
  SetSizer(sizer);
}

void VisitsPage::show(const store::FamilyRecord& record) {
  const ListPlace place(*list_, ids_);
  list_->DeleteAllItems();
  ids_.clear();
  completed_.clear();
  for (auto it = record.visits.rbegin(); it != record.visits.rend(); ++it) {
    const long row = list_->InsertItem(list_->GetItemCount(), wx(it->date.iso()));
    list_->SetItem(row, 1, outcomeText(it->outcome));
    list_->SetItem(row, 2, statusText(*it));
    list_->SetItem(row, 3, wx(it->place));
    list_->SetItem(row, 4, wx(it->signed_by));
    list_->SetItem(row, 5, wx(it->amend_reason));
    ids_.push_back(it->id);
    completed_.push_back(it->isCurrent() && it->outcome == model::VisitOutcome::completed);
  }
  place.restore(*list_, ids_);
}

void VisitsPage::allowChanges(const std::optional<wxString>& refused_because) {
  app::allowChanges({add_}, refused_because);
}

long VisitsPage::count() const {
  return list_->GetItemCount();
}

std::optional<std::filesystem::path> VisitsPage::handoutForRow(long row) {
  if (row < 0)
    for (std::size_t i = 0; i < ids_.size() && row < 0; ++i)
      if (completed_[i]) row = static_cast<long>(i);
  if (row < 0 || static_cast<std::size_t>(row) >= ids_.size()) {
    wxMessageBox(_("There is no completed visit to make a handout from yet."), _("Handout"),
                 wxOK | wxICON_INFORMATION, this);
    return std::nullopt;
  }
  return personalisedHandout(&frame_, frame_.session(), ids_[static_cast<std::size_t>(row)]);
}

void VisitsPage::openRow(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= ids_.size()) return;
  openVisitEditor(&frame_, frame_.session(), ids_[static_cast<std::size_t>(row)]);
}

}  // namespace securebase::app
