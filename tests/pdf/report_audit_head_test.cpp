// The clinical progress report prints the audit trail's head hash under its signature, so a
// later rewrite of the trail shows against the paper; the parent's copy leaves it out.
#include <gtest/gtest.h>

#include "pdf_test_support.h"
#include "report_fixture.h"
#include "securebase/pdf/render.h"
#include "securebase/report/progress_report.h"
#include "securebase/store/audit_chain.h"
#include "temp_dir.h"

namespace securebase::report {
namespace {

std::string withoutWhitespace(const std::string& text) {
  std::string out;
  for (const char c : text)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\f') out += c;
  return out;
}

class ReportAuditHead : public ::testing::Test {
 protected:
  ReportAuditHead() : data_(dir_ / "r.db") {}

  std::string text(model::Id family, ReportOptions options) {
    options.today = {2026, 3, 14};
    const auto path = dir_ / "report.pdf";
    pdf::writePdf(progressReport(data_.store(), data_.catalog(), family, options), path);
    return pdf::testing::pdfText(path);
  }

  securebase::testing::TempDir dir_;
  testing::ReportDatabase data_;
};

TEST_F(ReportAuditHead, ClinicalReportPrintsTheHeadAtTheTimeItWasMade) {
  const auto family = data_.addFamily("Rivera family", {});
  const std::string head = store::auditHead(data_.store().database());
  ASSERT_NE(head, store::kAuditGenesisHash);
  for (const auto paper : {pdf::PaperSize::letter, pdf::PaperSize::a4}) {
    const auto clinical = text(family, {.paper = paper});
    const auto label = clinical.find("Audit chain head:");
    ASSERT_NE(label, std::string::npos) << clinical;
    EXPECT_GT(label, clinical.find("Reviewed and signed"));
    // Printed in groups of 16 that may wrap; the digits in order are the head.
    EXPECT_EQ(withoutWhitespace(clinical.substr(label)).substr(15, 64), head);
    EXPECT_NE(clinical.find(head.substr(0, 16)), std::string::npos);
  }
}

TEST_F(ReportAuditHead, SpanishClinicalReportPrintsItToo) {
  const auto family = data_.addFamily("Familia Rivera", {.language = model::Language::es});
  const auto clinical = text(family, {.language = model::Language::es});
  const std::string head = store::auditHead(data_.store().database());
  EXPECT_NE(withoutWhitespace(clinical).find(head), std::string::npos) << clinical;
}

TEST_F(ReportAuditHead, ParentCopyLeavesItOut) {
  const auto family = data_.addFamily("Rivera family", {});
  const std::string head = store::auditHead(data_.store().database());
  const auto parent = text(family, {.audience = Audience::parent});
  EXPECT_EQ(parent.find("Audit chain"), std::string::npos);
  EXPECT_EQ(withoutWhitespace(parent).find(head.substr(0, 16)), std::string::npos);
}

TEST(ReportAuditHeadInput, AReportBuiltWithoutADatabasePrintsNoHead) {
  ReportInput input;
  input.record.family.display_name = "Rivera family";
  const auto text = ReportText::loadDefault(model::Language::en);
  Trends trends;
  const auto paragraphs = [&] {
    std::vector<std::string> texts;
    for (const auto& block : buildProgressReport(input, trends, text, {}).blocks)
      if (const auto* p = std::get_if<pdf::Paragraph>(&block)) texts.push_back(p->text);
    return texts;
  };
  for (const auto& paragraph : paragraphs())
    EXPECT_EQ(paragraph.find("Audit chain"), std::string::npos) << paragraph;
  input.audit_head = std::string(64, 'a');
  const std::string group(16, 'a');
  const std::string expected =
      "Audit chain head: " + group + " " + group + " " + group + " " + group;
  bool printed = false;
  for (const auto& paragraph : paragraphs()) printed = printed || paragraph == expected;
  EXPECT_TRUE(printed);
}

}  // namespace
}  // namespace securebase::report
