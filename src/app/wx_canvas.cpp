#include "wx_canvas.h"

#include <wx/brush.h>
#include <wx/image.h>
#include <wx/mstream.h>

#include <algorithm>
#include <cmath>

namespace securebase::app {
namespace {

// The face the PDF embeds, so the screen chart measures and looks like the printed one.
const wxString kFace = "DejaVu Sans";

wxColour toColour(pdf::Color color) {
  auto channel = [](double v) {
    return static_cast<unsigned char>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
  };
  return wxColour(channel(color.r), channel(color.g), channel(color.b));
}

}  // namespace

std::vector<std::vector<pdf::Point>> dashPieces(const std::vector<pdf::Point>& points,
                                                const std::vector<double>& dash) {
  std::vector<std::vector<pdf::Point>> pieces;
  double pattern = 0;
  for (double length : dash) pattern += std::max(0.0, length);
  if (dash.empty() || pattern <= 0) {
    if (points.size() >= 2) pieces.push_back(points);
    return pieces;
  }
  std::size_t phase = 0;  // index into dash
  double left = dash[0];  // of the current dash entry
  bool on = true;
  std::vector<pdf::Point> current;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    const pdf::Point a = points[i];
    const pdf::Point b = points[i + 1];
    const double length = std::hypot(b.x - a.x, b.y - a.y);
    double done = 0;
    if (on && current.empty()) current.push_back(a);
    while (length - done > left) {
      done += left;
      const double t = length > 0 ? done / length : 0;
      const pdf::Point at{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
      if (on) {
        current.push_back(at);
        pieces.push_back(std::move(current));
        current.clear();
      } else {
        current.push_back(at);
      }
      on = !on;
      phase = (phase + 1) % dash.size();
      left = dash[phase];
    }
    left -= length - done;
    if (on) current.push_back(b);
  }
  if (on && current.size() >= 2) pieces.push_back(std::move(current));
  return pieces;
}

WxCanvas::WxCanvas(wxGraphicsContext& gc, double pixels_per_point, wxPoint2DDouble origin)
    : gc_(gc), scale_(pixels_per_point), origin_(origin) {
  gc_.SetAntialiasMode(wxANTIALIAS_DEFAULT);
}

wxPoint2DDouble WxCanvas::device(pdf::Point point) const {
  return {origin_.m_x + point.x * scale_, origin_.m_y + point.y * scale_};
}

void WxCanvas::setStroke(pdf::Color color, double width, const std::vector<double>& dash) {
  stroke_colour_ = toColour(color);
  stroke_width_ = width;
  dash_ = dash;
}

void WxCanvas::setFill(pdf::Color color) {
  fill_colour_ = toColour(color);
}

void WxCanvas::strokeSolid(const std::vector<pdf::Point>& points) {
  if (points.size() < 2) return;
  gc_.SetPen(gc_.CreatePen(wxGraphicsPenInfo(stroke_colour_)
                               .Width(std::max(1.0, stroke_width_ * scale_))
                               .Join(wxJOIN_ROUND)
                               .Cap(wxCAP_BUTT)));
  wxGraphicsPath path = gc_.CreatePath();
  path.MoveToPoint(device(points.front()));
  for (std::size_t i = 1; i < points.size(); ++i) path.AddLineToPoint(device(points[i]));
  gc_.StrokePath(path);
}

void WxCanvas::strokePolyline(const std::vector<pdf::Point>& points) {
  // Dashes are cut here rather than by the toolkit, whose patterns are whole multiples of the
  // pen width; so the screen shows the PDF's exact pattern.
  for (const auto& piece : dashPieces(points, dash_)) strokeSolid(piece);
}

void WxCanvas::strokeRect(const pdf::Rect& rect) {
  strokePolyline({{rect.x, rect.y},
                  {rect.right(), rect.y},
                  {rect.right(), rect.bottom()},
                  {rect.x, rect.bottom()},
                  {rect.x, rect.y}});
}

void WxCanvas::fillRect(const pdf::Rect& rect) {
  fillPolygon({{rect.x, rect.y},
               {rect.right(), rect.y},
               {rect.right(), rect.bottom()},
               {rect.x, rect.bottom()}});
}

void WxCanvas::fillPolygon(const std::vector<pdf::Point>& points) {
  if (points.size() < 3) return;
  gc_.SetBrush(gc_.CreateBrush(wxBrush(fill_colour_)));
  wxGraphicsPath path = gc_.CreatePath();
  path.MoveToPoint(device(points.front()));
  for (std::size_t i = 1; i < points.size(); ++i) path.AddLineToPoint(device(points[i]));
  path.CloseSubpath();
  gc_.FillPath(path);
}

void WxCanvas::fillCircle(pdf::Point center, double radius) {
  gc_.SetBrush(gc_.CreateBrush(wxBrush(fill_colour_)));
  wxGraphicsPath path = gc_.CreatePath();
  const auto c = device(center);
  path.AddCircle(c.m_x, c.m_y, radius * scale_);
  gc_.FillPath(path);
}

void WxCanvas::useFont(double size, bool bold) const {
  const FontKey key{size, bold, fill_colour_.GetRGBA()};
  if (current_font_ && !(*current_font_ < key) && !(key < *current_font_)) return;
  auto found = fonts_.find(key);
  if (found == fonts_.end())
    found =
        fonts_
            .emplace(key, gc_.CreateFont(size * scale_, kFace,
                                         bold ? wxFONTFLAG_BOLD : wxFONTFLAG_DEFAULT, fill_colour_))
            .first;
  gc_.SetFont(found->second);
  current_font_ = key;
}

WxCanvas::Extent WxCanvas::extent(const std::string& utf8, double size, bool bold) const {
  useFont(size, bold);
  auto key = std::make_pair(*current_font_, utf8);
  auto found = extents_.find(key);
  if (found == extents_.end()) {
    Extent e;
    gc_.GetTextExtent(wxString::FromUTF8(utf8), &e.width, &e.height, &e.descent);
    found = extents_.emplace(std::move(key), e).first;
  }
  return found->second;
}

void WxCanvas::text(pdf::Point baseline, std::string_view utf8, double size, bool bold,
                    pdf::TextAlign align) {
  const std::string text(utf8);
  const Extent e = extent(text, size, bold);
  auto at = device(baseline);
  if (align == pdf::TextAlign::center) at.m_x -= e.width / 2;
  if (align == pdf::TextAlign::right) at.m_x -= e.width;
  gc_.DrawText(wxString::FromUTF8(text), at.m_x, at.m_y - (e.height - e.descent));
}

double WxCanvas::textWidth(std::string_view utf8, double size, bool bold) const {
  return extent(std::string(utf8), size, bold).width / scale_;
}

void WxCanvas::image(std::string_view png_bytes, const pdf::Rect& box) {
  if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) wxImage::AddHandler(new wxPNGHandler);
  wxMemoryInputStream stream(png_bytes.data(), png_bytes.size());
  wxImage picture(stream, wxBITMAP_TYPE_PNG);
  if (!picture.IsOk()) return;
  const auto at = device({box.x, box.y});
  gc_.DrawBitmap(wxBitmap(picture), at.m_x, at.m_y, box.width * scale_, box.height * scale_);
}

}  // namespace securebase::app
