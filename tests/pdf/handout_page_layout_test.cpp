// Every variant of the handout as printed (English and Spanish, generic and personalised, Letter
// and A4, each age band), read back with poppler's word boxes (pdftotext -bbox-layout): two
// pages, text inside the margins and never on other text, body text at 12 pt or more, no page
// but the last over a quarter empty, no heading left as the last line of a column.
#include <gtest/gtest.h>

#include <regex>

#include "build_paths.h"
#include "handout_test_support.h"

namespace securebase::handout {

using namespace testing;

namespace {

struct Line {
  double x_min, y_min, x_max, y_max;
  std::string text;
  double height() const { return y_max - y_min; }
};

struct Page {
  double width = 0, height = 0;
  std::vector<Line> lines;
  std::vector<Line> words;
};

std::vector<Page> pagesOf(const std::filesystem::path& pdf) {
  const std::string xml = run("pdftotext -q -bbox-layout " + quoted(pdf) + " -").output;
  const std::regex page_re(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
  const std::regex box_re(
      R"re(<(line|word) xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*))re");
  std::vector<Page> pages;
  std::size_t at = 0;
  std::smatch match;
  std::string::const_iterator from = xml.begin();
  while (std::regex_search(from, xml.end(), match, page_re)) {
    Page page{std::stod(match[1]), std::stod(match[2]), {}, {}};
    const auto start = match[0].second;
    const auto end_pos = xml.find("</page>", static_cast<std::size_t>(start - xml.begin()));
    const std::string body(start, xml.begin() + static_cast<long>(end_pos));
    for (auto it = std::sregex_iterator(body.begin(), body.end(), box_re);
         it != std::sregex_iterator(); ++it) {
      Line box{std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), std::stod((*it)[5]),
               (*it)[6]};
      ((*it)[1] == "line" ? page.lines : page.words).push_back(box);
    }
    // Words give each line its text.
    for (Line& line : page.lines)
      for (const Line& word : page.words)
        if (word.y_min >= line.y_min - 0.01 && word.y_max <= line.y_max + 0.01 &&
            word.x_min >= line.x_min - 0.01 && word.x_max <= line.x_max + 0.01)
          line.text += (line.text.empty() ? "" : " ") + word.text;
    pages.push_back(std::move(page));
    from = xml.begin() + static_cast<long>(end_pos);
    ++at;
  }
  return pages;
}

// Five strengths, three things to try, two goals: the typical personalised handout.
PersonalInputs typicalPersonal(model::Language language, pdf::PaperSize paper,
                               std::optional<int> months) {
  PersonalInputs inputs = samplePersonal(language, paper);
  inputs.strengths.push_back(language == model::Language::es
                                 ? "Esperaste a que Sofía te mirara para seguir jugando."
                                 : "You waited until Sofía looked back before you played again.");
  inputs.age_months = months;
  return inputs;
}

struct Variant {
  std::string name;
  pdf::Document document;
};

std::vector<Variant> everyVariant() {
  std::vector<Variant> variants;
  const std::vector<std::pair<std::string, std::optional<int>>> ages = {
      {"general", std::nullopt}, {"0-3", 1}, {"4-6", 5}, {"7-12", 9}, {"13-24", 18}};
  for (const auto language : {model::Language::en, model::Language::es}) {
    const HandoutContent content = loadHandoutContent("infant-attachment", language);
    for (const auto paper : {pdf::PaperSize::letter, pdf::PaperSize::a4}) {
      for (const auto& [band, months] : ages) {
        const std::string name = std::string(model::toString(language)) +
                                 (paper == pdf::PaperSize::letter ? "-letter-" : "-a4-") + band;
        GenericInputs generic = sampleGeneric(language, paper, "Sofía");
        generic.age_months = months;
        variants.push_back({"generic-" + name, buildGenericHandout(content, generic)});
        // No age band (no birth date, or older than 24 months): the general play section.
        variants.push_back(
            {"personal-" + name,
             buildPersonalisedHandout(content, typicalPersonal(language, paper, months))});
      }
    }
  }
  return variants;
}

class HandoutPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto folder = std::filesystem::path(SECUREBASE_TEST_BINARY_DIR) / "handout-variants";
    std::filesystem::create_directories(folder);
    for (Variant& variant : everyVariant()) {
      const auto file = folder / (variant.name + ".pdf");
      const WrittenHandout written = writeHandout(variant.document, file);
      printed_->push_back(
          {variant.name, variant.document, written.pages, pagesOf(file), written.figures});
    }
  }
  struct Printed {
    std::string name;
    pdf::Document document;
    std::size_t pages;
    std::vector<Page> read;
    std::vector<pdf::PlacedFigure> figures;
  };
  static inline std::vector<Printed>* printed_ = new std::vector<Printed>;

