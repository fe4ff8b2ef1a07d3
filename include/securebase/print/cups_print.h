// Printing a finished PDF through the system's print service (CUPS, through libcups): which
// printers there are, and sending a file to one of them. No wx here: the desktop program's print
// dialog (src/app/print_dialog.h) and the CLI's `handout --print` both call these functions.
// Clients reach the CUPS server libcups is configured for ($CUPS_SERVER, else the local one).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "securebase/pdf/document.h"

namespace securebase::print {

struct Printer {
  std::string name;         // the queue name CUPS knows it by
  std::string description;  // "printer-info", else the name
  bool is_default = false;
  bool two_sided = false;  // the printer offers two-sided printing
};

struct PrinterList {
  std::vector<Printer> printers;  // the default first, then by name
  // Empty when CUPS answered (even with no printer); else why the list could not be had,
  // in words ("the print service (CUPS) is not running on this computer").
  std::string problem;
};

PrinterList listPrinters();

struct PrintRequest {
  std::string printer;  // empty: the default printer
  int copies = 1;       // 1-100
  pdf::PaperSize paper = pdf::PaperSize::letter;
  bool two_sided = false;
  std::string title;  // the job's name in the printer's queue
};

// The CUPS options for a request (copies, media, sides), as name/value pairs; pure.
std::vector<std::pair<std::string, std::string>> cupsOptions(const PrintRequest& request);

// Sends `file` (a PDF) to the printer and returns the job number. Throws securebase::Error
// (output) with the printer's own words when CUPS refuses it, or bad_input for a request
// that makes no sense (copies out of range, no printer at all).
int printFile(const std::filesystem::path& file, const PrintRequest& request);

// The paper a PDF was laid out for, from its first MediaBox (what the print dialog proposes):
// A4 when it is 595 x 842 points, else letter.
pdf::PaperSize paperOfPdf(const std::filesystem::path& file);

}  // namespace securebase::print
