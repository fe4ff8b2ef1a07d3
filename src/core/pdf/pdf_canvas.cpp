#include "pdf_canvas.h"

#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace securebase::pdf::detail {

namespace {

// Kappa: the control distance that makes four cubic curves a close circle.
constexpr double kKappa = 0.5522847498;

}  // namespace

PdfCanvas::~PdfCanvas() {
  if (finished_) return;
  endText();
  flush();  // (drawing stopped by an error) an error here stays recorded, reported on saving
}

void PdfCanvas::finish() {
  endText();
  document_.finishContent(page_, out_);
  out_.clear();
  finished_ = true;
}

PdfCanvas::PdfCanvas(HpdfDocument& document, HPDF_Page page, double page_height)
    : document_(document),
      page_(page),
      height_(page_height),
      regular_(FontMetrics::of(FontFace::regular)),
      bold_(FontMetrics::of(FontFace::bold)) {
  out_.reserve(16384);
}

void PdfCanvas::flush() {
  if (out_.empty()) return;
  auto* attr = static_cast<HPDF_PageAttr>(page_->attr);
  HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(out_.data()),
                    static_cast<HPDF_UINT>(out_.size()));
  out_.clear();
}

// Positions to a hundredth of a point (a fraction of a printer dot), colours to a thousandth.
void PdfCanvas::number(double value, int decimals) {
  const long long unit = decimals == 3 ? 1000 : decimals == 1 ? 10 : 100;
  appendScaled(std::llround(value * static_cast<double>(unit)), unit);
}

// `scaled` / `unit` in the shortest decimal form, then a space.
void PdfCanvas::appendScaled(long long scaled, long long unit) {
  char digits[32];
  char* end = digits;
  if (scaled < 0) {
    *end++ = '-';
    scaled = -scaled;
  }
  end = std::to_chars(end, digits + sizeof digits, scaled / unit).ptr;
  long long fraction = scaled % unit;
  if (fraction != 0) {
    *end++ = '.';
    for (long long digit = unit / 10; digit > 0 && fraction != 0; digit /= 10) {
      *end++ = static_cast<char>('0' + fraction / digit);
      fraction %= digit;
    }
  }
  *end++ = ' ';
  out_.append(digits, end);
}

void PdfCanvas::point(Point p) {
  number(p.x);
  number(height_ - p.y);
}

void PdfCanvas::rect(const Rect& r) {
  number(r.x);
  number(height_ - r.bottom());
  number(r.width);
  number(r.height);
  out_ += "re\n";
}

void PdfCanvas::setStroke(Color color, double width, const std::vector<double>& dash) {
  endText();
  Stroke stroke{color, width, {}};
  const std::size_t count = std::min<std::size_t>(dash.size(), 8);
  for (std::size_t i = 0; i < count; ++i) stroke.dash.push_back(std::max(1.0, std::round(dash[i])));
  if (stroke_ == stroke) return;
  number(color.r, 3);
  number(color.g, 3);
  number(color.b, 3);
  out_ += "RG ";
  number(width);
  out_ += "w [";
  for (const double length : stroke.dash) number(length);
  out_ += "] 0 d\n";
  stroke_ = std::move(stroke);
}

void PdfCanvas::roundEnds(bool round) {
  if (round == round_ends_) return;
  out_ += round ? "1 J 1 j\n" : "0 J 0 j\n";
  round_ends_ = round;
}

void PdfCanvas::setFill(Color color) {
  if (fill_ == color) return;
  number(color.r, 3);
  number(color.g, 3);
  number(color.b, 3);
  out_ += "rg\n";
  fill_ = color;
}

void PdfCanvas::path(const std::vector<Point>& points) {
  endText();
  point(points.front());
  out_ += "m\n";
  for (std::size_t i = 1; i < points.size(); ++i) {
    point(points[i]);
    out_ += "l\n";
  }
}

void PdfCanvas::strokePolyline(const std::vector<Point>& points) {
  if (points.size() < 2) return;
  roundEnds(false);
  path(points);
  out_ += "S\n";
}

void PdfCanvas::strokeRect(const Rect& r) {
  endText();
  roundEnds(false);
  rect(r);
  out_ += "S\n";
}

void PdfCanvas::fillRect(const Rect& r) {
  endText();
  rect(r);
  out_ += "f\n";
}

void PdfCanvas::fillPolygon(const std::vector<Point>& points) {
  if (points.size() < 3) return;
  path(points);
  out_ += "h f\n";
}

