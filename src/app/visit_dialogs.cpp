#include "visit_dialogs.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include "securebase/core/error.h"
#include "securebase/store/store.h"

namespace securebase::app {
namespace {

wxStaticText* explanation(wxWindow* parent, const wxString& text) {
  auto* label = new wxStaticText(parent, wxID_ANY, text);
  label->Wrap(parent->FromDIP(440));
  return label;
}

}  // namespace

ConfirmDialog::ConfirmDialog(wxWindow* parent, const wxString& title, const wxString& message,
                             const wxString& confirm_label, const wxString& keep_label)
    : wxDialog(parent, wxID_ANY, title), message_(message) {
  auto* text = new wxStaticText(this, wxID_ANY, message);
  text->Wrap(FromDIP(420));
  auto* buttons = new wxStdDialogButtonSizer;
  auto* confirm = new wxButton(this, wxID_OK, confirm_label);
  auto* keep = new wxButton(this, wxID_CANCEL, keep_label);
  buttons->AddButton(confirm);
  buttons->AddButton(keep);
  buttons->Realize();
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(text, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));
  sizer->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16)));
  SetSizerAndFit(sizer);
  confirm->SetDefault();
  confirm->SetFocus();
  CentreOnParent();
}

AmendReasonDialog::AmendReasonDialog(wxWindow* parent, store::Store& store, model::Id visit_id)
    : StandardDialog(parent, _("Amend visit")), store_(store), visit_id_(visit_id) {
  addIntro(explanation(this, _("An amendment is a new draft of this visit. Once signed, it "
                               "replaces the visit for scores and counts; the signed original "
                               "stays readable in the history.")));
  reason_ = new wxTextCtrl(this, wxID_ANY);
  reason_->SetHint(_("e.g. Rated the wrong caregiver"));
  addRow(_("&Reason:"), reason_);
  finishLayout();
  setOkLabel(_("&Amend"));
  reason_->SetFocus();
}

void AmendReasonDialog::apply() {
  const std::string reason = toUtf8(reason_->GetValue().Strip(wxString::both));
  if (reason.empty()) throwBadInput(errorText("say why the visit is amended"));
  amendment_ = store_.amendVisit(visit_id_, reason);
}

ConcernReferralDialog::ConcernReferralDialog(wxWindow* parent, store::Store& store,
                                             model::Id family_id, model::Id visit_id)
    : StandardDialog(parent, _("Record a referral")),
      store_(store),
      family_id_(family_id),
      visit_id_(visit_id) {
  addIntro(explanation(this, _("You marked a concern about this caregiver's wellbeing. If you "
                               "talked about seeing their doctor, a counselor or the baby's "
                               "doctor, record the referral now.")));
  to_whom_ = new wxTextCtrl(this, wxID_ANY);
  to_whom_->SetHint(_("e.g. Family doctor"));
  reason_ = new wxTextCtrl(this, wxID_ANY);
  addRow(_("Referred &to:"), to_whom_);
  addRow(_("&Reason:"), reason_);
  finishLayout();
  setOkLabel(_("&Record Referral"));
  if (auto* skip = dynamic_cast<wxButton*>(FindWindow(wxID_CANCEL))) skip->SetLabel(_("&Skip"));
  Layout();
  to_whom_->SetFocus();
}

void ConcernReferralDialog::apply() {
  model::Referral referral;
  referral.family_id = family_id_;
  referral.visit_id = visit_id_;
  referral.to_whom = toUtf8(to_whom_->GetValue().Strip(wxString::both));
  referral.reason = toUtf8(reason_->GetValue().Strip(wxString::both));
  store_.addReferral(referral);
}

NoReferralDialog::NoReferralDialog(wxWindow* parent, store::Store& store, model::Id family_id,
                                   model::Id visit_id, std::string concern_item)
    : StandardDialog(parent, _("No referral")),
      store_(store),
      family_id_(family_id),
      visit_id_(visit_id),
      concern_item_(std::move(concern_item)) {
  addIntro(explanation(this, _("No referral was recorded for this concern. Say why in a few "
                               "words; it is kept with the family's referrals.")));
  reason_ = new wxTextCtrl(this, wxID_ANY);
  reason_->SetHint(_("e.g. Already seeing her doctor"));
  addRow(_("&Why:"), reason_);
  finishLayout();
  reason_->SetFocus();
}

void NoReferralDialog::apply() {
  store_.addNoReferral(family_id_, visit_id_, concern_item_,
                       toUtf8(reason_->GetValue().Strip(wxString::both)));
}

}  // namespace securebase::app
