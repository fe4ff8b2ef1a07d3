// The family chart at any screen scale and with a single visit (issue 14). These tests run with
// GDK_SCALE=2 on a 2560×1600 virtual screen (see CMakeLists.txt), so the window has the same
// 1280×800 units as everywhere else and every pixel is doubled. The chart is checked by its own
// layout numbers: a plot that keeps its height, labels at the window's text size that do not
// overlap, and every section's marker visible. The date field's calendar and the three pages of
// Preferences are photographed (scaled_calendar, scaled_preferences_1…3) and checked for
// controls running past their window.
#include <gtest/gtest.h>
#include <wx/bookctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "date_field.h"
#include "family_panel.h"
#include "gui_support.h"
#include "main_frame.h"
#include "preferences_dialog.h"
#include "securebase/service/scoring.h"
#include "session.h"
#include "temp_dir.h"
#include "trend_panel.h"
#include "visit_fixture.h"

namespace securebase::testing {
namespace {

class ScaledDisplay : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    auto catalog = std::make_shared<const forms::FormCatalog>(forms::FormCatalog::loadDefault());
    service::enableScoring(store, catalog);
    two_visits_ = addTestFamily(store, "Garcia family", "Rosa", "Mateo");
    recordRatedVisit(store, *catalog, two_visits_, 40, 0, false);
    recordRatedVisit(store, *catalog, two_visits_, 10, 2, false);
    one_visit_ = addTestFamily(store, "Okafor family", "Ngozi", "Ada");
    recordRatedVisit(store, *catalog, one_visit_, 12, 1, false);
  }
  void TearDown() override { closeAllWindows(); }

