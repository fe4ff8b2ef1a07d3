#include "standard_dialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "problem_text.h"
#include "securebase/core/error.h"

namespace securebase::app {
namespace {

// `window` or, for a row made of several controls (a date and its calendar), its first one
// that takes the focus; nullptr for a label.
wxWindow* firstFocusable(wxWindow* window) {
  if (window->AcceptsFocus()) return window;
  for (wxWindow* child : window->GetChildren())
    if (wxWindow* found = firstFocusable(child)) return found;
  return nullptr;
}

}  // namespace

StandardDialog::StandardDialog(wxWindow* parent, const wxString& title)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  body_ = new wxBoxSizer(wxVERTICAL);
  form_ = new wxFlexGridSizer(2, wxSize(FromDIP(12), FromDIP(8)));
  form_->AddGrowableCol(1, 1);
  body_->Add(form_, wxSizerFlags().Expand());
  Bind(wxEVT_BUTTON, &StandardDialog::onOk, this, wxID_OK);
  Bind(wxEVT_CHAR_HOOK, &StandardDialog::onCharHook, this);
  // GTK gives the focus to a button when the window appears, whatever was focused before it
  // was shown (so a typed space would press OK): the field takes it once the dialog shows.
  Bind(wxEVT_SHOW, [this](wxShowEvent& event) {
    event.Skip();
    if (event.IsShown())
      CallAfter([this] {
        if (first_field_ != nullptr && IsShown()) first_field_->SetFocus();
      });
  });
}

void StandardDialog::addRow(const wxString& label, wxWindow* control) {
  form_->Add(new wxStaticText(this, wxID_ANY, label),
             wxSizerFlags().Align(wxALIGN_RIGHT | wxALIGN_CENTER_VERTICAL));
  form_->Add(control, wxSizerFlags().Expand());
  if (first_field_ == nullptr) first_field_ = firstFocusable(control);
}

void StandardDialog::addWide(wxWindow* window, int proportion) {
  body_->AddSpacer(FromDIP(8));
  body_->Add(window, wxSizerFlags(proportion).Expand());
}

void StandardDialog::addIntro(wxWindow* window) {
  body_->Insert(intro_items_++, window, wxSizerFlags().Expand());
  body_->InsertSpacer(intro_items_++, FromDIP(8));
}

void StandardDialog::finishLayout(long buttons) {
  problem_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
  problem_->SetForegroundColour(wxColour(178, 34, 34));
  body_->AddSpacer(FromDIP(8));
  body_->Add(problem_, wxSizerFlags().Expand());
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(body_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(16)));
  outer->Add(CreateSeparatedButtonSizer(buttons),
             wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16)));
  SetSizerAndFit(outer);
  SetMinSize(wxSize(std::max(GetSize().x, FromDIP(460)), GetSize().y));
  SetSize(GetMinSize());
  CentreOnParent();
  if (first_field_ != nullptr) first_field_->SetFocus();
}

void StandardDialog::setInitialFocus(wxWindow* field) {
  first_field_ = field;
  field->SetFocus();
}

void StandardDialog::setOkLabel(const wxString& label) {
  if (wxWindow* ok = FindWindow(wxID_OK)) ok->SetLabel(label);
  Layout();
}

void StandardDialog::showProblem(const wxString& message) {
  problem_->SetLabel(message);
  problem_->Wrap(GetClientSize().x - FromDIP(32));
  Layout();
  Fit();
}

wxString StandardDialog::problem() const {
  return problem_ != nullptr ? problem_->GetLabel() : wxString();
}

void StandardDialog::onCharHook(wxKeyEvent& event) {
  const int key = event.GetKeyCode();
  if ((key != WXK_RETURN && key != WXK_NUMPAD_ENTER) || event.HasAnyModifiers()) {
    event.Skip();
    return;
  }
  wxWindow* focus = FindFocus();
  const auto* text = dynamic_cast<wxTextCtrl*>(focus);
  if (dynamic_cast<wxButton*>(focus) != nullptr || (text != nullptr && text->IsMultiLine())) {
    event.Skip();
    return;
  }
  wxWindow* ok = FindWindow(wxID_OK);
  if (ok == nullptr) {  // no default action: Return is the focused control's (a list's row)
    event.Skip();
    return;
  }
  if (!ok->IsEnabled()) return;
  wxCommandEvent press(wxEVT_BUTTON, wxID_OK);
  press.SetEventObject(ok);
  ok->GetEventHandler()->ProcessEvent(press);
}

void StandardDialog::onOk(wxCommandEvent&) {
  try {
    apply();
  } catch (const securebase::Error& e) {
    showProblem(problemText(e));
    return;
  }
  if (IsModal()) {
    EndModal(wxID_OK);
  } else {
    SetReturnCode(wxID_OK);
    Hide();
  }
}

}  // namespace securebase::app
