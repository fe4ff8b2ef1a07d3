#include "securebase/pdf/chart.h"

namespace securebase::pdf {

namespace {

const Color kInk{0.13, 0.13, 0.13};
const Color kGrid{0.85, 0.85, 0.85};
const Color kAxis{0.45, 0.45, 0.45};
const Color kWhite{1, 1, 1};

void drawMarker(Canvas& canvas, const SeriesStyle& style, Point at) {
  // White halo first so a marker stays readable where lines cross.
  canvas.setFill(kWhite);
  canvas.fillCircle(at, ChartGeometry::kMarkerRadius + 1.2);
  canvas.setFill(style.color);
  if (style.marker == MarkerShape::circle)
    canvas.fillCircle(at, ChartGeometry::kMarkerRadius);
  else
    canvas.fillPolygon(markerOutline(style.marker, at, ChartGeometry::kMarkerRadius));
}

}  // namespace

void drawChart(Canvas& canvas, const LineChart& chart, const Rect& box) {
  const ChartGeometry g = chartGeometry(chart, box, [&canvas](std::string_view t, double size) {
    return canvas.textWidth(t, size, false);
  });
  canvas.setFill(kInk);
  if (!chart.title.empty())
    canvas.text(g.title_baseline, chart.title, ChartGeometry::kTitleSize, true);

  canvas.setStroke(kGrid, 0.5);
  for (const ChartTick& tick : g.y_ticks)
    canvas.strokeLine({g.plot.x, tick.position}, {g.plot.right(), tick.position});
  canvas.setStroke(kAxis, 0.8);
  canvas.strokePolyline(
      {{g.plot.x, g.plot.y}, {g.plot.x, g.plot.bottom()}, {g.plot.right(), g.plot.bottom()}});

  canvas.setFill(kAxis);
  const double label = ChartGeometry::kLabelSize;
  for (const ChartTick& tick : g.y_ticks)
    canvas.text({g.plot.x - 4, tick.position + label * 0.35}, tick.label, label, false,
                TextAlign::right);
  for (const ChartTick& tick : g.x_ticks) {
    canvas.setStroke(kAxis, 0.8);
    canvas.strokeLine({tick.position, g.plot.bottom()}, {tick.position, g.plot.bottom() + 3});
    canvas.text({tick.position, g.plot.bottom() + 3 + label}, tick.label, label, false,
                TextAlign::center);
  }

  for (const ChartSeriesPath& path : g.series) {
    canvas.setStroke(path.style.color, 1.6, path.style.dash);
    for (const auto& segment : path.segments) canvas.strokePolyline(segment);
    for (const Point& p : path.markers) drawMarker(canvas, path.style, p);
  }

  for (const ChartLegendEntry& entry : g.legend) {
    canvas.setStroke(entry.style.color, 1.6, entry.style.dash);
    canvas.strokeLine(entry.line_from, entry.line_to);
    drawMarker(canvas, entry.style, {(entry.line_from.x + entry.line_to.x) / 2, entry.line_from.y});
    canvas.setFill(kInk);
    canvas.text(entry.label_baseline, entry.name, label, false);
  }
  canvas.setStroke(kInk, 1);
}

}  // namespace securebase::pdf
