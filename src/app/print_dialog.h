// Print: the printers CUPS knows (the default first), copies, paper (the document's own, Letter
// or A4), and two-sided where the printer offers it. OK hands the PDF to CUPS
// (securebase/print/cups_print.h); a refusal is shown in the printer's own words on the
// dialog's problem line, with everything chosen still there.
#pragma once

#include <filesystem>
#include <vector>

#include "securebase/print/cups_print.h"
#include "standard_dialog.h"

class wxCheckBox;
class wxChoice;
class wxSpinCtrl;

namespace securebase::app {

class PrintDialog : public StandardDialog {
 public:
  PrintDialog(wxWindow* parent, const std::filesystem::path& file,
              std::vector<print::Printer> printers);

  // After OK: the job number CUPS gave, and the printer it went to.
  int job() const { return job_; }
  const print::Printer& chosenPrinter() const;

  // The controls, for tests.
  wxChoice& printerChoice() { return *printer_; }
  wxSpinCtrl& copies() { return *copies_; }
  wxChoice& paper() { return *paper_; }
  wxCheckBox& twoSided() { return *two_sided_; }

 private:
  void apply() override;
  void printerChanged();

  std::filesystem::path file_;
  std::vector<print::Printer> printers_;
  wxChoice* printer_ = nullptr;
  wxSpinCtrl* copies_ = nullptr;
  wxChoice* paper_ = nullptr;
  wxCheckBox* two_sided_ = nullptr;
  int job_ = 0;
};

// The whole Print command for a saved PDF: no print service or no printer → says so and offers
// to save a copy of the PDF elsewhere; else the dialog, then the job number in a message.
void printPdf(wxWindow* parent, const std::filesystem::path& file);

}  // namespace securebase::app
