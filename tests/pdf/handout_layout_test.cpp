// The handout as printed: sections in order, page budgets in both languages and paper sizes,
// long text that wraps inside the page, and copies numbered on their own.
#include <gtest/gtest.h>

#include <regex>

#include "handout_test_support.h"
#include "securebase/core/error.h"

namespace securebase::handout {

using namespace testing;
using securebase::testing::TempDir;

namespace {

const std::vector<model::Language> kLanguages = {model::Language::en, model::Language::es};
const std::vector<pdf::PaperSize> kPapers = {pdf::PaperSize::letter, pdf::PaperSize::a4};

std::string describe(model::Language language, pdf::PaperSize paper) {
  return std::string(model::toString(language)) +
         (paper == pdf::PaperSize::letter ? " letter" : " a4");
}

}  // namespace

TEST(HandoutLayout, PersonalisedSectionsComeInOrderStrengthsFirst) {
  TempDir dir;
  for (const auto language : kLanguages) {
    const HandoutContent content = loadHandoutContent("infant-attachment", language);
    const PersonalInputs inputs = samplePersonal(language, pdf::PaperSize::letter);
    const auto file = writeHandout(buildPersonalisedHandout(content, inputs), dir / "p.pdf").file;
    const std::string text = flattened(pdfText(file));
    const auto at = positionsOf(
        text, {content.label("what_we_saw"), inputs.strengths[0], inputs.strengths[3],
               content.label("things_to_try"), inputs.things_to_try[0], content.label("your_goals"),
               inputs.open_goals[0], content.label("next_visit"),
               longDate(*inputs.next_visit, language), content.sections.back().heading});
    for (std::size_t i = 0; i < at.size(); ++i) {
      ASSERT_NE(at[i], std::string::npos) << "part " << i << " missing in " << text;
      if (i > 0) {
        EXPECT_LT(at[i - 1], at[i]) << "part " << i << " out of order";
      }
    }
  }
}

TEST(HandoutLayout, GenericIsTitleThenTheGeneralContent) {
  TempDir dir;
  for (const auto language : kLanguages) {
    const HandoutContent content = loadHandoutContent("infant-attachment", language);
    const auto file =
        writeHandout(
            buildGenericHandout(content, sampleGeneric(language, pdf::PaperSize::letter, "Sofía")),
            dir / "g.pdf")
            .file;
    const std::string text = flattened(pdfText(file));
    std::vector<std::string> parts = {content.title};
    for (const auto& section : content.sections)
      if (!section.heading.empty() && section.shownFor(AgeBand::general))
        parts.push_back(section.heading);
    // Order on the page is HandoutPages' business (columns read back in any order here).
    for (const std::string& part : parts) EXPECT_NE(text.find(part), std::string::npos) << part;
    EXPECT_EQ(text.find(content.label("what_we_saw")), std::string::npos);
    EXPECT_NE(text.find(language == model::Language::en ? "Made for Sofía" : "Hecho para Sofía"),
              std::string::npos);
    EXPECT_NE(text.find(content.label("crisis_line") + ": 988"), std::string::npos);
    EXPECT_NE(text.find("Parent support line: (555) 010-4400"), std::string::npos);
    EXPECT_NE(
        text.find(language == model::Language::en ? "December 4, 2026" : "4 de diciembre de 2026"),
        std::string::npos);
  }
}

TEST(HandoutLayout, NoHelpLinesHeadingWhenTheClinicHasNone) {
  TempDir dir;
  const HandoutContent content = loadHandoutContent("infant-attachment", model::Language::en);
  GenericInputs inputs = sampleGeneric(model::Language::en, pdf::PaperSize::letter);
  inputs.basics.clinic.help_lines.clear();
  const auto file = writeHandout(buildGenericHandout(content, inputs), dir / "g.pdf").file;
  EXPECT_EQ(pdfText(file).find(content.label("help_lines")), std::string::npos);
}

TEST(HandoutLayout, PersonalisedFitsTwoPagesEverywhere) {
  TempDir dir;
  for (const auto language : kLanguages) {
    const HandoutContent content = loadHandoutContent("infant-attachment", language);
    for (const auto paper : kPapers) {
      // Every age band, and none: no birth date, or a child past 24 months.
      for (const std::optional<int> months :
           {std::optional<int>(1), std::optional<int>(5), std::optional<int>(9),
            std::optional<int>(18), std::optional<int>(30), std::optional<int>()}) {
        PersonalInputs inputs = samplePersonal(language, paper);
        inputs.age_months = months;
        const auto personal =
            writeHandout(buildPersonalisedHandout(content, inputs), dir / "p.pdf");
        EXPECT_LE(pdfPages(personal.file), 2u)
            << describe(language, paper) << ", age " << (months ? *months : -1) << " months";
        EXPECT_EQ(pdfPages(personal.file), personal.pages);
      }
    }
  }
}

namespace {

void expectGenericOnTwoPages(model::Language language) {
  TempDir dir;
  const HandoutContent content = loadHandoutContent("infant-attachment", language);
  for (const auto paper : kPapers) {
    const auto generic = writeHandout(
        buildGenericHandout(content, sampleGeneric(language, paper, "Sofía")), dir / "g.pdf");
    EXPECT_LE(pdfPages(generic.file), 2u) << describe(language, paper);
    EXPECT_EQ(pdfPages(generic.file), generic.pages);
  }
}

}  // namespace

TEST(HandoutLayout, EnglishGenericFitsTwoPages) {
  expectGenericOnTwoPages(model::Language::en);
}

TEST(HandoutLayout, SpanishGenericFitsTwoPages) {
  expectGenericOnTwoPages(model::Language::es);
}

// Every word pdftotext finds must lie inside the page, right of the margin's edge and above
// the bottom: a long name or goal wraps instead of running off the page.
TEST(HandoutLayout, LongNameAndLongGoalWrapInsideThePage) {
  TempDir dir;
  const std::string long_name(60, 'M');
  std::string goal;
  for (int i = 0; i < 200; ++i) goal += (i % 7 == 0 ? "Wonderful" : "walk") + std::string(" ");
  for (const auto paper : kPapers) {
    const HandoutContent content = loadHandoutContent("infant-attachment", model::Language::en);
    PersonalInputs inputs = samplePersonal(model::Language::en, paper, long_name);
    inputs.open_goals.push_back(goal);
    pdf::Document document = buildPersonalisedHandout(content, inputs);
    const auto file = writeHandout(document, dir / "long.pdf").file;
    const std::string bbox = run("pdftotext -q -bbox " + quoted(file) + " -").output;
    const pdf::Rect page = pdf::pageRect(paper);
    const std::regex word(
        "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">"
        "([^<]*)</word>");
    int words = 0;
    bool saw_name = false;
    for (auto it = std::sregex_iterator(bbox.begin(), bbox.end(), word);
         it != std::sregex_iterator(); ++it) {
      ++words;
      const double x_min = std::stod((*it)[1]);
      const double x_max = std::stod((*it)[3]);
      const double y_max = std::stod((*it)[4]);
      saw_name = saw_name || (*it)[5].str().find("MMMMMMMMMM") != std::string::npos;
      EXPECT_GE(x_min, document.margin - 1) << (*it)[5];
      EXPECT_LE(x_max, page.width - document.margin + 1) << (*it)[5];
      EXPECT_LE(y_max, page.height) << (*it)[5];
    }
    EXPECT_GT(words, 400);
    EXPECT_TRUE(saw_name);
    EXPECT_NE(flattened(pdfText(file)).find("Wonderful walk walk"), std::string::npos);
  }
}

TEST(HandoutLayout, CopiesRepeatThePagesNumberedPerCopy) {
  TempDir dir;
  const HandoutContent content = loadHandoutContent("infant-attachment", model::Language::en);
  const auto one = writeHandout(
      buildGenericHandout(content, sampleGeneric(model::Language::en, pdf::PaperSize::letter)),
      dir / "one.pdf");
  const auto three = writeHandout(
      buildGenericHandout(content, sampleGeneric(model::Language::en, pdf::PaperSize::letter)),
      dir / "three.pdf", 3);
  EXPECT_EQ(pdfPages(three.file), 3 * pdfPages(one.file));
  const std::string text = pdfText(three.file);
  const std::string last = "Page " + std::to_string(one.pages) + " of " + std::to_string(one.pages);
  std::size_t count = 0;
  for (auto at = text.find(last); at != std::string::npos; at = text.find(last, at + 1)) ++count;
  EXPECT_EQ(count, 3u);
  EXPECT_EQ(text.find("Page 3 of"), std::string::npos);
  EXPECT_THROW(renderHandout(pdf::Document{}, 0), Error);
  EXPECT_THROW(renderHandout(pdf::Document{}, 101), Error);
}

}  // namespace securebase::handout
