#include <gtest/gtest.h>

#include <cstdlib>

#include "securebase/core/error.h"
#include "securebase/pdf/fonts.h"

namespace securebase::pdf {
namespace {

TEST(PdfFonts, FindsTheBuiltSubsetsAndHonoursTheEnvironment) {
  const auto found = fontDir();
  EXPECT_TRUE(std::filesystem::is_regular_file(fontPath(FontFace::bold)));

  ::setenv("SECUREBASE_FONT_DIR", found.c_str(), 1);
  EXPECT_EQ(fontDir(), found);
  ::setenv("SECUREBASE_FONT_DIR", "/nonexistent/fonts", 1);
  try {
    fontDir();
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::not_found);
    EXPECT_NE(std::string(e.what()).find("/nonexistent/fonts"), std::string::npos);
  }
  ::unsetenv("SECUREBASE_FONT_DIR");
  EXPECT_EQ(fontDir(), found);
}

}  // namespace
}  // namespace securebase::pdf
