#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "securebase/pdf/chart.h"

namespace securebase::pdf {

namespace {

constexpr double kLegendRowHeight = 14;
constexpr double kLegendSampleLength = 26;
constexpr double kXLabelBand = 16;
constexpr double kEdgePad = 14;  // keeps first and last points off the axes

std::string tickLabel(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", std::round(value * 10) / 10);
  return buffer;
}

std::vector<ChartLegendEntry> legendEntries(const LineChart& chart, const Rect& box,
                                            const ChartTextWidthFn& text_width, double& height) {
  std::vector<ChartLegendEntry> entries;
  double x = box.x;
  double row = 0;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const std::string& name = chart.series[i].name;
    const double width = kLegendSampleLength + 5 + text_width(name, ChartGeometry::kLabelSize) + 16;
    if (x > box.x && x + width > box.right()) {
      x = box.x;
      ++row;
    }
    entries.push_back({name, seriesStyle(i), {x, row * kLegendRowHeight}, {}, {}});
    x += width;
  }
  const double rows = entries.empty() ? 0 : row + 1;
  height = rows * kLegendRowHeight;
  const double top = box.bottom() - height;
  for (ChartLegendEntry& entry : entries) {
    const double mid = top + entry.line_from.y + kLegendRowHeight / 2;
    entry.line_from = {entry.line_from.x, mid};
    entry.line_to = {entry.line_from.x + kLegendSampleLength, mid};
    entry.label_baseline = {entry.line_to.x + 5, mid + ChartGeometry::kLabelSize * 0.35};
  }
  return entries;
}

// Markers of different series at one date whose values are close would be drawn on top of each
// other (with a single visit, sections scoring alike showed one marker for four). Such a group is
// spread sideways, centred on the date, so every section's marker stays visible; the value (the
// height) is never changed.
void dodgeCoincidentMarkers(std::vector<std::vector<std::optional<Point>>>& places,
                            std::size_t count, double left, double right) {
  const double apart = ChartGeometry::kMarkerSpacing;
  for (std::size_t i = 0; i < count; ++i) {
    std::vector<Point*> column;
    for (auto& series : places)
      if (series[i]) column.push_back(&*series[i]);
    std::stable_sort(column.begin(), column.end(),
                     [](const Point* a, const Point* b) { return a->y < b->y; });
    std::size_t first = 0;
    while (first < column.size()) {
      std::size_t last = first;
      while (last + 1 < column.size() && column[last + 1]->y - column[last]->y < apart) ++last;
      const std::size_t size = last - first + 1;
      const double half = static_cast<double>(size - 1) / 2 * apart;
      // Kept inside the plot: a group at the first or last date shifts inwards as a whole.
      const double centre =
          std::clamp(column[first]->x, std::min(left + half, right), std::max(right - half, left));
      for (std::size_t k = 0; k < size; ++k)
        column[first + k]->x = centre - half + static_cast<double>(k) * apart;
      first = last + 1;
    }
  }
}

}  // namespace

SeriesStyle seriesStyle(std::size_t index) {
  static const SeriesStyle styles[] = {
      {{0.12, 0.44, 0.42}, {}, MarkerShape::circle},
      {{0.75, 0.35, 0.10}, {6, 3}, MarkerShape::square},
      {{0.36, 0.29, 0.60}, {2, 2}, MarkerShape::triangle},
      {{0.27, 0.27, 0.27}, {8, 3, 2, 3}, MarkerShape::diamond},
      {{0.48, 0.48, 0.10}, {4, 4}, MarkerShape::triangle_down},
  };
  return styles[index % std::size(styles)];
}

