// Progress reports as real PDFs, checked with poppler and qpdf: order of the parts, many visits
// across pages, no visits, ages, and what the parent's copy must never hold.
#include <gtest/gtest.h>

#include <regex>

#include "pdf_test_support.h"
#include "report_fixture.h"
#include "securebase/pdf/render.h"
#include "securebase/report/progress_report.h"
#include "temp_dir.h"

namespace securebase::report {
namespace {

using pdf::testing::pdfText;
using pdf::testing::quoted;
using pdf::testing::run;

class ReportPdf : public ::testing::Test {
 protected:
  ReportPdf() : data_(dir_ / "r.db") {}

  std::filesystem::path write(model::Id family, ReportOptions options,
                              const std::string& name = "report.pdf") {
    options.today = {2026, 3, 14};
    const auto path = dir_ / name;
    pdf::writePdf(progressReport(data_.store(), data_.catalog(), family, options), path);
    return path;
  }

  std::string text(model::Id family, ReportOptions options) {
    return pdfText(write(family, options));
  }

  securebase::testing::TempDir dir_;
  testing::ReportDatabase data_;
};

ReportOptions parentOptions(model::Language language = model::Language::en) {
  ReportOptions options;
  options.audience = Audience::parent;
  options.language = language;
  return options;
}

// Position of each needle in `haystack`, in order; fails naming the first one out of order.
void expectInOrder(const std::string& haystack, const std::vector<std::string>& needles) {
  std::size_t at = 0;
  for (const auto& needle : needles) {
    const auto found = haystack.find(needle, at);
    ASSERT_NE(found, std::string::npos) << "\"" << needle << "\" missing or out of order";
    at = found + needle.size();
  }
}

TEST_F(ReportPdf, ClinicalPartsComeInReadingOrder) {
  const auto family = data_.addFamily("Rivera family", {});
  expectInOrder(text(family, {}), {"Progress report",
                                   "Rivera family",
                                   "Sofía",
                                   "Dana Whitfield",
                                   "Period",
                                   "Visits",
                                   "expected visits completed",
                                   "Missed:",
                                   "Concern flags",
                                   "Section scores over time",
                                   "Items by visit",
                                   "Visits 1 to",
                                   "Strengths and growth areas",
                                   "Goals",
                                   "Hold Sofía close",
                                   "Referrals",
                                   "Community mental health",
                                   "Counselor notes",
                                   "Reviewed and signed",
                                   "Signature"});
}

TEST_F(ReportPdf, HundredVisitsSplitIntoReadableTablesThatStayOnThePage) {
  const auto family = data_.addFamily(
      "Rivera family", {.visits = 100, .first_visit = {2022, 1, 3}, .birth = {2021, 12, 1}});
  for (auto paper : {pdf::PaperSize::letter, pdf::PaperSize::a4}) {
    ReportOptions options;
    options.paper = paper;
    const auto path = write(family, options);
    const auto check = run("qpdf --check " + quoted(path));
    EXPECT_EQ(check.status, 0) << check.output;
    const std::string bbox = pdfText(path, "-bbox");
    const std::regex page_re(R"re(<page width="([0-9.]+)")re");
    std::smatch page;
    ASSERT_TRUE(std::regex_search(bbox, page, page_re));
    const double width = std::stod(page[1]);
    EXPECT_NEAR(width, pdf::pageRect(paper).width, 0.5);
    const std::regex word_re(R"re(xMax="([0-9.]+)")re");
    int words = 0;
    for (auto it = std::sregex_iterator(bbox.begin(), bbox.end(), word_re);
         it != std::sregex_iterator(); ++it, ++words)
      ASSERT_LE(std::stod((*it)[1]), width - 36) << "a word runs into the right margin";
    EXPECT_GT(words, 2000);
    const std::string plain = pdfText(path);
    // 100 visits, 78 completed: split into tables of at most 8 visits each, all covered.
    const std::regex range_re(R"(Visits (\d+) to (\d+) of (\d+))");
    int covered = 0;
    for (auto it = std::sregex_iterator(plain.begin(), plain.end(), range_re);
         it != std::sregex_iterator(); ++it) {
      const int first = std::stoi((*it)[1]), last = std::stoi((*it)[2]);
      EXPECT_EQ(first, covered + 1);
      EXPECT_LE(last - first + 1, 8);
      EXPECT_EQ(std::stoi((*it)[3]), 78);
      covered = last;
    }
    EXPECT_EQ(covered, 78);
    const auto info = run("pdfinfo " + quoted(path)).output;
    std::smatch pages;
    ASSERT_TRUE(std::regex_search(info, pages, std::regex(R"(Pages:\s+(\d+))")));
    EXPECT_GT(std::stoi(pages[1]), 10);
  }
}

TEST_F(ReportPdf, OneVisit) {
  const auto family = data_.addFamily("Rivera family", {.visits = 1});
  const auto clinical = text(family, {});
  EXPECT_NE(clinical.find("1 of 1 expected visits completed (100%)"), std::string::npos);
  EXPECT_NE(clinical.find("Items by visit"), std::string::npos);
  EXPECT_EQ(text(family, {}).find("Visits 1 to"), std::string::npos);  // one table only
  EXPECT_NE(text(family, parentOptions()).find("We met once"), std::string::npos);
}

TEST_F(ReportPdf, NoVisitsGivesOnePageSayingSo) {
  const auto family = data_.addFamily("Rivera family", {.visits = 0, .referral = false});
  const auto path = write(family, {});
  EXPECT_NE(pdfText(path).find("No visits are recorded for this family yet."), std::string::npos);
  EXPECT_NE(run("pdfinfo " + quoted(path)).output.find("Pages:           1"), std::string::npos);
  EXPECT_NE(text(family, parentOptions()).find("We have not had a visit yet"), std::string::npos);
}

TEST_F(ReportPdf, DateRangeWithoutVisitsSaysSo) {
  const auto family = data_.addFamily("Rivera family", {.visits = 5});
  ReportOptions options;
  options.period = {model::Date{2024, 1, 1}, model::Date{2024, 6, 30}};
  EXPECT_NE(text(family, options)
                .find("No visits were recorded between January 1, 2024 and June 30, 2024."),
            std::string::npos);
}

TEST_F(ReportPdf, CorrectedAgeUntilTwentyFourMonths) {
  const auto family = data_.addFamily("Rivera family", {.visits = 3});  // born at 32 weeks
  ReportOptions young;
  young.period.to = model::Date{2025, 6, 1};
  EXPECT_NE(text(family, young).find("corrected age"), std::string::npos);
  auto parent_young = parentOptions();
  parent_young.period.to = young.period.to;
  EXPECT_NE(text(family, parent_young).find("counting from the due date"), std::string::npos);
  ReportOptions older;
  older.period.to = model::Date{2027, 1, 1};  // 25 months
  EXPECT_EQ(text(family, older).find("corrected"), std::string::npos);
}

class AudienceContent : public ReportPdf {
 protected:
  std::vector<std::string> privateLabels() const {
    std::vector<std::string> labels;
    for (const auto& section : data_.form().sections)
      if (section.is_private) {
        labels.push_back(section.title.get("en"));
        for (const auto& item : section.items) labels.push_back(item.label.get("en"));
      }
    return labels;
  }
};

TEST_F(AudienceContent, ParentCopyHoldsNoScoreFlagReferralOrWellbeingItem) {
  const auto family = data_.addFamily("Rivera family", {});
  const auto parent = text(family, parentOptions());
  EXPECT_EQ(parent.find('%'), std::string::npos);
  EXPECT_FALSE(std::regex_search(parent, std::regex(R"(\d\s*%)")));
  for (const auto& banned : {"Concern", "concern", "Referral", "Community mental health",
                             "Low mood", "points", "Section score", "Missed", "expected"})
    EXPECT_EQ(parent.find(banned), std::string::npos) << banned;
  for (const auto& label : privateLabels())
    EXPECT_EQ(parent.find(label), std::string::npos) << label;
  EXPECT_NE(parent.find("What you are doing well"), std::string::npos);
}

TEST_F(AudienceContent, ClinicalCopyHoldsThemAll) {
  const auto family = data_.addFamily("Rivera family", {});
  const auto clinical = text(family, {});
  EXPECT_TRUE(std::regex_search(clinical, std::regex(R"(\d+%)")));
  for (const auto& wanted : {"Concern", "Community mental health", "Low mood", "points"})
    EXPECT_NE(clinical.find(wanted), std::string::npos) << wanted;
  for (const auto& label : privateLabels()) {
    if (label.find("concern") != std::string::npos || label.find("Next step") == 0) continue;
    EXPECT_NE(clinical.find(label.substr(0, 20)), std::string::npos) << label;
  }
}

TEST_F(AudienceContent, SpanishParentCopyIsInSpanish) {
  const auto family =
      data_.addFamily("Familia Rivera", {.language = model::Language::es, .referral = false});
  const auto parent = text(family, parentOptions(model::Language::es));
  EXPECT_NE(parent.find("Nuestras visitas juntos"), std::string::npos);
  EXPECT_NE(parent.find("Lo que haces bien"), std::string::npos);
  EXPECT_NE(parent.find("Página 1 de"), std::string::npos);
  EXPECT_EQ(parent.find('%'), std::string::npos);
}

TEST(ReportTextFiles, EnglishAndSpanishHoldTheSameKeys) {
  const auto en = ReportText::loadDefault(model::Language::en);
  const auto es = ReportText::loadDefault(model::Language::es);
  ASSERT_EQ(en.texts().size(), es.texts().size());
  for (const auto& [key, value] : en.texts()) EXPECT_TRUE(es.texts().count(key)) << key;
  EXPECT_EQ(en.longDate({2026, 3, 14}), "March 14, 2026");
  EXPECT_EQ(es.longDate({2026, 3, 14}), "14 de marzo de 2026");
}

}  // namespace
}  // namespace securebase::report
