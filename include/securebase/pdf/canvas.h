// A small drawing surface in points with the origin at the top-left and y growing downwards.
// The PDF renderer implements it over libharu; a desktop view can implement it over its own
// device context, so block drawing and charts are written once for both. No libharu here.
#pragma once

#include <string_view>
#include <vector>

namespace securebase::pdf {

struct Point {
  double x = 0;
  double y = 0;
  bool operator==(const Point&) const = default;
};

struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

struct Color {
  double r = 0;  // 0..1
  double g = 0;
  double b = 0;
  bool operator==(const Color&) const = default;
};

enum class TextAlign { left, center, right };

// One step of a vector path: move to p, line to p, a cubic curve through c1, c2 to p, or close.
struct PathStep {
  enum class Kind { move, line, cubic, close };
  Kind kind = Kind::line;
  Point p;
  Point c1;
  Point c2;
};

class Canvas {
 public:
  virtual ~Canvas() = default;

  // Stroke settings stay until changed; an empty dash pattern draws solid lines.
  virtual void setStroke(Color color, double width, const std::vector<double>& dash = {}) = 0;
  // Fill colour, also used for text.
  virtual void setFill(Color color) = 0;

  virtual void strokePolyline(const std::vector<Point>& points) = 0;
  virtual void strokeRect(const Rect& rect) = 0;
  virtual void fillRect(const Rect& rect) = 0;
  virtual void fillPolygon(const std::vector<Point>& points) = 0;
  virtual void fillCircle(Point center, double radius) = 0;

  // `baseline` is where the text's baseline meets its left edge, centre or right edge.
  virtual void text(Point baseline, std::string_view utf8, double size, bool bold,
                    TextAlign align = TextAlign::left) = 0;
  virtual double textWidth(std::string_view utf8, double size, bool bold) const = 0;

  // Fills (with the fill colour) and/or strokes (with the stroke settings) a path of lines and
  // cubic curves. This default flattens the curves into polylines, which any surface can draw;
  // a surface that draws curves itself overrides it.
  virtual void drawPath(const std::vector<PathStep>& path, bool fill, bool stroke);

  // A PNG image scaled into `box`.
  virtual void image(std::string_view png_bytes, const Rect& box) = 0;

  // Says that a picture was drawn in `rect`. Drawing is unchanged; a surface may keep a record
  // (the PDF renderer reports where pictures landed, so layout tests can keep text off them).
  virtual void noteFigure(const Rect& rect) { (void)rect; }

  void strokeLine(Point from, Point to) { strokePolyline({from, to}); }
};

}  // namespace securebase::pdf