  static double contentTop(const pdf::Document& d) { return d.margin + 12; }
  static double contentBottom(const pdf::Document& d, const Page& page) {
    return page.height - d.margin;
  }
};

constexpr double kBodyLineHeight = 13.9;  // poppler's box of 12 pt DejaVu Sans
constexpr double kHeadingLineHeight = 16.5;

}  // namespace

TEST_F(HandoutPages, EveryVariantIsTwoPages) {
  ASSERT_EQ(printed_->size(), 2u * 2u * (5u + 5u));
  for (const Printed& p : *printed_) {
    EXPECT_EQ(p.read.size(), 2u) << p.name;
    EXPECT_EQ(p.pages, p.read.size()) << p.name;
  }
}

TEST_F(HandoutPages, TextStaysInsideTheMarginsAndNeverOnOtherText) {
  for (const Printed& p : *printed_)
    for (std::size_t n = 0; n < p.read.size(); ++n) {
      const Page& page = p.read[n];
      const double margin = p.document.margin;
      for (std::size_t i = 0; i < page.words.size(); ++i) {
        const Line& w = page.words[i];
        EXPECT_GE(w.x_min, margin - 0.5) << p.name << " page " << n + 1 << ": " << w.text;
        EXPECT_LE(w.x_max, page.width - margin + 0.5) << p.name << ": " << w.text;
        EXPECT_GE(w.y_min, 0) << p.name << ": " << w.text;
        EXPECT_LE(w.y_max, page.height) << p.name << ": " << w.text;
        for (std::size_t j = i + 1; j < page.words.size(); ++j) {
          const Line& o = page.words[j];
          const bool overlap = w.x_min < o.x_max - 0.5 && o.x_min < w.x_max - 0.5 &&
                               w.y_min < o.y_max - 1.0 && o.y_min < w.y_max - 1.0;
          EXPECT_FALSE(overlap) << p.name << " page " << n + 1 << ": " << w.text << " / " << o.text;
        }
      }
    }
}

TEST_F(HandoutPages, BodyTextIsTwelvePointsOrMore) {
  for (const Printed& p : *printed_)
    for (const Page& page : p.read)
      for (const Line& word : page.words) {
        if (word.y_min < contentTop(p.document) || word.y_max > contentBottom(p.document, page))
          continue;  // the page header and footer
        EXPECT_GE(word.height(), kBodyLineHeight - 0.1) << p.name << ": " << word.text;
      }
}

// The renderer says where each picture landed; poppler says where each word is.
TEST_F(HandoutPages, NoTextOnAPictureAndACaptionBesideEach) {
  for (const Printed& p : *printed_) {
    EXPECT_GE(p.figures.size(), 3u) << p.name;
    for (const pdf::PlacedFigure& figure : p.figures) {
      ASSERT_GE(figure.page, 1u) << p.name;
      ASSERT_LE(figure.page, p.read.size()) << p.name;
      const Page& page = p.read[figure.page - 1];
      const pdf::Rect& r = figure.rect;
      for (const Line& w : page.words) {
        const bool overlap = w.x_min < r.right() - 0.5 && r.x < w.x_max - 0.5 &&
                             w.y_min < r.bottom() - 0.5 && r.y < w.y_max - 0.5;
        EXPECT_FALSE(overlap) << p.name << " page " << figure.page << ": " << w.text;
      }
      // The caption: lines starting just right of the picture, within its height.
      std::string caption;
      for (const Line& line : page.lines)
        if (line.x_min >= r.right() && line.x_min <= r.right() + 20 && line.y_min >= r.y - 0.5 &&
            line.y_max <= r.bottom() + 0.5)
          caption += (caption.empty() ? "" : " ") + line.text;
      EXPECT_GE(caption.size(), 10u) << p.name << " page " << figure.page << " picture at y " << r.y
                                     << ": no caption beside it";
    }
  }
}

