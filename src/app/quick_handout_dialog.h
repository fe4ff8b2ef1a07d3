// Quick handout, for clinics: the general handout in one small dialog — language, the baby's
// first name, sex (for Spanish agreement) and age (for the age-matched sections) if wanted,
// copies — with the clinic's details from Preferences. Needs no family.
// OK builds the PDF (a name the fonts cannot print is refused here, in the dialog); the caller
// then saves it. It needs no open database: the clinic's details are read from the settings
// beforehand (QuickHandoutDefaults), so it still works while the window is locked.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "securebase/core/error.h"
#include "securebase/handout/builder.h"
#include "securebase/handout/file_names.h"
#include "securebase/store/store.h"
#include "standard_dialog.h"

class wxChoice;
class wxTextCtrl;
class wxSpinCtrl;

namespace securebase::app {

// What the quick handout takes from the settings: no family data, so it may stay in memory
// while the database is closed.
struct QuickHandoutDefaults {
  model::Language language = model::Language::en;
  pdf::PaperSize paper = pdf::PaperSize::letter;
  handout::ClinicDetails clinic;
  ErrorText clinic_problem;  // why the clinic's details could not be read (a logo gone)
  handout::FamilyNames file_names = handout::FamilyNames::left_out;  // files.family_names
};
QuickHandoutDefaults quickHandoutDefaults(store::Store& store);

class QuickHandoutDialog : public StandardDialog {
 public:
  QuickHandoutDialog(wxWindow* parent, QuickHandoutDefaults defaults);

  // After OK: the PDF, and a file name that says what it is ("handout-es-2026-12-06.pdf";
  // handout/file_names.h).
  const std::string& pdfBytes() const { return bytes_; }
  wxString suggestedFileName() const;

  // The controls, for tests.
  wxChoice& language() { return *language_; }
  wxTextCtrl& childName() { return *child_name_; }
  wxChoice& sex() { return *sex_; }  // not said, girl, boy
  wxChoice& age() { return *age_; }  // any age, then the age bands from the youngest
  wxSpinCtrl& copies() { return *copies_; }

 private:
  void apply() override;

  QuickHandoutDefaults defaults_;
  wxChoice* language_ = nullptr;
  wxTextCtrl* child_name_ = nullptr;
  wxChoice* sex_ = nullptr;
  wxChoice* age_ = nullptr;
  wxSpinCtrl* copies_ = nullptr;
  std::string bytes_;
};

// Shows the dialog and saves the PDF; the file written, or nullopt.
std::optional<std::filesystem::path> quickHandout(wxWindow* parent,
                                                  const QuickHandoutDefaults& defaults);

}  // namespace securebase::app
