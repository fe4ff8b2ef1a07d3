// Real PDFs checked with poppler (pdftotext, pdffonts, pdfinfo) and qpdf.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "build_paths.h"
#include "pdf_test_support.h"
#include "sample_documents.h"
#include "securebase/core/error.h"
#include "securebase/pdf/render.h"
#include "temp_dir.h"

namespace securebase::pdf {
namespace {

using securebase::testing::TempDir;
using testing::pdfText;
using testing::quoted;
using testing::run;

std::size_t pdfPages(const std::filesystem::path& pdf) {
  const std::string info = run("pdfinfo " + quoted(pdf)).output;
  std::smatch match;
  if (!std::regex_search(info, match, std::regex(R"(Pages:\s+(\d+))"))) return 0;
  return std::stoul(match[1]);
}

Document oneParagraph(const std::string& text) {
  Document doc;
  doc.furniture = samples::clinicFurniture();
  doc.blocks.push_back(Paragraph{text, ""});
  return doc;
}

std::filesystem::path written(const TempDir& dir, const Document& doc,
                              const std::string& name = "out.pdf") {
  const auto path = dir / name;
  writePdf(doc, path);
  return path;
}

TEST(PdfRender, TextExtractsExactlyWithAccentsAndNames) {
  TempDir dir;
  const std::string text =
      "¿Dónde está el niño? ¡Qué bien! Łucja Nguyễn, Zoë, François, Dvořák “hola” – …";
  const auto path = written(dir, oneParagraph(text));
  EXPECT_NE(pdfText(path).find(text), std::string::npos) << pdfText(path);
}

// libharu 2.3 left out nested parts of composite glyphs, so ễ was drawn as a bare e while
// pdftotext still read "ễ": compare the pixels instead of the text.
TEST(PdfRender, DrawsTheAccentsOfNestedCompositeGlyphs) {
  TempDir dir;
  const auto pixels = [&dir](const std::string& name, const std::string& text) {
    const auto pdf = written(dir, oneParagraph(text), name + ".pdf");
    run("pdftoppm -q -r 100 -gray -singlefile -f 1 -l 1 " + quoted(pdf) + " " + quoted(dir / name));
    return securebase::testing::readFile(dir / (name + ".pgm"));
  };
  const std::string plain = pixels("plain", "Nguyen Nguyen");
  ASSERT_FALSE(plain.empty());
  EXPECT_NE(pixels("accented", "Nguyễn Nguyễn"), plain);
  EXPECT_EQ(pixels("plain-again", "Nguyen Nguyen"), plain);
}

TEST(PdfRender, DecomposedTextIsPrintedComposed) {
  TempDir dir;
  const auto path = written(dir, oneParagraph("Nguye\xCC\x82\xCC\x83n"));
  EXPECT_NE(pdfText(path).find("Nguyễn"), std::string::npos);
}

// The fonts rows of `pdffonts` whose line holds `kind`.
std::vector<std::string> fontRows(const std::filesystem::path& pdf, const std::string& kind) {
  std::istringstream lines(run("pdffonts " + quoted(pdf)).output);
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);)
    if (line.find(kind) != std::string::npos) rows.push_back(line);
  return rows;
}

TEST(PdfRender, EmbedsBothFacesAndPassesQpdf) {
  TempDir dir;
  const auto single_byte = dir / "single-byte.pdf";
  writePdf(samples::handout(), single_byte);
  const auto rows = fontRows(single_byte, "TrueType          WinAnsi");
  EXPECT_EQ(rows.size(), 2u) << run("pdffonts " + quoted(single_byte)).output;
  for (const std::string& row : rows)
    EXPECT_NE(row.find("WinAnsi          yes yes"), std::string::npos) << row;
  EXPECT_EQ(run("qpdf --check " + quoted(single_byte)).status, 0);

  const auto utf8 = dir / "utf8.pdf";
  writePdf(samples::handout(), utf8, {Compression::all, false});
  const auto cid_rows = fontRows(utf8, "CID TrueType");
  EXPECT_EQ(cid_rows.size(), 2u) << run("pdffonts " + quoted(utf8)).output;
  for (const std::string& row : cid_rows)
    EXPECT_NE(row.find("Identity-H       yes yes yes"), std::string::npos) << row;
  EXPECT_EQ(run("qpdf --check " + quoted(utf8)).status, 0);
}

