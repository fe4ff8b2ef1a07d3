#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "securebase/pdf/chart.h"

namespace securebase::pdf {
namespace {

double sixPerChar(std::string_view text, double) {
  return 6.0 * static_cast<double>(text.size());
}

LineChart sample() {
  LineChart chart;
  chart.title = "Scores";
  chart.x_labels = {"Jan 1", "Feb 1", "Mar 1", "Apr 1"};
  chart.series = {{"Comfort", {0, 50, std::nullopt, 100}}, {"Cues", {25, 25, 75, 75}}};
  return chart;
}

const Rect kBox{100, 200, 400, 240};

TEST(ChartGeometry, MapsValuesLinearlyIntoThePlotArea) {
  const ChartGeometry g = chartGeometry(sample(), kBox, sixPerChar);
  const auto& cues = g.series[1].markers;
  ASSERT_EQ(cues.size(), 4u);
  EXPECT_DOUBLE_EQ(cues[0].y, g.plot.bottom() - 0.25 * g.plot.height);
  EXPECT_DOUBLE_EQ(cues[2].y, g.plot.bottom() - 0.75 * g.plot.height);
  const auto& comfort = g.series[0].markers;
  EXPECT_DOUBLE_EQ(comfort[0].y, g.plot.bottom());
  EXPECT_DOUBLE_EQ(comfort[2].y, g.plot.y);
  EXPECT_LT(cues[0].x, cues[1].x);
  EXPECT_GT(cues[0].x, g.plot.x);
  EXPECT_LT(cues[3].x, g.plot.right());
}

TEST(ChartGeometry, BreaksTheLineWhereAValueIsMissing) {
  const ChartGeometry g = chartGeometry(sample(), kBox, sixPerChar);
  EXPECT_EQ(g.series[0].markers.size(), 3u) << "a missing value has no marker";
  ASSERT_EQ(g.series[0].segments.size(), 1u) << "the lone last point is a marker only";
  EXPECT_EQ(g.series[0].segments[0].size(), 2u);
  ASSERT_EQ(g.series[1].segments.size(), 1u);
  EXPECT_EQ(g.series[1].segments[0].size(), 4u);
}

TEST(ChartGeometry, TicksEveryStepFromMinimumToMaximum) {
  const ChartGeometry g = chartGeometry(sample(), kBox, sixPerChar);
  ASSERT_EQ(g.y_ticks.size(), 5u);
  EXPECT_EQ(g.y_ticks.front().label, "0");
  EXPECT_EQ(g.y_ticks.back().label, "100");
  EXPECT_DOUBLE_EQ(g.y_ticks.back().position, g.plot.y);
  EXPECT_EQ(g.x_ticks.size(), 4u);
}

TEST(ChartGeometry, ThinsDateLabelsSoTheyNeverOverlap) {
  LineChart chart = sample();
  chart.x_labels.clear();
  for (int i = 0; i < 30; ++i) chart.x_labels.push_back("2026-03-" + std::to_string(10 + i));
  chart.series[0].values.assign(30, 50.0);
  const ChartGeometry g = chartGeometry(chart, kBox, sixPerChar);
  ASSERT_GT(g.x_ticks.size(), 1u);
  EXPECT_LT(g.x_ticks.size(), 30u);
  for (std::size_t i = 1; i < g.x_ticks.size(); ++i) {
    const double gap = g.x_ticks[i].position - g.x_ticks[i - 1].position;
    EXPECT_GE(gap, sixPerChar(g.x_ticks[i].label, 0));
  }
}

TEST(ChartGeometry, EverySeriesHasItsOwnMarkerAndDash) {
  std::set<int> markers;
  std::set<std::vector<double>> dashes;
  for (std::size_t i = 0; i < 5; ++i) {
    markers.insert(static_cast<int>(seriesStyle(i).marker));
    dashes.insert(seriesStyle(i).dash);
  }
  EXPECT_EQ(markers.size(), 5u);
  EXPECT_EQ(dashes.size(), 5u);
}

TEST(ChartGeometry, KeepsEverythingInsideTheBox) {
  LineChart chart = sample();
  for (int i = 0; i < 6; ++i)
    chart.series.push_back({"Series with a long name " + std::to_string(i), {10, 20, 30, 40}});
  const ChartGeometry g = chartGeometry(chart, kBox, sixPerChar);
  EXPECT_GE(g.plot.x, kBox.x);
  EXPECT_LE(g.plot.right(), kBox.right());
  EXPECT_GE(g.plot.y, kBox.y);
  for (const ChartLegendEntry& entry : g.legend) {
    EXPECT_GE(entry.line_from.x, kBox.x);
    EXPECT_LE(entry.label_baseline.x + sixPerChar(entry.name, 0), kBox.right() + 16);
    EXPECT_GT(entry.line_from.y, g.plot.bottom());
    EXPECT_LE(entry.line_from.y, kBox.bottom());
  }
}

// Every marker of one chart, with the series it belongs to.
std::vector<std::pair<std::size_t, Point>> allMarkers(const ChartGeometry& g) {
  std::vector<std::pair<std::size_t, Point>> markers;
  for (std::size_t s = 0; s < g.series.size(); ++s)
    for (const Point& p : g.series[s].markers) markers.emplace_back(s, p);
  return markers;
}

void expectNoMarkerHidesAnother(const ChartGeometry& g) {
  const auto markers = allMarkers(g);
  for (std::size_t a = 0; a < markers.size(); ++a)
    for (std::size_t b = a + 1; b < markers.size(); ++b) {
      const double dx = markers[a].second.x - markers[b].second.x;
      const double dy = markers[a].second.y - markers[b].second.y;
      EXPECT_GE(std::hypot(dx, dy), 2 * ChartGeometry::kMarkerRadius * 1.3)
          << "series " << markers[a].first << " and " << markers[b].first << " overlap";
    }
  for (const auto& [series, p] : markers) {
    EXPECT_GE(p.x, g.plot.x);
    EXPECT_LE(p.x, g.plot.right());
  }
}

TEST(ChartGeometry, OneVisitShowsEverySectionsMarkerEvenWhenScoresAreEqual) {
  LineChart chart;
  chart.x_labels = {"2026-03-10"};
  for (const char* name : {"Comfort", "Cues", "Play", "Rest"})
    chart.series.push_back({name, {50.0}});
  const ChartGeometry g = chartGeometry(chart, kBox, sixPerChar);
  ASSERT_EQ(allMarkers(g).size(), 4u);
  expectNoMarkerHidesAnother(g);
  // The heights still say the value: all four at 50.
  for (const auto& [series, p] : allMarkers(g))
    EXPECT_DOUBLE_EQ(p.y, g.plot.bottom() - 0.5 * g.plot.height);
}

TEST(ChartGeometry, CloseValuesAtTheFirstAndLastDateStayApartAndInsideThePlot) {
  LineChart chart;
  chart.x_labels = {"Jan", "Feb", "Mar"};
  chart.series = {{"A", {50.0, 10.0, 99.0}},
                  {"B", {51.0, 90.0, 100.0}},
                  {"C", {49.0, 40.0, 100.0}},
                  {"D", {50.0, 70.0, 98.0}},
                  {"E", {52.0, 20.0, 97.0}}};
  const ChartGeometry g = chartGeometry(chart, kBox, sixPerChar);
  expectNoMarkerHidesAnother(g);
  // Values far apart are left where they belong.
  EXPECT_DOUBLE_EQ(g.series[0].markers[1].x, g.series[1].markers[1].x);
}

}  // namespace
}  // namespace securebase::pdf
