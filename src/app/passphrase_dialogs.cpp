#include "passphrase_dialogs.h"

#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include "problem_text.h"
#include "secret_field.h"
#include "securebase/core/error.h"
#include "securebase/core/passphrase.h"
#include "securebase/store/database.h"

namespace securebase::app {

wxTextCtrl* passwordField(wxWindow* parent) {
  auto* field = new wxTextCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition,
                               parent->FromDIP(wxSize(300, -1)), wxTE_PASSWORD);
  return field;
}

wxStaticText* explanation(wxWindow* parent, const wxString& text) {
  auto* label = new wxStaticText(parent, wxID_ANY, text);
  label->Wrap(parent->FromDIP(440));
  return label;
}

namespace {

// The callbacks open files and write copies: any failure there is shown on the problem line,
// not thrown through wx — naming the file by its name, as the dialog already shows where it is
// (a long path would stretch the dialog off the screen).
template <typename Call>
void asUserProblem(const std::filesystem::path& file, Call call) {
  try {
    call();
  } catch (const Error& e) {
    if (!e.text().wording.empty()) throw Error(e.kind(), withFileName(e.text(), file));
    throw Error(e.kind(), withFileName(e.what(), file));

  } catch (const std::exception& e) {
    throwDatabase(withFileName(e.what(), file));
  }
}

Error plainWrongPassphrase() {
  return Error(ErrorKind::database,
               wxTRANSLATE("wrong passphrase: it does not open this database. Check that Caps "
                           "Lock is off and type it again"));
}

}  // namespace

wxWindow* makePathLine(wxWindow* parent, const std::filesystem::path& file) {
  auto* line = new wxStaticText(parent, wxID_ANY, wxString::FromUTF8(file.string()),
                                wxDefaultPosition, parent->FromDIP(wxSize(440, -1)),
                                wxST_ELLIPSIZE_MIDDLE | wxST_NO_AUTORESIZE);
  line->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  line->SetToolTip(wxString::FromUTF8(file.string()));
  return line;
}

wxString passphraseProblem(const std::exception& error) {
  if (store::isWrongPassphrase(error)) return problemText(plainWrongPassphrase());
  return problemText(error);
}

wxString passphraseWarning() {
  return _(
      "Nobody can recover a lost passphrase — not you, not your agency, not SecureBase. "
      "Without it the families' records cannot be opened, which is also why a lost or "
      "stolen laptop shows nothing. Write it down and keep it away from the laptop.");
}

PassphraseDialog::PassphraseDialog(wxWindow* parent, const wxString& title, const wxString& intro,
                                   const std::filesystem::path& file, Attempt attempt)
    : StandardDialog(parent, title), attempt_(std::move(attempt)), file_(file) {
  addIntro(explanation(this, intro));
  addIntro(makePathLine(this, file));
  passphrase_ = passwordField(this);
  addRow(_("Passphrase:"), passphrase_);
  finishLayout();
  setOkLabel(_("&Unlock"));
  setInitialFocus(passphrase_);
}

void PassphraseDialog::apply() {
  SecretText typed = secretTextOf(passphrase_);
  passphrase_->ChangeValue(wxEmptyString);
  passphrase_->SetFocus();
  if (typed.text.empty()) throwBadInput(wxTRANSLATE("type the passphrase of this database"));
  wxBusyCursor busy;  // the key derivation takes a moment on purpose
  try {
    asUserProblem(file_, [&] { attempt_(typed.text); });
  } catch (const Error& e) {
    if (store::isWrongPassphrase(e)) throw plainWrongPassphrase();
    throw;
  }
}

NewPassphraseDialog::NewPassphraseDialog(wxWindow* parent, const Texts& texts, Choose choose)
    : StandardDialog(parent, texts.title), choose_(std::move(choose)), file_(texts.file) {
  addIntro(explanation(this, texts.intro));
  if (!texts.file.empty()) addIntro(makePathLine(this, texts.file));
  if (texts.ask_current) {
    current_ = passwordField(this);
    addRow(_("Current passphrase:"), current_);
  }
  passphrase_ = passwordField(this);
  addRow(texts.ask_current ? _("New passphrase:") : _("Passphrase:"), passphrase_);
  confirm_ = passwordField(this);
  addRow(_("Type it again:"), confirm_);
  addWide(explanation(this, passphraseWarning()));
  finishLayout();
  if (!texts.ok_label.empty()) setOkLabel(texts.ok_label);
  setInitialFocus(current_ != nullptr ? current_ : passphrase_);
}

void NewPassphraseDialog::apply() {
  SecretText current = current_ != nullptr ? secretTextOf(current_) : SecretText();
  SecretText chosen = secretTextOf(passphrase_);
  SecretText again = secretTextOf(confirm_);
  if (current_ != nullptr && current.text.empty())
    throwBadInput(wxTRANSLATE("type the current passphrase"));
  if (chosen.text != again.text) {
    confirm_->ChangeValue(wxEmptyString);
    confirm_->SetFocus();
    throwBadInput(wxTRANSLATE("the two passphrases differ: type the same one twice"));
  }
  checkNewPassphrase(chosen.text);
  {
    wxBusyCursor busy;
    asUserProblem(file_, [&] { choose_(current.text, chosen.text); });
  }
  for (wxTextCtrl* field : {current_, passphrase_, confirm_})
    if (field != nullptr) field->ChangeValue(wxEmptyString);
}

}  // namespace securebase::app