TEST(PdfRender, HandoutIsTwoSmallPages) {
  TempDir dir;
  const auto path = written(dir, samples::handout());
  EXPECT_EQ(pdfPages(path), 2u);
  EXPECT_LE(std::filesystem::file_size(path), 48u * 1024u);
}

TEST(PdfRender, PaperSizes) {
  TempDir dir;
  EXPECT_NE(run("pdfinfo " + quoted(written(dir, samples::handout(PaperSize::letter), "l.pdf")))
                .output.find("612 x 792 pts (letter)"),
            std::string::npos);
  EXPECT_NE(run("pdfinfo " + quoted(written(dir, samples::handout(PaperSize::a4), "a.pdf")))
                .output.find("595.28 x 841.89 pts (A4)"),
            std::string::npos);
}

TEST(PdfRender, LongDocumentPageCountAndPageLabels) {
  TempDir dir;
  const Document doc = samples::report(PaperSize::a4, 120);
  const auto path = dir / "long.pdf";
  const std::size_t pages = writePdf(doc, path);
  EXPECT_GE(pages, 5u);
  EXPECT_EQ(pdfPages(path), pages);
  for (std::size_t p = 1; p <= pages; ++p) {
    const std::string page_text =
        pdfText(path, "-f " + std::to_string(p) + " -l " + std::to_string(p));
    EXPECT_NE(page_text.find("Página " + std::to_string(p) + " de " + std::to_string(pages)),
              std::string::npos)
        << page_text;
    if (page_text.find("Responde al llanto") != std::string::npos) {
      EXPECT_NE(page_text.find("Fecha"), std::string::npos) << "table header on page " << p;
    }
  }
}

// xMax of every word in `pdftotext -bbox` output.
std::vector<double> wordRightEdges(const std::filesystem::path& pdf) {
  const std::string html = run("pdftotext -q -bbox " + quoted(pdf) + " -").output;
  const std::regex word(R"re(<word xMin="[0-9.]+" yMin="[0-9.]+" xMax="([0-9.]+)")re");
  std::vector<double> edges;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator();
       ++it)
    edges.push_back(std::stod((*it)[1]));
  return edges;
}

TEST(PdfRender, LongWordsAndParagraphsStayInsideTheMargins) {
  TempDir dir;
  std::string paragraph;
  for (int i = 0; i < 200; ++i) paragraph += (i % 9 == 0 ? "comfortable " : "baby ");
  Document doc = oneParagraph(
      "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessen " +
      paragraph);
  doc.blocks.push_back(Heading{std::string(60, 'W'), 2});
  doc.blocks.push_back(BulletList{{"Żółć" + std::string(60, 'm')}});
  const auto path = written(dir, doc);
  const auto edges = wordRightEdges(path);
  ASSERT_GT(edges.size(), 200u);
  for (double x : edges) EXPECT_LE(x, 612 - doc.margin + 0.5);
  EXPECT_NE(pdfText(path).find("comfortable"), std::string::npos);
}