ChartGeometry chartGeometry(const LineChart& chart, const Rect& box,
                            const ChartTextWidthFn& text_width) {
  ChartGeometry g;
  double top = box.y;
  if (!chart.title.empty()) {
    g.title_baseline = {box.x, box.y + ChartGeometry::kTitleSize};
    top += ChartGeometry::kTitleSize + 8;
  }
  double legend_height = 0;
  g.legend = legendEntries(chart, box, text_width, legend_height);

  const double span = chart.y_max > chart.y_min ? chart.y_max - chart.y_min : 1.0;
  const double step = chart.y_step > 0 ? chart.y_step : span / 4;
  std::vector<double> values;
  for (double v = chart.y_min; v <= chart.y_max + step * 1e-6; v += step) values.push_back(v);
  double label_width = 0;
  for (double v : values)
    label_width = std::max(label_width, text_width(tickLabel(v), ChartGeometry::kLabelSize));

  const double left = box.x + label_width + 6;
  const double bottom = box.bottom() - legend_height - kXLabelBand - (legend_height > 0 ? 4 : 0);
  g.plot = {left, top + 4, std::max(box.right() - 4 - left, 1.0), std::max(bottom - top - 4, 1.0)};

  const auto yOf = [&](double v) {
    const double clamped = std::clamp(v, chart.y_min, chart.y_min + span);
    return g.plot.bottom() - (clamped - chart.y_min) / span * g.plot.height;
  };
  for (double v : values) g.y_ticks.push_back({v, yOf(v), tickLabel(v)});

  const std::size_t count = chart.x_labels.size();
  const double inner = std::max(g.plot.width - 2 * kEdgePad, 1.0);
  const auto xOf = [&](std::size_t i) {
    return count <= 1 ? g.plot.x + g.plot.width / 2
                      : g.plot.x + kEdgePad +
                            inner * static_cast<double>(i) / static_cast<double>(count - 1);
  };
  double widest = 0;
  for (const std::string& label : chart.x_labels)
    widest = std::max(widest, text_width(label, ChartGeometry::kLabelSize));
  const double spacing = count <= 1 ? inner : inner / static_cast<double>(count - 1);
  const auto every = static_cast<std::size_t>(std::max(1.0, std::ceil((widest + 6) / spacing)));
  for (std::size_t i = 0; i < count; i += every)
    g.x_ticks.push_back({static_cast<double>(i), xOf(i), chart.x_labels[i]});

  // Where each present value lands, before markers that would hide each other are moved apart.
  std::vector<std::vector<std::optional<Point>>> places(chart.series.size());
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const auto& series_values = chart.series[s].values;
    places[s].resize(count);
    for (std::size_t i = 0; i < count; ++i)
      if (i < series_values.size() && series_values[i].has_value())
        places[s][i] = Point{xOf(i), yOf(*series_values[i])};
  }
  dodgeCoincidentMarkers(places, count, g.plot.x + ChartGeometry::kMarkerSpacing / 2,
                         g.plot.right() - ChartGeometry::kMarkerSpacing / 2);

  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    ChartSeriesPath path{chart.series[s].name, seriesStyle(s), {}, {}};
    std::vector<Point> run;
    for (std::size_t i = 0; i < count; ++i) {
      if (!places[s][i]) {
        if (run.size() > 1) path.segments.push_back(run);
        run.clear();
        continue;
      }
      run.push_back(*places[s][i]);
      path.markers.push_back(*places[s][i]);
    }
    if (run.size() > 1) path.segments.push_back(run);
    g.series.push_back(std::move(path));
  }
  return g;
}

std::vector<Point> markerOutline(MarkerShape shape, Point c, double r) {
  switch (shape) {
    case MarkerShape::square:
      return {{c.x - r, c.y - r}, {c.x + r, c.y - r}, {c.x + r, c.y + r}, {c.x - r, c.y + r}};
    case MarkerShape::triangle:
      return {{c.x, c.y - r * 1.2}, {c.x + r * 1.1, c.y + r * 0.8}, {c.x - r * 1.1, c.y + r * 0.8}};
    case MarkerShape::triangle_down:
      return {{c.x, c.y + r * 1.2}, {c.x + r * 1.1, c.y - r * 0.8}, {c.x - r * 1.1, c.y - r * 0.8}};
    case MarkerShape::diamond:
      return {
          {c.x, c.y - r * 1.3}, {c.x + r * 1.3, c.y}, {c.x, c.y + r * 1.3}, {c.x - r * 1.3, c.y}};
    case MarkerShape::circle:
      break;
  }
  std::vector<Point> points;
  for (int i = 0; i < 16; ++i) {
    const double angle = i * 3.14159265358979 / 8;
    points.push_back({c.x + r * std::cos(angle), c.y + r * std::sin(angle)});
  }
  return points;
}

}  // namespace securebase::pdf
