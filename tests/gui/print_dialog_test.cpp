// The window's Print dialog against a private cupsd (tests/support/private_cups.h): it lists
// the printers CUPS knows with the default first, sends the PDF itself as a job with the copies
// chosen, and when the printer refuses it says so in words on the dialog, which stays open
// with everything chosen still there.
#include "print_dialog.h"

#include <gtest/gtest.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/spinctrl.h>

#include <fstream>
#include <iterator>

#include "build_paths.h"
#include "gui_support.h"
#include "private_cups.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

std::string readAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void pressOk(wxDialog& dialog) {
  wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
  dialog.FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(ok);
}

class PrintDialogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto command = std::string(SECUREBASE_CLI_PATH) + " handout --generic --paper a4 -o '" +
                         pdf_.string() + "' 2>&1";
    run(command);
    ASSERT_EQ(readAll(pdf_).substr(0, 5), "%PDF-") << "the CLI wrote no handout to print";
  }
  void TearDown() override { closeAllWindows(); }

  TempDir dir_;
  std::filesystem::path pdf_ = dir_ / "handout.pdf";
};

TEST_F(PrintDialogTest, SendsTheHandoutToTheDefaultPrinterWithTheCopiesChosen) {
  PrivateCups cups;
  const auto printers = print::listPrinters();
  ASSERT_EQ(printers.problem, "");
  app::PrintDialog dialog(nullptr, pdf_, printers.printers);
  wxString shown_printer, shown_paper;
  whenModalOpens([&](wxDialog& open) {
    auto& print = static_cast<app::PrintDialog&>(open);
    shown_printer = print.printerChoice().GetStringSelection();
    shown_paper = print.paper().GetStringSelection();
    print.copies().SetValue(2);
    screenshot("print-dialog");
    pressOk(open);
  });
  ASSERT_EQ(dialog.ShowModal(), wxID_OK) << dialog.problem().utf8_string();
  EXPECT_EQ(shown_printer.utf8_string(), "capture (default)");
  EXPECT_EQ(shown_paper.utf8_string(), "A4");  // the document's own paper
  EXPECT_GT(dialog.job(), 0);
  EXPECT_EQ(dialog.chosenPrinter().name, "capture");
  const auto jobs = cups.capturedJobs();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(readAll(jobs.front()), readAll(pdf_));  // the PDF itself reached the printer
}

TEST_F(PrintDialogTest, APrinterThatRefusesJobsIsNamedOnTheDialogWhichStaysOpen) {
  PrivateCups cups;
  const auto printers = print::listPrinters();
  ASSERT_EQ(printers.problem, "");
  run("CUPS_SERVER='" + cups.socket() + "' cupsreject -r 'out of paper' capture 2>&1");
  app::PrintDialog dialog(nullptr, pdf_, printers.printers);
  wxString problem;
  int copies_after = 0;
  whenModalOpens([&](wxDialog& open) {
    auto& print = static_cast<app::PrintDialog&>(open);
    print.copies().SetValue(3);
    pressOk(open);
    pump(100);
    problem = print.problem();
    copies_after = print.copies().GetValue();
    screenshot("print-dialog-refused");
    open.EndModal(wxID_CANCEL);
  });
  EXPECT_EQ(dialog.ShowModal(), wxID_CANCEL);  // OK did not close it
  EXPECT_FALSE(problem.empty());
  EXPECT_NE(problem.Lower().Find("accept"), wxNOT_FOUND) << problem.utf8_string();
  EXPECT_EQ(copies_after, 3);  // nothing chosen was lost
  EXPECT_EQ(dialog.job(), 0);
}

}  // namespace
}  // namespace securebase::testing