// Lines of the column at `left` (true) or right, inside the content area.
std::vector<Line> columnLines(const Page& page, bool left, double top, double bottom) {
  std::vector<Line> lines;
  for (const Line& line : page.lines)
    if (line.y_min >= top && line.y_max <= bottom && (line.x_min < page.width / 2) == left)
      lines.push_back(line);
  return lines;
}

TEST_F(HandoutPages, NoPageButTheLastIsMoreThanAQuarterEmpty) {
  for (const Printed& p : *printed_)
    for (std::size_t n = 0; n + 1 < p.read.size(); ++n) {
      const Page& page = p.read[n];
      const double top = contentTop(p.document);
      const double bottom = contentBottom(p.document, page);
      double empty = 0;
      for (const bool left : {true, false}) {
        double lowest = top;
        for (const Line& line : columnLines(page, left, top, bottom))
          lowest = std::max(lowest, line.y_max);
        empty += (bottom - lowest) / (bottom - top) / 2;
      }
      EXPECT_LE(empty, 0.25) << p.name << " page " << n + 1;
    }
}

TEST_F(HandoutPages, NoHeadingIsTheLastLineOfAColumn) {
  for (const Printed& p : *printed_)
    for (std::size_t n = 0; n < p.read.size(); ++n) {
      const Page& page = p.read[n];
      for (const bool left : {true, false}) {
        const auto lines =
            columnLines(page, left, contentTop(p.document), contentBottom(p.document, page));
        if (lines.empty()) continue;
        const auto last = std::max_element(lines.begin(), lines.end(),
                                           [](auto& a, auto& b) { return a.y_max < b.y_max; });
        EXPECT_LT(last->height(), kHeadingLineHeight)
            << p.name << " page " << n + 1 << (left ? " left" : " right") << ": " << last->text;
      }
    }
}

// The footer's text (clinic, version, date) and the page number stay clearly apart: a long
// Spanish date on A4 once ran right up to "Página 1 de 2".
TEST_F(HandoutPages, FooterTextStaysClearOfThePageNumber) {
  for (const Printed& p : *printed_)
    for (std::size_t n = 0; n < p.read.size(); ++n) {
      const Page& page = p.read[n];
      std::vector<Line> footer;
      for (const Line& word : page.words)
        if (word.y_min > contentBottom(p.document, page)) footer.push_back(word);
      std::sort(footer.begin(), footer.end(),
                [](const Line& a, const Line& b) { return a.x_min < b.x_min; });
      double widest_gap = 0;
      for (std::size_t i = 1; i < footer.size(); ++i)
        widest_gap = std::max(widest_gap, footer[i].x_min - footer[i - 1].x_max);
      ASSERT_GE(footer.size(), 2u) << p.name << " page " << n + 1;
      EXPECT_GE(widest_gap, 12.0) << p.name << " page " << n + 1;
    }
}

// Two columns keep lines short: no printed line holds more than about 70 characters.
TEST_F(HandoutPages, LinesStayShort) {
  for (const Printed& p : *printed_)
    for (const Page& page : p.read)
      for (const Line& line : page.lines) {
        if (line.y_min < contentTop(p.document) || line.y_max > contentBottom(p.document, page))
          continue;
        EXPECT_LE(line.text.size(), 75u) << p.name << ": " << line.text;  // bytes: accents
      }
}

}  // namespace securebase::handout
