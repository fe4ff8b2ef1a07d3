#include <gtest/gtest.h>

#include "securebase/core/error.h"
#include "securebase/pdf/font_metrics.h"
#include "securebase/pdf/text_check.h"

namespace securebase::pdf {
namespace {

TEST(TextCheck, ComposesToNfc) {
  EXPECT_EQ(normalizeNfc("Jose\xCC\x81"), "José");
  EXPECT_EQ(normalizeNfc("Nguye\xCC\x82\xCC\x83n"), "Nguyễn");
  EXPECT_EQ(normalizeNfc("\xE2\x84\xAB"), "Å") << "the Ångström sign becomes the letter";
  EXPECT_EQ(normalizeNfc("plain ASCII"), "plain ASCII");
}

TEST(TextCheck, TheFontsCoverLatinPunctuationAndTheEuro) {
  const char* printable =
      "¿Qué tal? ¡Sí! Ññ Çç Ææ ß Łucja Nguyễn Đặng Ştefan Dvořák Ǆ “quotes” ‘single’ – — … • €";
  EXPECT_TRUE(unprintableCharacters(printable).empty());
  for (unsigned cp : {0x00E9u, 0x0141u, 0x01C4u, 0x0219u, 0x1EC5u, 0x2022u, 0x2026u, 0x20ACu}) {
    EXPECT_TRUE(FontMetrics::of(FontFace::regular).covers(cp)) << std::hex << cp;
    EXPECT_TRUE(FontMetrics::of(FontFace::bold).covers(cp)) << std::hex << cp;
  }
}

TEST(TextCheck, DecomposedInputIsPrintableAfterComposition) {
  EXPECT_TRUE(unprintableCharacters("Nguye\xCC\x82\xCC\x83n").empty());
  EXPECT_EQ(printableText("Nguye\xCC\x82\xCC\x83n", "name"), "Nguyễn");
}

TEST(TextCheck, ListsCharactersTheFontsLack) {
  EXPECT_EQ(unprintableCharacters("Li 中文 中 😀"),
            (std::vector<char32_t>{0x4E2D, 0x6587, 0x1F600}));
}

TEST(TextCheck, RefusesAnUnprintableNameNamingTheCharacter) {
  try {
    checkPrintable("Mei 中", "family name");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::bad_input);
    EXPECT_STREQ(e.what(),
                 "family name: the character '中' (U+4E2D) cannot be printed in handouts and "
                 "reports");
  }
  try {
    checkPrintable("bell\a", "note");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("(U+0007)"), std::string::npos) << e.what();
  }
}

TEST(TextCheck, RefusesInvalidUtf8) {
  try {
    checkPrintable("caf\xE9", "family name");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::bad_input);
    EXPECT_STREQ(e.what(), "family name is not valid UTF-8 text");
  }
  EXPECT_THROW(normalizeNfc("\xC3"), Error);
}

TEST(FontMetrics, WidthsAddUpAndMatchTheFontsAdvances) {
  const FontMetrics& regular = FontMetrics::of(FontFace::regular);
  // DejaVu Sans: 'a' advances 1255/2048 em, truncated to 612 thousandths as libharu writes it.
  EXPECT_EQ(regular.advance(U'a'), 612);
  EXPECT_DOUBLE_EQ(regular.width("aa", 10), 12.24);
  EXPECT_DOUBLE_EQ(regular.width("ñé", 12), regular.width("ñ", 12) + regular.width("é", 12));
  EXPECT_GT(FontMetrics::of(FontFace::bold).width("Hello", 12), regular.width("Hello", 12));
}

TEST(FontMetrics, RefusesBytesThatAreNotAFont) {
  EXPECT_THROW(FontMetrics("not a font at all", "junk.ttf"), Error);
}

}  // namespace
}  // namespace securebase::pdf