  // The family's chart, scrolled into view and painted.
  const app::TrendPanel& chartOf(const TestFamily& family, const std::string& shot) {
    auto* frame = showMainFrame(file_);
    frame->selectFamily(family.family);
    pump(200);
    auto& trend = frame->familyPanel().trend();
    if (auto* page = dynamic_cast<wxScrolledWindow*>(trend.GetParent())) page->Scroll(0, 10000);
    trend.Refresh();
    trend.Update();
    pump(300);
    screenshot(shot);
    return trend;
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "scaled.db";
  TestFamily two_visits_, one_visit_;
};

bool overlap(double a_from, double a_to, double b_from, double b_to) {
  return a_from < b_to && b_from < a_to;
}

TEST_F(ScaledDisplay, RunsOnADoubledScreen) {
  // Guards the test's own premise: without GDK_SCALE=2 the other cases prove nothing.
  ASSERT_STREQ(std::getenv("GDK_SCALE"), "2") << "run by ctest, which asks for the scale";
  auto* frame = showMainFrame(file_);
  EXPECT_DOUBLE_EQ(frame->GetContentScaleFactor(), 2.0);
}

TEST_F(ScaledDisplay, ChartKeepsItsProportionsAndTextSize) {
  const app::TrendPanel& trend = chartOf(two_visits_, "scaled_chart_two_visits");
  ASSERT_TRUE(trend.layout().has_value()) << "the chart was never painted";
  const auto& [box, g] = *trend.layout();
  // In window units, as at 1×: 8.5 pt labels at 1.5 units per point, the size of the window's
  // own text, not twice that.
  EXPECT_DOUBLE_EQ(trend.pixelsPerPoint(), 1.5);
  const wxSize size = trend.GetClientSize();
  EXPECT_NEAR(box.width * trend.pixelsPerPoint(), size.x, 30.0);
  // The plot keeps most of the chart's height (it squashed to a line when scaled twice).
  EXPECT_GT(g.plot.height, 0.45 * box.height) << "plot " << g.plot.height << " of " << box.height;
  EXPECT_GT(g.plot.width, 0.75 * box.width);
  // Labels do not overlap each other, and the legend stays inside the chart.
  for (std::size_t i = 1; i < g.x_ticks.size(); ++i)
    EXPECT_GT(g.x_ticks[i].position - g.x_ticks[i - 1].position, 40.0);
  for (std::size_t i = 0; i < g.legend.size(); ++i) {
    EXPECT_GE(g.legend[i].line_from.x, box.x);
    EXPECT_LE(g.legend[i].label_baseline.y, box.bottom() + 0.01);
    for (std::size_t j = i + 1; j < g.legend.size(); ++j) {
      if (g.legend[i].line_from.y != g.legend[j].line_from.y) continue;
      EXPECT_FALSE(overlap(g.legend[i].line_from.x, g.legend[i].label_baseline.x + 20,
                           g.legend[j].line_from.x, g.legend[j].label_baseline.x))
          << g.legend[i].name << " / " << g.legend[j].name;
    }
  }
  EXPECT_GT(g.legend.front().line_from.y, g.plot.bottom() + 8) << "legend below the date labels";
}

TEST_F(ScaledDisplay, OneVisitShowsEverySectionsMarker) {
  const app::TrendPanel& trend = chartOf(one_visit_, "scaled_chart_one_visit");
  ASSERT_TRUE(trend.layout().has_value());
  const auto& g = trend.layout()->geometry;
  std::vector<pdf::Point> markers;
  for (const auto& series : g.series)
    for (const auto& p : series.markers) markers.push_back(p);
  ASSERT_GE(markers.size(), 3u) << "one marker per section scored at the visit";
  for (std::size_t a = 0; a < markers.size(); ++a)
    for (std::size_t b = a + 1; b < markers.size(); ++b)
      EXPECT_GE(std::hypot(markers[a].x - markers[b].x, markers[a].y - markers[b].y),
                2 * pdf::ChartGeometry::kMarkerRadius * 1.3)
          << "markers " << a << " and " << b << " hide each other";
}

// Every control under `window` inside its parent's client area: nothing cut off at the right or
// the bottom. (A notebook's pages sit beside its tabs, outside what GTK calls its client area:
// each page is checked on its own.)
void expectNothingCut(wxWindow& window, const std::string& where) {
  if (dynamic_cast<wxBookCtrlBase*>(&window) != nullptr) return;
  for (wxWindow* child : window.GetChildren()) {
    if (!child->IsShown() || child->IsTopLevel()) continue;
    const wxRect box = child->GetRect();
    const wxSize room = window.GetClientSize();
    EXPECT_LE(box.GetRight(), room.x) << where << ": " << child->GetClassInfo()->GetClassName()
                                      << " '" << child->GetLabel() << "' runs past the right";
    EXPECT_LE(box.GetBottom(), room.y) << where << ": " << child->GetClassInfo()->GetClassName()
                                       << " '" << child->GetLabel() << "' runs past the bottom";
    expectNothingCut(*child, where);
  }
}

TEST_F(ScaledDisplay, CalendarAndPreferencesShowWhole) {
  auto* frame = showMainFrame(file_);
  {
    app::CalendarDialog calendar(frame, model::Date(2024, 11, 2));
    calendar.Show();
    pump(400);
    screenshot("scaled_calendar");
    const wxSize wanted = calendar.calendar().GetBestSize();
    EXPECT_GE(calendar.calendar().GetSize().x, wanted.x);
    EXPECT_GE(calendar.calendar().GetSize().y, wanted.y);
    expectNothingCut(calendar, "calendar");
  }
  app::PreferencesDialog preferences(frame, frame->session().store(), file_);
  preferences.Show();
  for (std::size_t page = 0; page < preferences.pages().GetPageCount(); ++page) {
    preferences.pages().SetSelection(page);
    pump(300);
    screenshot("scaled_preferences_" + std::to_string(page + 1));
    expectNothingCut(*preferences.pages().GetPage(page),
                     "preferences page " + std::to_string(page + 1));
  }
  expectNothingCut(preferences, "preferences");
  EXPECT_LE(preferences.GetSize().y, 800) << "taller than the screen";
}

}  // namespace
}  // namespace securebase::testing