TEST(PdfRender, HeadingsAreNeverLastOnAPage) {
  TempDir dir;
  Document doc = oneParagraph("Introduction.");
  for (int s = 0; s < 30; ++s) {
    doc.blocks.push_back(Heading{"Section heading " + std::to_string(s), 2});
    std::string text;
    for (int w = 0; w < 20 + (s * 17) % 60; ++w) text += "word ";
    doc.blocks.push_back(Paragraph{text, ""});
  }
  const auto path = std::filesystem::path(SECUREBASE_TEST_BINARY_DIR) / "headings.pdf";
  const std::size_t pages = writePdf(doc, path);
  ASSERT_GT(pages, 2u);
  for (std::size_t p = 1; p <= pages; ++p) {
    std::istringstream text(pdfText(path, "-f " + std::to_string(p) + " -l " + std::to_string(p)));
    std::string line;
    std::string last;
    while (std::getline(text, line)) {
      const bool furniture = line.empty() || line.find("Page ") == 0 || line.find("March") == 0 ||
                             line.find("\f") != std::string::npos;
      if (!furniture) last = line;
    }
    EXPECT_EQ(last.find("Section heading"), std::string::npos) << "page " << p << ": " << last;
  }
}

TEST(PdfRender, RefusesInvalidUtf8AndUnprintableCharacters) {
  try {
    renderPdf(oneParagraph("caf\xE9"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::bad_input);
    EXPECT_STREQ(e.what(), "paragraph is not valid UTF-8 text");
  }
  try {
    renderPdf(oneParagraph("Baby 😀"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::bad_input);
    EXPECT_NE(std::string(e.what()).find("(U+1F600)"), std::string::npos) << e.what();
  }
  Document doc = oneParagraph("ok");
  doc.furniture.clinic_name = "北京 Clinic";
  EXPECT_THROW(renderPdf(doc), Error);
}

TEST(PdfRender, UnwritablePathIsAnOutputErrorAndLeavesNoFile) {
  TempDir dir;
  const Document doc = oneParagraph("hello");
  const auto missing_folder = dir / "no-such-folder" / "out.pdf";
  try {
    writePdf(doc, missing_folder);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::output);
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("out.pdf"), std::string::npos) << e.what();
  }
  // Renaming onto a folder fails after the data was written: the temporary must go too.
  std::filesystem::create_directory(dir / "taken.pdf");
  std::filesystem::create_directory(dir / "taken.pdf" / "inside");
  EXPECT_THROW(writePdf(doc, dir / "taken.pdf"), Error);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++entries;
  EXPECT_EQ(entries, 1u) << "only the folder that was in the way";
}

TEST(PdfRender, ReplacesAnExistingFileWhole) {
  TempDir dir;
  const auto path = dir / "out.pdf";
  securebase::testing::writeFile(path, "old");
  writePdf(oneParagraph("new"), path);
  EXPECT_EQ(securebase::testing::readFile(path).substr(0, 5), "%PDF-");
}

TEST(PdfRender, ImagesLogoAndTablesRender) {
  TempDir dir;
  Document doc = samples::report(PaperSize::letter, 5);
  doc.furniture.logo_png = testing::solidPng(64, 32, 30, 110, 105);
  doc.blocks.push_back(Image{testing::solidPng(20, 10, 200, 120, 40), 100, TextAlign::center});
  const auto path = written(dir, doc);
  EXPECT_EQ(run("qpdf --check " + quoted(path)).status, 0);
  const std::string images = run("pdfimages -list " + quoted(path)).output;
  EXPECT_NE(images.find("64    32  rgb"), std::string::npos) << images;
  Document broken = oneParagraph("x");
  broken.blocks.push_back(Image{"not a png", 0, TextAlign::left});
  EXPECT_THROW(renderPdf(broken), Error);
}

TEST(PdfRender, CompressionChoicesAllProduceValidFiles) {
  TempDir dir;
  for (Compression c : {Compression::all, Compression::text_only, Compression::none}) {
    const RenderedPdf pdf = renderPdf(samples::handout(), {c});
    const auto path = dir / "c.pdf";
    writeFileAtomically(path, pdf.bytes);
    EXPECT_EQ(run("qpdf --check " + quoted(path)).status, 0);
    EXPECT_NE(pdfText(path).find("Tip for parents"), std::string::npos);
  }
}

}  // namespace
}  // namespace securebase::pdf
