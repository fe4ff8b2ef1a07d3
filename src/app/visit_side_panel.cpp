#include "visit_side_panel.h"

#include <wx/arrstr.h>
#include <wx/gauge.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include <algorithm>

#include "ui_helpers.h"

namespace securebase::app {
namespace {

constexpr int kWidth = 320;
constexpr int kWrap = 300;

wxString bullets(const wxArrayString& lines, const wxString& none) {
  if (lines.empty()) return none;
  wxString text;
  for (const auto& line : lines)
    text += (text.empty() ? "" : "\n") + wxString::FromUTF8("•  ") + line;
  return text;
}

}  // namespace

VisitSidePanel::VisitSidePanel(wxWindow* parent, std::size_t item_count) : wxPanel(parent) {
  SetMinSize(wxSize(FromDIP(kWidth), -1));
  answered_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
  progress_ = new wxGauge(this, wxID_ANY, static_cast<int>(std::max<std::size_t>(1, item_count)));
  look_for_title_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
  look_for_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
  look_for_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  strengths_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
  tries_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
  for (auto* text : {look_for_title_, look_for_, strengths_, tries_})
    text->SetMaxSize(wxSize(FromDIP(kWrap), -1));
  look_for_title_->SetFont(look_for_title_->GetFont().Italic());

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(makeHeading(this, _("Progress")));
  sizer->Add(answered_, wxSizerFlags().Border(wxTOP, FromDIP(4)));
  sizer->Add(progress_, wxSizerFlags().Expand().Border(wxTOP | wxBOTTOM, FromDIP(4)));
  sizer->AddSpacer(FromDIP(12));
  sizer->Add(makeHeading(this, _("What to look for")));
  sizer->Add(look_for_title_, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
  sizer->Add(look_for_, wxSizerFlags().Expand().Border(wxTOP, FromDIP(2)));
  sizer->AddSpacer(FromDIP(12));
  sizer->Add(makeHeading(this, _("Handout: what we saw today")));
  sizer->Add(strengths_, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
  sizer->AddSpacer(FromDIP(12));
  sizer->Add(makeHeading(this, _("Handout: things to try this week")));
  sizer->Add(tries_, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
  SetSizer(sizer);
}

void VisitSidePanel::setWrapped(wxStaticText* text, const wxString& label) {
  if (text->GetLabel() == label) return;  // relabelling a GTK label costs a layout
  text->SetLabel(label);
  text->Wrap(FromDIP(kWrap));
}

void VisitSidePanel::showProgress(std::size_t done, std::size_t total) {
  answered_->SetLabel(wxString::Format(_("%zu of %zu items answered"), done, total));
  progress_->SetValue(static_cast<int>(std::min(done, total)));
}

void VisitSidePanel::showNotHeld() {
  setWrapped(answered_, _("Nothing to observe at a visit that did not take place."));
  progress_->SetValue(0);
}

void VisitSidePanel::showLookFor(const wxString& item_label, const wxString& look_for) {
  setWrapped(look_for_title_, item_label);
  setWrapped(look_for_, look_for.empty() ? _("Nothing particular for this item.") : look_for);
  Layout();
}

void VisitSidePanel::showHandoutPicks(const wxArrayString& strengths, const wxArrayString& tries) {
  shown_strengths_ = strengths;
  setWrapped(strengths_,
             bullets(strengths, _("Rate the practices you saw; the best ones show here.")));
  setWrapped(tries_, bullets(tries, _("Practices rated below the top show here as ideas to try.")));
  Layout();
}

}  // namespace securebase::app
