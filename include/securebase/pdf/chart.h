// Line charts for progress reports: a plain data type, a pure geometry function (scales, ticks,
// gridlines, polylines, markers, legend) and drawing onto any Canvas, so the PDF and the desktop
// program show the same chart. Each series has its own marker shape AND dash pattern, so the
// chart reads when printed in grayscale.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/pdf/canvas.h"

namespace securebase::pdf {

struct ChartSeries {
  std::string name;
  std::vector<std::optional<double>> values;  // one per x label; nullopt = not observed
};

struct LineChart {
  std::string title;
  std::vector<std::string> x_labels;  // e.g. visit dates, already formatted for the reader
  std::vector<ChartSeries> series;
  double y_min = 0;
  double y_max = 100;
  double y_step = 25;  // gridline spacing
};

enum class MarkerShape { circle, square, triangle, diamond, triangle_down };

struct SeriesStyle {
  Color color;
  std::vector<double> dash;  // empty: solid
  MarkerShape marker = MarkerShape::circle;
};

// Style of the n-th series; cycles after five.
SeriesStyle seriesStyle(std::size_t index);

struct ChartTick {
  double value = 0;     // y ticks: the value; x ticks: the label's index
  double position = 0;  // y for y ticks, x for x ticks
  std::string label;
};

struct ChartSeriesPath {
  std::string name;
  SeriesStyle style;
  std::vector<std::vector<Point>> segments;  // broken where a value is missing
  std::vector<Point> markers;                // every present value, including lone points;
                                             // moved sideways where they would overlap
};

struct ChartLegendEntry {
  std::string name;
  SeriesStyle style;
  Point line_from;  // sample line with a marker at its middle
  Point line_to;
  Point label_baseline;
};

struct ChartGeometry {
  static constexpr double kTitleSize = 11;
  static constexpr double kLabelSize = 8.5;
  static constexpr double kMarkerRadius = 3.2;
  // Centre-to-centre distance at which two markers (the widest shape with its halo) no longer
  // touch: closer markers of one date are set this far apart sideways.
  static constexpr double kMarkerSpacing = 2 * (kMarkerRadius * 1.3 + 1.2);

  Rect plot;  // the data area
  Point title_baseline;
  std::vector<ChartTick> y_ticks;
  std::vector<ChartTick> x_ticks;  // labels thinned so they never overlap
  std::vector<ChartSeriesPath> series;
  std::vector<ChartLegendEntry> legend;
};

using ChartTextWidthFn = std::function<double(std::string_view text, double size)>;

// Pure: where everything of `chart` goes inside `box`.
ChartGeometry chartGeometry(const LineChart& chart, const Rect& box,
                            const ChartTextWidthFn& text_width);

// Draws `chart` into `box` on any canvas.
void drawChart(Canvas& canvas, const LineChart& chart, const Rect& box);

// The outline of a marker of `shape` centred on `center` (circles are drawn as circles).
std::vector<Point> markerOutline(MarkerShape shape, Point center, double radius);

}  // namespace securebase::pdf
