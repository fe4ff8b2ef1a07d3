#include "lock_panel.h"

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include "passphrase_dialogs.h"
#include "problem_text.h"
#include "secret_field.h"
#include "securebase/core/error.h"
#include "ui_helpers.h"

namespace securebase::app {

LockPanel::LockPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  const int width = FromDIP(420);
  auto* column = new wxBoxSizer(wxVERTICAL);
  // The theme's padlock where there is one (GTK icon names work as art ids), else a warning.
  wxBitmapBundle icon = wxArtProvider::GetBitmapBundle(wxASCII_STR("system-lock-screen"),
                                                       wxART_MESSAGE_BOX, FromDIP(wxSize(64, 64)));
  if (!icon.IsOk())
    icon =
        wxArtProvider::GetBitmapBundle(wxART_WARNING, wxART_MESSAGE_BOX, FromDIP(wxSize(48, 48)));
  column->Add(new wxStaticBitmap(this, wxID_ANY, icon),
              wxSizerFlags().Center().Border(wxBOTTOM, FromDIP(12)));
  column->Add(makeHeading(this, _("SecureBase is locked"), 1.8),
              wxSizerFlags().Center().Border(wxBOTTOM, FromDIP(8)));
  intro_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(width, -1),
                            wxALIGN_CENTRE_HORIZONTAL);
  column->Add(intro_, wxSizerFlags().Center().Border(wxBOTTOM, FromDIP(16)));

  auto* row = new wxBoxSizer(wxHORIZONTAL);
  passphrase_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                               wxSize(FromDIP(280), -1), wxTE_PASSWORD | wxTE_PROCESS_ENTER);
  passphrase_->SetHint(_("Passphrase"));
  auto* unlock = new wxButton(this, wxID_ANY, _("&Unlock"));
  row->Add(passphrase_, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(8)));
  row->Add(unlock, wxSizerFlags().CenterVertical());
  column->Add(row, wxSizerFlags().Center());
  problem_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(width, -1),
                              wxALIGN_CENTRE_HORIZONTAL);
  problem_->SetForegroundColour(wxColour(178, 34, 34));
  column->Add(problem_, wxSizerFlags().Center().Border(wxTOP | wxBOTTOM, FromDIP(8)));

  column->Add(new wxStaticLine(this, wxID_ANY, wxDefaultPosition, wxSize(width, -1)),
              wxSizerFlags().Center().Border(wxTOP | wxBOTTOM, FromDIP(16)));
  auto* note = new wxStaticText(this, wxID_ANY,
                                _("The general handout holds no family data and needs no "
                                  "unlocking."),
                                wxDefaultPosition, wxSize(width, -1), wxALIGN_CENTRE_HORIZONTAL);
  note->Wrap(width);
  note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  column->Add(note, wxSizerFlags().Center().Border(wxBOTTOM, FromDIP(8)));
  quick_button_ = new wxButton(this, wxID_ANY, _("&Quick handout…"));
  column->Add(quick_button_, wxSizerFlags().Center());

  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->AddStretchSpacer(2);
  outer->Add(column, wxSizerFlags().Center());
  outer->AddStretchSpacer(3);
  SetSizer(outer);

  unlock->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { tryUnlock(); });
  passphrase_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { tryUnlock(); });
  quick_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (quick_) quick_();
  });
}

void LockPanel::reset(const std::filesystem::path& file) {
  file_ = file;
  passphrase_->ChangeValue(wxEmptyString);
  problem_->SetLabel(wxEmptyString);
  intro_->SetLabel(wxString::Format(_("The families' records are closed. Type the passphrase of "
                                      "%s to continue."),
                                    wxString::FromUTF8(file.filename().string())));
  intro_->Wrap(FromDIP(420));
  Layout();
  passphrase_->SetFocus();
}

void LockPanel::tryUnlock() {
  SecretText typed = secretTextOf(passphrase_);
  passphrase_->ChangeValue(wxEmptyString);
  passphrase_->SetFocus();
  try {
    if (typed.text.empty()) throwBadInput(wxTRANSLATE("type the passphrase to unlock"));
    wxBusyCursor busy;
    if (unlock_) unlock_(typed.text);
  } catch (const std::exception& e) {
    problem_->SetLabel(wxString::FromUTF8(withFileName(passphraseProblem(e).utf8_string(), file_)));
    problem_->Wrap(FromDIP(420));
    Layout();
  }
}

wxString LockPanel::problem() const {
  return problem_->GetLabel();
}

}  // namespace securebase::app
