// Writes sample documents to <build>/pdf-samples so anyone can look at them, e.g.
//   pdftoppm -r 60 -png build/dev/pdf-samples/handout-letter.pdf /tmp/handout
#include <gtest/gtest.h>

#include <filesystem>

#include "build_paths.h"
#include "sample_documents.h"
#include "securebase/pdf/render.h"

namespace securebase::pdf {

TEST(PdfSamples, WritesHandoutAndReportSamples) {
  const std::filesystem::path folder =
      std::filesystem::path(SECUREBASE_TEST_BINARY_DIR) / "pdf-samples";
  std::filesystem::create_directories(folder);
  EXPECT_EQ(writePdf(samples::handout(PaperSize::letter), folder / "handout-letter.pdf"), 2u);
  EXPECT_GE(writePdf(samples::report(PaperSize::a4), folder / "report-a4.pdf"), 2u);
}

}  // namespace securebase::pdf
