// Printing through CUPS, against a private cupsd whose only queue captures every job into a
// folder (tests/support/private_cups.h): the print code the desktop program calls
// (securebase/print/cups_print.h) and the CLI's `handout --print`. Without a running CUPS both
// say so in words.
#include <gtest/gtest.h>

#include "cli_runner.h"
#include "private_cups.h"
#include "securebase/print/cups_print.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

class PrintTest : public ::testing::Test {
 protected:
  // A generic handout written by the real CLI, to print.
  std::filesystem::path handoutPdf(const std::string& paper = "letter") {
    const auto file = dir_ / ("handout-" + paper + ".pdf");
    const auto result = cli_.run({"handout", "--generic", "--paper", paper, "-o", file.string()});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    return file;
  }

  TempDir dir_;
  CliRunner cli_{dir_.path()};
};

TEST_F(PrintTest, ThePrintersCupsKnowsTheDefaultFirst) {
  PrivateCups cups;
  const auto list = print::listPrinters();
  EXPECT_EQ(list.problem, "");
  ASSERT_EQ(list.printers.size(), 1u);
  EXPECT_EQ(list.printers.front().name, "capture");
  EXPECT_TRUE(list.printers.front().is_default);
}

TEST_F(PrintTest, TheProgramsPrintCodeSendsThePdfToThePrinter) {
  const auto pdf = handoutPdf("a4");
  EXPECT_EQ(print::paperOfPdf(pdf), pdf::PaperSize::a4);
  PrivateCups cups;
  print::PrintRequest request;
  request.printer = "capture";
  request.copies = 2;
  request.paper = pdf::PaperSize::a4;
  const auto job = print::printFile(pdf, request);
  EXPECT_GT(job.id, 0);
  EXPECT_EQ(job.printer, "capture");
  const auto jobs = cups.capturedJobs();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(readFile(jobs.front()), readFile(pdf));  // the PDF itself reached the printer
}

TEST_F(PrintTest, TheCupsOptionsCarryCopiesPaperAndSides) {
  print::PrintRequest request;
  request.copies = 3;
  request.paper = pdf::PaperSize::a4;
  request.two_sided = true;
  const auto options = print::cupsOptions(request);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"copies", "3"}, {"media", "iso_a4_210x297mm"}, {"sides", "two-sided-long-edge"}};
  EXPECT_EQ(options, expected);
}

TEST_F(PrintTest, HandoutPrintFromTheCommandLineReachesTheDefaultPrinter) {
  PrivateCups cups;
  const auto result = cli_.run({"handout", "--generic", "--lang", "es", "--print"},
                               {{"CUPS_SERVER", cups.socket()}});
  ASSERT_EQ(result.exit_code, 0) << describe(result);
  EXPECT_NE(result.out.find("to capture as job "), std::string::npos) << result.out;
  const auto jobs = cups.capturedJobs();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(readFile(jobs.front()).substr(0, 5), "%PDF-");
}

TEST_F(PrintTest, HandoutPrintWithOutputAndANamedPrinterKeepsTheFileToo) {
  PrivateCups cups;
  const auto file = dir_ / "kept.pdf";
  const auto result =
      cli_.run({"handout", "--generic", "-o", file.string(), "--print", "--printer", "capture"},
               {{"CUPS_SERVER", cups.socket()}});
  ASSERT_EQ(result.exit_code, 0) << describe(result);
  const auto jobs = cups.capturedJobs();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(readFile(jobs.front()), readFile(file));
}

TEST_F(PrintTest, AnUnknownPrinterIsRefusedInTheServersWords) {
  PrivateCups cups;
  const auto result = cli_.run({"handout", "--generic", "--print", "--printer", "nosuch"},
                               {{"CUPS_SERVER", cups.socket()}});
  EXPECT_EQ(result.exit_code, 4) << describe(result);
  ASSERT_EQ(result.errLines().size(), 1u) << describe(result);
  EXPECT_NE(result.err.find("printer nosuch: "), std::string::npos) << result.err;
}

TEST_F(PrintTest, WithoutCupsRunningBothSaySo) {
  const std::string message = "the print service (CUPS) is not running on this computer";
  setenv("CUPS_SERVER", PrivateCups::nowhere().c_str(), 1);
  EXPECT_EQ(print::listPrinters().problem, message);
  unsetenv("CUPS_SERVER");
  const auto result =
      cli_.run({"handout", "--generic", "--print"}, {{"CUPS_SERVER", PrivateCups::nowhere()}});
  EXPECT_EQ(result.exit_code, 4) << describe(result);
  EXPECT_EQ(result.err, "securebase-cli: " + message + "\n");
}

TEST_F(PrintTest, PrinterWithoutPrintIsRefused) {
  const auto result =
      cli_.run({"handout", "--generic", "-o", (dir_ / "x.pdf").string(), "--printer", "capture"});
  EXPECT_EQ(result.exit_code, 1) << describe(result);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "x.pdf"));
}

}  // namespace
}  // namespace securebase::testing
