// The dialogs that take a passphrase. PassphraseDialog asks for the passphrase of a file (to
// unlock it at start, or when opening another file): a wrong one is said on the dialog's problem
// line and the counselor types again. NewPassphraseDialog chooses one — for a new database,
// for encrypting an old unencrypted one, or to change it (then it asks for the current one too):
// typed twice, at least kMinimumPassphraseLength characters, with the warning that nobody can
// recover it.
//
// Each dialog hands the typed text to a callback while OK is being handled and wipes it after;
// the callback throws securebase::Error to refuse (wrong passphrase, file in use…).
#pragma once

#include <exception>
#include <filesystem>
#include <functional>
#include <string>

#include "standard_dialog.h"

class wxTextCtrl;
class wxStaticText;

namespace securebase::app {

class PassphraseDialog : public StandardDialog {
 public:
  using Attempt = std::function<void(const std::string& passphrase)>;
  // `file` is shown under `intro` (and named by its file name in problems).
  PassphraseDialog(wxWindow* parent, const wxString& title, const wxString& intro,
                   const std::filesystem::path& file, Attempt attempt);

  wxTextCtrl& passphrase() { return *passphrase_; }

 private:
  void apply() override;

  Attempt attempt_;
  std::filesystem::path file_;
  wxTextCtrl* passphrase_ = nullptr;
};

class NewPassphraseDialog : public StandardDialog {
 public:
  struct Texts {
    wxString title;
    wxString intro;
    wxString ok_label;
    std::filesystem::path file;  // the database, shown under the intro
    bool ask_current = false;    // changing: the current passphrase first
  };
  // `current` is empty unless texts.ask_current.
  using Choose = std::function<void(const std::string& current, const std::string& chosen)>;
  NewPassphraseDialog(wxWindow* parent, const Texts& texts, Choose choose);

  // nullptr unless the dialog asks for the current passphrase.
  wxTextCtrl* current() { return current_; }
  wxTextCtrl& passphrase() { return *passphrase_; }
  wxTextCtrl& confirm() { return *confirm_; }

 private:
  void apply() override;

  Choose choose_;
  std::filesystem::path file_;
  wxTextCtrl* current_ = nullptr;
  wxTextCtrl* passphrase_ = nullptr;
  wxTextCtrl* confirm_ = nullptr;
};

// A wrong passphrase said plainly where it was typed (the core's message also allows that the
// file is damaged, which a counselor cannot act on there); any other problem as it is.
wxString passphraseProblem(const std::exception& error);

// The warning every new passphrase comes with (no recovery; a lost laptop shows nothing).
wxString passphraseWarning();

// A grey line with the file's full path, shortened in the middle when it does not fit.
// A secret field of the passphrase dialogs' width (also the server password's).
wxTextCtrl* passwordField(wxWindow* parent);
// A wrapped explanation at the top of a dialog.
wxStaticText* explanation(wxWindow* parent, const wxString& text);

wxWindow* makePathLine(wxWindow* parent, const std::filesystem::path& file);

}  // namespace securebase::app
