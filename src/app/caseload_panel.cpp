#include "caseload_panel.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include <utility>
#include <vector>

#include "accessible_names.h"
#include "list_rows_spoken.h"

namespace securebase::app {
namespace {

constexpr int kMargin = 8;  // DIP around the search bar and the list

// The choices of "Show:", in menu order.
std::vector<std::pair<CaseloadView, wxString>> viewLabels() {
  return {{CaseloadView::active, _("Active families")},
          {CaseloadView::overdue, _("Overdue for a visit")},
          {CaseloadView::open_referral, _("Open referral")},
          {CaseloadView::flagged, _("Flagged (concern)")},
          {CaseloadView::closed, _("Closed families")},
          {CaseloadView::all, _("All families")}};
}

}  // namespace

CaseloadPanel::CaseloadPanel(wxWindow* parent) : wxPanel(parent) {
  search_ = new wxSearchCtrl(this, wxID_ANY);
  search_->SetDescriptiveText(_("Search families or counselors"));
  search_->ShowCancelButton(true);
  view_ = new wxChoice(this, wxID_ANY);
  for (const auto& [view, label] : viewLabels()) view_->Append(label);
  view_->SetSelection(0);
  list_ = new CaseloadList(this);
  // For screen readers: nothing labels it on screen, and its rows are drawn by wx.
  speakCurrentRow(*list_, _("Families"));

  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(search_, wxSizerFlags(1).CenterVertical());
  bar->AddSpacer(FromDIP(8));
  bar->Add(new wxStaticText(this, wxID_ANY, _("Show:")), wxSizerFlags().CenterVertical());
  bar->AddSpacer(FromDIP(4));
  bar->Add(view_, wxSizerFlags().CenterVertical());
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(kMargin)));
  sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(kMargin)));
  SetSizer(sizer);

  search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { applyFilter(); });
  search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
    search_->Clear();
    applyFilter();
  });
  view_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { applyFilter(); });
}

int CaseloadPanel::wantedWidth() const {
  return list_->wantedWidth() + 2 * FromDIP(kMargin);
}

void CaseloadPanel::focusSearch() {
  search_->SetFocus();
  search_->SelectAll();
}

CaseloadView CaseloadPanel::view() const {
  const auto views = viewLabels();
  const int index = view_->GetSelection();
  return index >= 0 && static_cast<std::size_t>(index) < views.size()
             ? views[static_cast<std::size_t>(index)].first
             : CaseloadView::active;
}

void CaseloadPanel::setView(CaseloadView view) {
  const auto views = viewLabels();
  for (std::size_t i = 0; i < views.size(); ++i)
    if (views[i].first == view) view_->SetSelection(static_cast<int>(i));
  applyFilter();
}

void CaseloadPanel::applyFilter() {
  list_->setFilter(search_->GetValue().utf8_string(), view());
  if (on_changed_) on_changed_();
}

}  // namespace securebase::app
