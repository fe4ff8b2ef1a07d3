// Quick handout, for clinics: the general handout in one small dialog — language, the baby's
// first name if wanted, copies — with the clinic's details from Preferences. Needs no family.
// OK builds the PDF (a name the fonts cannot print is refused here, in the dialog); the caller
// then saves it.
#pragma once

#include <string>

#include "securebase/store/store.h"
#include "standard_dialog.h"

class wxChoice;
class wxTextCtrl;
class wxSpinCtrl;

namespace securebase::app {

class QuickHandoutDialog : public StandardDialog {
 public:
  QuickHandoutDialog(wxWindow* parent, store::Store& store);

  // After OK: the PDF, and a file name that says what it is ("handout-es-lucia.pdf").
  const std::string& pdfBytes() const { return bytes_; }
  wxString suggestedFileName() const;

  // The controls, for tests.
  wxChoice& language() { return *language_; }
  wxTextCtrl& childName() { return *child_name_; }
  wxSpinCtrl& copies() { return *copies_; }

 private:
  void apply() override;

  store::Store& store_;
  wxChoice* language_ = nullptr;
  wxTextCtrl* child_name_ = nullptr;
  wxSpinCtrl* copies_ = nullptr;
  std::string bytes_;
};

// Shows the dialog and saves the PDF; the file written, or nullopt.
std::optional<std::filesystem::path> quickHandout(wxWindow* parent, store::Store& store);

}  // namespace securebase::app
