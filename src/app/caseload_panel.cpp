#include "caseload_panel.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/translation.h>

namespace securebase::app {

CaseloadPanel::CaseloadPanel(wxWindow* parent) : wxPanel(parent) {
  search_ = new wxSearchCtrl(this, wxID_ANY);
  search_->SetDescriptiveText(_("Search families or counselors"));
  search_->ShowCancelButton(true);
  view_ = new wxChoice(this, wxID_ANY);
  view_->Append(_("Active families"));
  view_->Append(_("Overdue for a visit"));
  view_->Append(_("Closed families"));
  view_->Append(_("All families"));
  view_->SetSelection(0);
  list_ = new CaseloadList(this);

  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(search_, wxSizerFlags(1).CenterVertical());
  bar->AddSpacer(FromDIP(8));
  bar->Add(new wxStaticText(this, wxID_ANY, _("Show:")), wxSizerFlags().CenterVertical());
  bar->AddSpacer(FromDIP(4));
  bar->Add(view_, wxSizerFlags().CenterVertical());
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
  sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
  SetSizer(sizer);

  search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { applyFilter(); });
  search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
    search_->Clear();
    applyFilter();
  });
  view_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { applyFilter(); });
}

void CaseloadPanel::focusSearch() {
  search_->SetFocus();
  search_->SelectAll();
}

CaseloadView CaseloadPanel::view() const {
  switch (view_->GetSelection()) {
    case 1:
      return CaseloadView::overdue;
    case 2:
      return CaseloadView::closed;
    case 3:
      return CaseloadView::all;
    default:
      return CaseloadView::active;
  }
}

void CaseloadPanel::setView(CaseloadView view) {
  const int index = view == CaseloadView::overdue  ? 1
                    : view == CaseloadView::closed ? 2
                    : view == CaseloadView::all    ? 3
                                                   : 0;
  view_->SetSelection(index);
  applyFilter();
}

void CaseloadPanel::applyFilter() {
  list_->setFilter(search_->GetValue().utf8_string(), view());
  if (on_changed_) on_changed_();
}

}  // namespace securebase::app
