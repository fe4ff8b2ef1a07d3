// The core's drawing surface (pdf::Canvas) over a wxGraphicsContext, so the desktop program
// draws charts with the very code that draws them into the PDF report (pdf::drawChart).
// Canvas units are points; `pixels_per_point` maps them onto the device, text included.
#pragma once

#include <wx/graphics.h>

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "securebase/pdf/canvas.h"

namespace securebase::app {

class WxCanvas : public pdf::Canvas {
 public:
  // `origin` is where the canvas's (0, 0) lands, in device pixels. `gc` must outlive this.
  WxCanvas(wxGraphicsContext& gc, double pixels_per_point, wxPoint2DDouble origin = {0, 0});

  void setStroke(pdf::Color color, double width, const std::vector<double>& dash = {}) override;
  void setFill(pdf::Color color) override;
  void strokePolyline(const std::vector<pdf::Point>& points) override;
  void strokeRect(const pdf::Rect& rect) override;
  void fillRect(const pdf::Rect& rect) override;
  void fillPolygon(const std::vector<pdf::Point>& points) override;
  void fillCircle(pdf::Point center, double radius) override;
  void text(pdf::Point baseline, std::string_view utf8, double size, bool bold,
            pdf::TextAlign align = pdf::TextAlign::left) override;
  double textWidth(std::string_view utf8, double size, bool bold) const override;
  void image(std::string_view png_bytes, const pdf::Rect& box) override;

 private:
  wxPoint2DDouble device(pdf::Point point) const;
  void useFont(double size, bool bold) const;
  void strokeSolid(const std::vector<pdf::Point>& points);

  wxGraphicsContext& gc_;
  double scale_;
  wxPoint2DDouble origin_;
  wxColour stroke_colour_ = *wxBLACK;
  double stroke_width_ = 1;
  std::vector<double> dash_;
  wxColour fill_colour_ = *wxBLACK;
  // Making a font is the costly part of text on GTK; a chart uses three or four.
  struct FontKey {
    double size;
    bool bold;
    wxUint32 colour;
    bool operator<(const FontKey& other) const {
      return std::tie(size, bold, colour) < std::tie(other.size, other.bold, other.colour);
    }
  };
  mutable std::map<FontKey, wxGraphicsFont> fonts_;
  // Measuring text is the other: the chart measures each label, then measures it again to
  // place it.
  struct Extent {
    double width = 0, height = 0, descent = 0;
  };
  Extent extent(const std::string& utf8, double size, bool bold) const;
  mutable std::map<std::pair<FontKey, std::string>, Extent> extents_;
  mutable std::optional<FontKey> current_font_;
};

// Pure: `points` cut into the "on" pieces of `dash` (lengths in the points' units, alternating
// on and off, starting on), the pattern running on across corners as a printer's does.
std::vector<std::vector<pdf::Point>> dashPieces(const std::vector<pdf::Point>& points,
                                                const std::vector<double>& dash);

}  // namespace securebase::app
