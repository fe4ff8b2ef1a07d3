// Writes sample handouts to <build>/handout-samples so anyone can look at them, e.g.
//   ctest -R HandoutSamples && pdftoppm -r 60 -png build/dev/handout-samples/personal-en-letter.pdf
//   /tmp/p
#include <gtest/gtest.h>

#include "build_paths.h"
#include "handout_test_support.h"

namespace securebase::handout {

using namespace testing;

TEST(HandoutSamples, WritesGenericAndPersonalisedInBothLanguagesAndPapers) {
  const std::filesystem::path folder =
      std::filesystem::path(SECUREBASE_TEST_BINARY_DIR) / "handout-samples";
  std::filesystem::create_directories(folder);
  for (const auto language : {model::Language::en, model::Language::es}) {
    const HandoutContent content = loadHandoutContent("infant-attachment", language);
    const std::string lang(model::toString(language));
    for (const auto paper : {pdf::PaperSize::letter, pdf::PaperSize::a4}) {
      const std::string size = paper == pdf::PaperSize::letter ? "letter" : "a4";
      const auto generic =
          writeHandout(buildGenericHandout(content, sampleGeneric(language, paper, "Sofía")),
                       folder / ("generic-" + lang + "-" + size + ".pdf"));
      EXPECT_LE(generic.pages, 2u);
      const auto personal =
          writeHandout(buildPersonalisedHandout(content, samplePersonal(language, paper)),
                       folder / ("personal-" + lang + "-" + size + ".pdf"));
      EXPECT_LE(personal.pages, 3u);
    }
  }
}

}  // namespace securebase::handout
