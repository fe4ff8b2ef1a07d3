// The portable way to draw a path: curves flattened into polylines, for surfaces that only draw
// straight lines.
#include <vector>

#include "securebase/pdf/canvas.h"

namespace securebase::pdf {

namespace {

constexpr int kCurveSegments = 12;

Point cubicAt(Point a, Point b, Point c, Point d, double t) {
  const double u = 1 - t;
  const double w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
  return {w0 * a.x + w1 * b.x + w2 * c.x + w3 * d.x, w0 * a.y + w1 * b.y + w2 * c.y + w3 * d.y};
}

}  // namespace

void Canvas::drawPath(const std::vector<PathStep>& path, bool fill, bool stroke) {
  std::vector<std::vector<Point>> parts;
  std::vector<bool> closed;
  for (const PathStep& step : path) {
    if (step.kind == PathStep::Kind::move || parts.empty()) {
      parts.emplace_back();
      closed.push_back(false);
      if (step.kind == PathStep::Kind::move) {
        parts.back().push_back(step.p);
        continue;
      }
    }
    std::vector<Point>& points = parts.back();
    if (step.kind == PathStep::Kind::close) {
      closed.back() = true;
    } else if (step.kind == PathStep::Kind::line || points.empty()) {
      points.push_back(step.p);
    } else {
      const Point from = points.back();
      for (int i = 1; i <= kCurveSegments; ++i)
        points.push_back(cubicAt(from, step.c1, step.c2, step.p, double(i) / kCurveSegments));
    }
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (fill) fillPolygon(parts[i]);
    if (stroke) {
      std::vector<Point> outline = parts[i];
      if (closed[i] && !outline.empty()) outline.push_back(outline.front());
      strokePolyline(outline);
    }
  }
}

}  // namespace securebase::pdf
