// The handout's text survives the trip through the PDF: accents, ¿ ¡ ñ and names from many
// languages extract exactly; the file is valid and every font is embedded.
#include <gtest/gtest.h>

#include "handout_test_support.h"
#include "securebase/core/error.h"

namespace securebase::handout {

using namespace testing;
using securebase::testing::TempDir;

TEST(HandoutText, SpanishAccentsAndPunctuationExtractExactly) {
  TempDir dir;
  const HandoutContent content = loadHandoutContent("infant-attachment", model::Language::es);
  const auto file =
      writeHandout(buildPersonalisedHandout(
                       content, samplePersonal(model::Language::es, pdf::PaperSize::letter)),
                   dir / "es.pdf")
          .file;
  const std::string text = flattened(pdfText(file));
  for (const char* expected :
       {"¡Le encanta tu voz!", "Tú y tu bebé", "Próxima visita", "María López",
        "18 de diciembre de 2026", "Página 1 de", "niño", "¿"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
}

TEST(HandoutText, NamesFromManyLanguagesExtractExactly) {
  TempDir dir;
  const std::string name = "Łucja Nguyễn";
  for (const auto language : {model::Language::en, model::Language::es}) {
    const HandoutContent content = loadHandoutContent("infant-attachment", language);
    const auto personal =
        writeHandout(
            buildPersonalisedHandout(content, samplePersonal(language, pdf::PaperSize::a4, name)),
            dir / "p.pdf")
            .file;
    const std::string text = flattened(pdfText(personal));
    const std::string in_sentence =
        language == model::Language::en
            ? "You went to " + name + " each time " + name + " cried."
            : "Fuiste con " + name + " cada vez que " + name + " lloró.";
    EXPECT_NE(text.find(in_sentence), std::string::npos) << text;
    EXPECT_NE(text.find(name), std::string::npos);
    const auto generic =
        writeHandout(
            buildGenericHandout(content, sampleGeneric(language, pdf::PaperSize::letter, name)),
            dir / "g.pdf")
            .file;
    EXPECT_NE(flattened(pdfText(generic)).find(name), std::string::npos);
  }
}

TEST(HandoutText, QpdfFindsNoProblemAndEveryFontIsEmbedded) {
  TempDir dir;
  for (const auto language : {model::Language::en, model::Language::es}) {
    const HandoutContent content = loadHandoutContent("infant-attachment", language);
    for (const auto& file :
         {writeHandout(buildPersonalisedHandout(
                           content, samplePersonal(language, pdf::PaperSize::letter, "Łucja")),
                       dir / "p.pdf", 2)
              .file,
          writeHandout(buildGenericHandout(content, sampleGeneric(language, pdf::PaperSize::a4)),
                       dir / "g.pdf")
              .file}) {
      const auto check = run("qpdf --check " + quoted(file));
      EXPECT_EQ(check.status, 0) << check.output;
      const auto fonts = run("pdffonts " + quoted(file));
      ASSERT_EQ(fonts.status, 0) << fonts.output;
      std::istringstream lines(fonts.output);
      std::string line;
      int font_rows = 0;
      while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty() ||
            line.rfind("Syntax", 0) == 0)
          continue;
        ++font_rows;
        // Columns: name type encoding emb sub uni object ID; "emb" must say yes.
        std::istringstream columns(line);
        std::vector<std::string> words;
        for (std::string w; columns >> w;) words.push_back(w);
        ASSERT_GE(words.size(), 7u) << line;
        EXPECT_EQ(words[words.size() - 5], "yes") << "not embedded: " << line;
      }
      EXPECT_GE(font_rows, 2);
    }
  }
}

TEST(HandoutText, UnprintableNameIsRefusedBeforeAnythingIsWritten) {
  const HandoutContent content = loadHandoutContent("infant-attachment", model::Language::en);
  auto inputs = sampleGeneric(model::Language::en, pdf::PaperSize::letter, "\xC3\x28");
  EXPECT_THROW(renderHandout(buildGenericHandout(content, inputs)), Error);
  inputs.child_name = "アキラ";
  try {
    renderHandout(buildGenericHandout(content, inputs));
    FAIL() << "a name the fonts cannot print must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::bad_input);
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
  }
}

}  // namespace securebase::handout
