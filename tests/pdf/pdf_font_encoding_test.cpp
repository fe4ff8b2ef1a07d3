// The font encoding a document is written in: single-byte (WinAnsiEncoding, CP1250) when every
// character fits, UTF-8 otherwise. Checked with poppler and qpdf: the text extracts exactly and
// the pages look the same whichever path was taken.
#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "pdf_test_support.h"
#include "sample_documents.h"
#include "securebase/pdf/render.h"
#include "temp_dir.h"

namespace securebase::pdf {
namespace {

using securebase::testing::readFile;
using securebase::testing::TempDir;
using testing::pdfText;
using testing::quoted;
using testing::run;

constexpr RenderOptions kUtf8Only{Compression::all, false};

Document withParagraph(const std::string& text, const std::string& title = "") {
  Document doc;
  doc.title = title;
  doc.furniture = samples::clinicFurniture();
  doc.blocks.push_back(Heading{"Notes", 2});
  doc.blocks.push_back(Paragraph{text, ""});
  return doc;
}

struct Written {
  std::filesystem::path path;
  std::string font_encoding;
};

Written write(const TempDir& dir, const std::string& name, const Document& doc,
              const RenderOptions& options = {}) {
  const RenderedPdf pdf = renderPdf(doc, options);
  const auto path = dir / name;
  writeFileAtomically(path, pdf.bytes);
  return {path, pdf.font_encoding};
}

std::string fonts(const std::filesystem::path& pdf) {
  return run("pdffonts " + quoted(pdf)).output;
}

int countOf(const std::string& text, const std::string& what) {
  int count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

std::string withoutSpaces(std::string text) {
  std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\f'; });
  return text;
}

// Gray pixels of every page at 100 dpi.
std::string pixels(const TempDir& dir, const std::filesystem::path& pdf) {
  const auto prefix = dir / (pdf.stem().string() + "-page");
  run("pdftoppm -q -r 100 -gray " + quoted(pdf) + " " + quoted(prefix));
  std::string all;
  for (int page = 1; page <= 9; ++page) {
    const auto file = prefix.string() + "-" + std::to_string(page) + ".pgm";
    if (std::filesystem::exists(file)) all += readFile(file);
  }
  return all;
}

// Every character of each encoding that the fonts hold.
const std::string kCp1252 =
    "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz"
    "{|}~ €‚ƒ„…†‡‰Š‹ŒŽ‘’“”•–—™š›œžŸ ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛ"
    "ÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ";
const std::string kCp1250 =
    "€‚„…†‡‰Š‹ŚŤŽŹ‘’“”•–—™š›śťžź Ł¤Ą¦§¨©Ş«¬®Ż°±ł´µ¶·¸ąş»Ľľż"
    "ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ";

TEST(PdfFontEncoding, EnglishAndSpanishUseWinAnsiFontsAndExtractExactly) {
  TempDir dir;
  const std::string text =
      "¿Dónde está el niño? ¡Qué bien! Zoë, François, Müller. “hola” ‘sí’ – — … 5 € • ™ ‰";
  const Written pdf = write(dir, "latin.pdf", withParagraph(text));
  EXPECT_EQ(pdf.font_encoding, "WinAnsiEncoding");
  EXPECT_NE(pdfText(pdf.path).find(text), std::string::npos) << pdfText(pdf.path);
  EXPECT_EQ(countOf(fonts(pdf.path), "TrueType          WinAnsi          yes yes"), 2)
      << fonts(pdf.path);
  EXPECT_EQ(countOf(fonts(pdf.path), "CID"), 0);
  EXPECT_EQ(run("qpdf --check " + quoted(pdf.path)).status, 0);
}

TEST(PdfFontEncoding, PolishUsesCp1250Fonts) {
  TempDir dir;
  const std::string text = "Łucja Wąsik, Żółć, Dvořák, Ńo, Ścisła — „cytat” • 12 €";
  const Written pdf = write(dir, "polish.pdf", withParagraph(text));
  EXPECT_EQ(pdf.font_encoding, "CP1250");
  EXPECT_NE(pdfText(pdf.path).find(text), std::string::npos) << pdfText(pdf.path);
  EXPECT_EQ(countOf(fonts(pdf.path), "TrueType "), 2) << fonts(pdf.path);
  EXPECT_EQ(countOf(fonts(pdf.path), "CID"), 0);
  EXPECT_EQ(run("qpdf --check " + quoted(pdf.path)).status, 0);
}

TEST(PdfFontEncoding, VietnameseNamesUseUtf8Fonts) {
  TempDir dir;
  const std::string text = "Łucja Nguyễn y José Peña";
  const Written pdf = write(dir, "vietnamese.pdf", withParagraph(text));
  EXPECT_EQ(pdf.font_encoding, "UTF-8");
  EXPECT_NE(pdfText(pdf.path).find(text), std::string::npos) << pdfText(pdf.path);
  EXPECT_EQ(countOf(fonts(pdf.path), "CID TrueType      Identity-H       yes yes yes"), 2)
      << fonts(pdf.path);
}

// ñ is only in CP1252 and ł only in CP1250: no single-byte encoding holds both.
TEST(PdfFontEncoding, TextMixingTwoEncodingsFallsBackToUtf8) {
  TempDir dir;
  Document doc = withParagraph("El niño juega.");
  doc.furniture.clinic_name = "Przychodnia Łódź";
  const Written pdf = write(dir, "mixed.pdf", doc);
  EXPECT_EQ(pdf.font_encoding, "UTF-8");
  const std::string text = pdfText(pdf.path);
  EXPECT_NE(text.find("El niño juega."), std::string::npos) << text;
  EXPECT_NE(text.find("Przychodnia Łódź"), std::string::npos) << text;
}

// A Drawing's callback prints text the document scan cannot see: the document is made again.
TEST(PdfFontEncoding, DrawingTextOutsideTheEncodingFallsBackToUtf8) {
  TempDir dir;
  Document doc = withParagraph("Plain English.");
  doc.blocks.push_back(Drawing{40, [](Canvas& canvas, const Rect& box) {
                                 canvas.text({box.x, box.y + 20}, "Nguyễn", 12, false);
                               }});
  const Written pdf = write(dir, "drawing.pdf", doc);
  EXPECT_EQ(pdf.font_encoding, "UTF-8");
  const std::string text = pdfText(pdf.path);
  EXPECT_NE(text.find("Plain English."), std::string::npos) << text;
  EXPECT_NE(text.find("Nguyễn"), std::string::npos) << text;
}

// No-break space and soft hyphen come back out of single-byte fonts as plain ones.
// A no-break space (phone numbers kept on one line) stays on the fast path and reads back as a
// space; a soft hyphen would read back as a hard one, so it takes UTF-8.
TEST(PdfFontEncoding, NoBreakSpaceKeepsSingleByteFontsSoftHyphenTakesUtf8) {
  TempDir dir;
  const Written pdf = write(dir, "nbsp.pdf", withParagraph("Call (555)\u00A0010-4400 today"));
  EXPECT_EQ(pdf.font_encoding, "WinAnsiEncoding");
  const std::string text = pdfText(pdf.path);
  EXPECT_TRUE(text.find("(555) 010-4400") != std::string::npos ||
              text.find("(555)\u00A0010-4400") != std::string::npos)
      << text;
  EXPECT_EQ(renderPdf(withParagraph("Be\u00ADbé")).font_encoding, "UTF-8");
  EXPECT_EQ(renderPdf(withParagraph("10 kg")).font_encoding, "WinAnsiEncoding");
}

// Line breaking turns them into line breaks and spaces: they never reach a font.
TEST(PdfFontEncoding, LineBreaksAndTabsKeepSingleByteFonts) {
  TempDir dir;
  const Written pdf = write(dir, "breaks.pdf", withParagraph("Línea uno\nLínea\tdos\n\nfin"));
  EXPECT_EQ(pdf.font_encoding, "WinAnsiEncoding");
  const std::string text = pdfText(pdf.path);
  EXPECT_NE(text.find("Línea uno\nLínea dos\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nfin\n"), std::string::npos) << text;
}

TEST(PdfFontEncoding, DecomposedAccentsStillFitASingleByteEncoding) {
  TempDir dir;
  const Written pdf = write(dir, "nfd.pdf", withParagraph("Jose\xCC\x81 y Zoe\xCC\x88"));
  EXPECT_EQ(pdf.font_encoding, "WinAnsiEncoding");
  EXPECT_NE(pdfText(pdf.path).find("José y Zoë"), std::string::npos) << pdfText(pdf.path);
}

// Regular and bold.
TEST(PdfFontEncoding, EveryCharacterOfBothEncodingsExtractsExactly) {
  TempDir dir;
  for (const auto& [text, encoding] :
       {std::pair{kCp1252, "WinAnsiEncoding"}, std::pair{kCp1250, "CP1250"}}) {
    Document doc = withParagraph(text);
    doc.blocks.push_back(Paragraph{"", text});
    const Written pdf = write(dir, std::string(encoding) + ".pdf", doc);
    EXPECT_EQ(pdf.font_encoding, encoding);
    const std::string extracted = withoutSpaces(pdfText(pdf.path));
    EXPECT_EQ(countOf(extracted, withoutSpaces(text)), 2) << extracted;
  }
}

TEST(PdfFontEncoding, TitlesKeepTheirCharacters) {
  TempDir dir;
  for (const std::string& title : {std::string("Guía — “Mateo” • 5 €"), std::string("Łucja Wąsik"),
                                   std::string("Building a secure bond")}) {
    const Written pdf = write(dir, "titled.pdf", withParagraph("Plain text.", title));
    EXPECT_NE(pdf.font_encoding, "UTF-8");
    EXPECT_NE(run("pdfinfo " + quoted(pdf.path)).output.find("Title:           " + title + "\n"),
              std::string::npos)
        << run("pdfinfo " + quoted(pdf.path)).output;
  }
}

// Same widths, same glyphs (from the smaller single-byte font files), same positions: the pages
// are identical pixel for pixel.
TEST(PdfFontEncoding, SingleByteAndUtf8PagesLookTheSame) {
  TempDir dir;
  Document handout = samples::handout();
  handout.blocks.push_back(Paragraph{"¿Dónde? ¡Sí! “niño” – — … € • ™ Zoë", "Nota:"});
  Document polish = withParagraph("Łucja Wąsik, Dvořák, Żółć — „cytat” • 12 €");
  Document all_cp1252 = withParagraph(kCp1252);
  all_cp1252.blocks.push_back(Paragraph{"", kCp1252});
  Document all_cp1250 = withParagraph(kCp1250);
  all_cp1250.blocks.push_back(Paragraph{"", kCp1250});
  for (const auto& [name, doc] :
       {std::pair{"handout", handout}, std::pair{"polish", polish}, std::pair{"cp1252", all_cp1252},
        std::pair{"cp1250", all_cp1250}}) {
    const Written fast = write(dir, std::string(name) + "-fast.pdf", doc);
    const Written utf8 = write(dir, std::string(name) + "-utf8.pdf", doc, kUtf8Only);
    ASSERT_NE(fast.font_encoding, "UTF-8");
    ASSERT_EQ(utf8.font_encoding, "UTF-8");
    const std::string fast_pixels = pixels(dir, fast.path);
    ASSERT_FALSE(fast_pixels.empty());
    EXPECT_TRUE(fast_pixels == pixels(dir, utf8.path)) << name;
    EXPECT_EQ(pdfText(fast.path), pdfText(utf8.path));
  }
}

// Letters with a caron or an acute are composite glyphs, as wide as their base letter: without
// their parts embedded they would be drawn bare, pixel for pixel like the plain word.
TEST(PdfFontEncoding, SingleByteFontsDrawAccents) {
  TempDir dir;
  const Written plain = write(dir, "plain.pdf", withParagraph("Dvorak Dvorak"));
  const Written accented = write(dir, "accented.pdf", withParagraph("Dvořák Dvořák"));
  ASSERT_EQ(accented.font_encoding, "CP1250");
  EXPECT_NE(pixels(dir, plain.path), pixels(dir, accented.path));
}

// Each thread renews the libharu document of its previous single-byte PDF: nothing of one
// document (glyphs used, fonts, pages) may reach the next.
TEST(PdfFontEncoding, DocumentsMadeOneAfterAnotherAreIndependent) {
  const Document plain = withParagraph("Plain words only.", "Plain");
  std::string fresh;
  std::thread([&] { fresh = renderPdf(plain).bytes; }).join();  // a new thread keeps nothing
  ASSERT_FALSE(fresh.empty());
  EXPECT_EQ(renderPdf(withParagraph("¿Dónde está el niño? “Zoë” • € — ½")).font_encoding,
            "WinAnsiEncoding");
  EXPECT_EQ(renderPdf(withParagraph("Łucja Wąsik, Dvořák")).font_encoding, "CP1250");
  EXPECT_EQ(renderPdf(withParagraph("Nguyễn")).font_encoding, "UTF-8");
  EXPECT_EQ(renderPdf(plain).bytes, fresh);
  EXPECT_EQ(renderPdf(plain).bytes, fresh);
}

}  // namespace
}  // namespace securebase::pdf
