// One truth on every screen (issue 10, "done when"): for all 200 demo families, the flag, trend,
// last visit and next due that the window's caseload list shows are what `securebase-cli
// caseload --format json` prints and what the progress report computes — and, for a sample of
// families, what the report's PDF says.
#include <gtest/gtest.h>
#include <wx/listctrl.h>

#include <boost/json/parse.hpp>
#include <map>
#include <string>

#include "caseload_panel.h"
#include "gui_support.h"
#include "main_frame.h"
#include "securebase/report/progress_report.h"
#include "securebase/report/trends.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

// The list's column titled `title`, read from the control's own header.
long columnTitled(wxListCtrl& list, const wxString& title) {
  for (int column = 0; column < list.GetColumnCount(); ++column) {
    wxListItem header;
    header.SetMask(wxLIST_MASK_TEXT);
    list.GetColumn(column, header);
    if (header.GetText() == title) return column;
  }
  ADD_FAILURE() << "the caseload has no column " << title.utf8_string();
  return 0;
}

// What each program prints for "no date": the window a dash, the CLI a hyphen.
std::string windowDate(const std::optional<model::Date>& date) {
  return date ? date->iso() : "—";
}
std::string cliDate(const std::optional<model::Date>& date) {
  return date ? date->iso() : "-";
}

// The CLI's trend word as the window's arrow.
std::string arrowOfWord(std::string_view word) {
  if (word == "up") return std::string(report::arrowGlyph(report::TrendArrow::up));
  if (word == "down") return std::string(report::arrowGlyph(report::TrendArrow::down));
  if (word == "steady") return std::string(report::arrowGlyph(report::TrendArrow::steady));
  return "";
}

std::string collapsedSpaces(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

class CaseloadAgreementTest : public ::testing::Test {
 protected:
  void TearDown() override { closeAllWindows(); }
};

TEST_F(CaseloadAgreementTest, WindowCommandLineAndReportsAgreeOnEveryDemoFamily) {
  TempDir dir;
  const fs::path file = dir / "demo.db";
  const fs::path key = writeKeyFile(dir.path());
  const std::string db = " --db '" + file.string() + "'";
  ASSERT_EQ(runCli("demo --families 200 --seed 11 --today 2025-06-01" + db, key), 0);
  const json::array printed =
      json::parse(cliOutput("caseload --status all --format json" + db, key)).as_array();
  ASSERT_EQ(printed.size(), 200u);
  std::map<model::Id, json::object> cli_rows;
  for (const auto& row : printed)
    cli_rows[std::stoll(std::string(row.at("id").as_string()))] = row.as_object();

  auto* frame = showMainFrame(file);
  frame->caseload().setView(app::CaseloadView::all);
  pump(100);
  screenshot("caseload_of_200_demo_families");

  auto& list = frame->caseload().list();
  ASSERT_EQ(list.GetItemCount(), 200);
  const long last_column = columnTitled(list, "Last visit");
  const long due_column = columnTitled(list, "Next due");
  const long trend_column = columnTitled(list, "Trend");
  const long flag_column = columnTitled(list, "Flag");
  auto& store = frame->session().store();
  const auto forms = report::formLookupFor(store, frame->session().catalog());
  const std::string flag_glyph = "\u2691";

  int with_trend = 0, flagged = 0, closed = 0;
  std::map<std::string, model::Id> sample;  // one family per kind of standing, for the PDF
  for (long item = 0; item < list.GetItemCount(); ++item) {
    // Which family the row is; everything compared is read from the control's items.
    const model::Id id = list.shownRow(static_cast<std::size_t>(item)).summary.family.id;
    SCOPED_TRACE("family " + std::to_string(id) + " (" + list.GetItemText(item).utf8_string() +
                 ")");
    ASSERT_EQ(cli_rows.count(id), 1u);
    const json::object& cli = cli_rows[id];
    const auto record = store.loadFamily(id);
    const report::FamilyStanding report = report::familyStanding(record, forms);

    const std::string window_last = list.GetItemText(item, last_column).utf8_string();
    EXPECT_EQ(window_last, windowDate(report.last_visit));
    EXPECT_EQ(cli.at("last_visit").as_string(), cliDate(report.last_visit));

    const std::string window_due = list.GetItemText(item, due_column).utf8_string();
    if (record.family.status == model::FamilyStatus::active) {
      EXPECT_EQ(window_due, windowDate(report.next_due));
    } else {
      EXPECT_EQ(window_due, "closed");
      ++closed;
    }
    EXPECT_EQ(cli.at("next_due").as_string(), cliDate(report.next_due));

    const std::string window_flag = list.GetItemText(item, flag_column).utf8_string();
    EXPECT_EQ(window_flag, report.flagged ? flag_glyph : "");
    EXPECT_EQ(cli.at("flagged").as_string(), report.flagged ? "yes" : "no");

    const auto arrow = report::trendArrow(report.trend_points);
    const std::string window_trend = list.GetItemText(item, trend_column).utf8_string();
    EXPECT_EQ(window_trend, report::arrowGlyph(arrow));
    EXPECT_EQ(arrowOfWord(cli.at("trend").as_string()), report::arrowGlyph(arrow));
    EXPECT_EQ(cli.at("trend_points").as_string(),
              report.trend_points ? report::trendPointsText(*report.trend_points) : "");

    with_trend += report.trend_points ? 1 : 0;
    flagged += report.flagged ? 1 : 0;
    const std::string kind = std::string(report::arrowGlyph(arrow)) + (report.flagged ? "F" : "");
    if (report.last_visit) sample.emplace(kind, id);
  }
  // The comparison covered real trends of every direction, flags and closed families.
  EXPECT_GT(with_trend, 100);
  EXPECT_GT(flagged, 0);
  EXPECT_GT(closed, 0);
  EXPECT_GE(sample.size(), 4u);

  // The report's PDF says the same of a family of each kind.
  for (const auto& [kind, id] : sample) {
    SCOPED_TRACE("report of family " + std::to_string(id) + " (" + kind + ")");
    const fs::path pdf = dir / ("report-" + std::to_string(id) + ".pdf");
    ASSERT_EQ(runCli("report --family " + std::to_string(id) + " --lang en -o '" + pdf.string() +
                         "'" + db,
                     key),
              0);
    const std::string text =
        collapsedSpaces(run("pdftotext -q '" + pdf.string() + "' - 2>/dev/null"));
    const report::FamilyStanding report = report::familyStanding(store.loadFamily(id), forms);
    const json::object& cli = cli_rows[id];
    const std::string points(cli.at("trend_points").as_string());
    if (!points.empty()) {
      EXPECT_NE(text.find("Trend since the visit before the latest: " + points + " points ("),
                std::string::npos)
          << text;
    }
    EXPECT_EQ(text.find("raised a concern for follow-up") != std::string::npos, report.flagged)
        << text;
  }
}

}  // namespace
}  // namespace securebase::testing