void PdfCanvas::fillCircle(Point center, double radius) {
  const double k = radius * kKappa;
  const double x = center.x, y = center.y, r = radius;
  drawPath({{PathStep::Kind::move, {x - r, y}, {}, {}},
            {PathStep::Kind::cubic, {x, y - r}, {x - r, y - k}, {x - k, y - r}},
            {PathStep::Kind::cubic, {x + r, y}, {x + k, y - r}, {x + r, y - k}},
            {PathStep::Kind::cubic, {x, y + r}, {x + r, y + k}, {x + k, y + r}},
            {PathStep::Kind::cubic, {x - r, y}, {x - k, y + r}, {x - r, y + k}}},
           true, false);
}

double PdfCanvas::textWidth(std::string_view utf8, double size, bool bold) const {
  return (bold ? bold_ : regular_).width(utf8, size);
}

void PdfCanvas::text(Point baseline, std::string_view utf8, double size, bool bold,
                     TextAlign align) {
  if (utf8.empty()) return;
  double x = baseline.x;
  if (align != TextAlign::left) {
    const double width = textWidth(utf8, size, bold);
    x -= align == TextAlign::center ? width / 2 : width;
  }
  const FontFace face = bold ? FontFace::bold : FontFace::regular;
  DocumentFont& font = document_.font(face);
  std::string& name = font_names_[bold ? 1 : 0];
  if (name.empty()) {
    const char* local = HPDF_Page_GetLocalFontName(page_, font.dict());
    document_.checked(local, "adding a font to a page");
    name = local;
  }
  const std::size_t mark = out_.size();
  const bool was_in_text = in_text_;
  const long long line_x = line_x_, line_y = line_y_;
  if (!in_text_) {
    out_ += "BT\n";
    in_text_ = true;
    line_x_ = line_y_ = 0;  // a text object starts at the page's origin
  }
  if (&font != text_font_ || size != text_size_) {
    out_ += '/';
    out_ += name;
    out_ += ' ';
    number(size);
    out_ += "Tf\n";
  }
  // Each run moves from the start of the previous one (Td), by the difference of the two
  // positions rounded to hundredths of a point, so positions never drift.
  const long long to_x = std::llround(x * 100), to_y = std::llround((height_ - baseline.y) * 100);
  appendScaled(to_x - line_x_, 100);
  appendScaled(to_y - line_y_, 100);
  out_ += "Td\n";
  line_x_ = to_x;
  line_y_ = to_y;
  if (!font.appendString(utf8, out_)) {
    // Only text from a Drawing block's own callback can get here: the document is made again
    // with UTF-8 fonts.
    out_.resize(mark);
    in_text_ = was_in_text;
    line_x_ = line_x;
    line_y_ = line_y;
    document_.markNeedsUtf8();
    return;
  }
  out_ += " Tj\n";
  text_font_ = &font;
  text_size_ = size;
}

void PdfCanvas::endText() {
  if (!in_text_) return;
  out_ += "ET\n";
  in_text_ = false;
}

void PdfCanvas::image(std::string_view png_bytes, const Rect& box) {
  endText();
  flush();
  HPDF_Image image = document_.png(png_bytes);
  HPDF_Page_DrawImage(page_, image, static_cast<HPDF_REAL>(box.x),
                      static_cast<HPDF_REAL>(height_ - box.bottom()),
                      static_cast<HPDF_REAL>(box.width), static_cast<HPDF_REAL>(box.height));
  document_.check("placing an image");
}

// Curves go to the page as curves (a few bytes each), never flattened: pictures stay small and
// crisp at any zoom.
void PdfCanvas::drawPath(const std::vector<PathStep>& steps, bool fill, bool stroke) {
  if (steps.empty() || (!fill && !stroke)) return;
  endText();
  // Round ends and joins: a friendly line, and no spikes where a curve turns sharply.
  if (stroke) roundEnds(true);
  for (const PathStep& step : steps) {
    switch (step.kind) {
      case PathStep::Kind::move:
        point(step.p);
        out_ += "m\n";
        break;
      case PathStep::Kind::line:
        point(step.p);
        out_ += "l\n";
        break;
      case PathStep::Kind::cubic:
        point(step.c1);
        point(step.c2);
        point(step.p);
        out_ += "c\n";
        break;
      case PathStep::Kind::close:
        out_ += "h\n";
        break;
    }
  }
  out_ += fill && stroke ? "B\n" : fill ? "f\n" : "S\n";
}

}  // namespace securebase::pdf::detail
