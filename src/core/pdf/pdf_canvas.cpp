#include "pdf_canvas.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace securebase::pdf::detail {

namespace {

HPDF_REAL real(double v) {
  return static_cast<HPDF_REAL>(v);
}

}  // namespace

PdfCanvas::~PdfCanvas() {
  endText();  // an error here stays recorded and is reported when the document is saved
}

PdfCanvas::PdfCanvas(HpdfDocument& document, HPDF_Page page, double page_height)
    : document_(document),
      page_(page),
      height_(page_height),
      regular_(FontMetrics::of(FontFace::regular)),
      bold_(FontMetrics::of(FontFace::bold)) {}

void PdfCanvas::setStroke(Color color, double width, const std::vector<double>& dash) {
  endText();
  HPDF_Page_SetRGBStroke(page_, real(color.r), real(color.g), real(color.b));
  HPDF_Page_SetLineWidth(page_, real(width));
  HPDF_UINT16 pattern[8] = {};
  const std::size_t count = std::min<std::size_t>(dash.size(), 8);
  for (std::size_t i = 0; i < count; ++i)
    pattern[i] = static_cast<HPDF_UINT16>(std::max(1.0, std::round(dash[i])));
  HPDF_Page_SetDash(page_, count == 0 ? nullptr : pattern, static_cast<HPDF_UINT>(count), 0);
  document_.check("setting the line style");
}

void PdfCanvas::setFill(Color color) {
  if (fill_ == color) return;
  HPDF_Page_SetRGBFill(page_, real(color.r), real(color.g), real(color.b));
  document_.check("setting a colour");
  fill_ = color;
}

void PdfCanvas::path(const std::vector<Point>& points) {
  endText();
  HPDF_Page_MoveTo(page_, px(points.front().x), py(points.front().y));
  for (std::size_t i = 1; i < points.size(); ++i)
    HPDF_Page_LineTo(page_, px(points[i].x), py(points[i].y));
}

void PdfCanvas::strokePolyline(const std::vector<Point>& points) {
  if (points.size() < 2) return;
  path(points);
  HPDF_Page_Stroke(page_);
  document_.check("drawing a line");
}

void PdfCanvas::strokeRect(const Rect& r) {
  endText();
  HPDF_Page_Rectangle(page_, px(r.x), py(r.bottom()), real(r.width), real(r.height));
  HPDF_Page_Stroke(page_);
  document_.check("drawing a frame");
}

void PdfCanvas::fillRect(const Rect& r) {
  endText();
  HPDF_Page_Rectangle(page_, px(r.x), py(r.bottom()), real(r.width), real(r.height));
  HPDF_Page_Fill(page_);
  document_.check("filling a box");
}

void PdfCanvas::fillPolygon(const std::vector<Point>& points) {
  if (points.size() < 3) return;
  path(points);
  HPDF_Page_ClosePath(page_);
  HPDF_Page_Fill(page_);
  document_.check("drawing a shape");
}

void PdfCanvas::fillCircle(Point center, double radius) {
  endText();
  HPDF_Page_Circle(page_, px(center.x), py(center.y), real(radius));
  HPDF_Page_Fill(page_);
  document_.check("drawing a circle");
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
  if (const SingleByteEncoding* encoding = document_.encoding()) {
    if (!encoding->encode(utf8, encoded_)) {
      // Only text from a Drawing block's own callback can get here: the document is made again
      // with UTF-8 fonts.
      document_.markNeedsUtf8();
      return;
    }
  } else {
    encoded_.assign(utf8);
  }
  HPDF_Font font = document_.font(bold ? FontFace::bold : FontFace::regular);
  if (!in_text_) {
    HPDF_Page_BeginText(page_);
    in_text_ = true;
  }
  if (font != text_font_ || size != text_size_) {
    HPDF_Page_SetFontAndSize(page_, font, real(size));
    text_font_ = font;
    text_size_ = size;
  }
  // Placed absolutely (Tm), not relative to the previous run (Td), so positions never drift.
  HPDF_Page_SetTextMatrix(page_, 1, 0, 0, 1, px(x), py(baseline.y));
  HPDF_Page_ShowText(page_, encoded_.c_str());
  document_.check("writing text");
}

void PdfCanvas::endText() {
  if (!in_text_) return;
  HPDF_Page_EndText(page_);
  in_text_ = false;
}

void PdfCanvas::image(std::string_view png_bytes, const Rect& box) {
  endText();
  HPDF_Image image = document_.png(png_bytes);
  HPDF_Page_DrawImage(page_, image, px(box.x), py(box.bottom()), real(box.width), real(box.height));
  document_.check("placing an image");
}

// Curves go to the page as curves (a few bytes each), never flattened: pictures stay small and
// crisp at any zoom.
void PdfCanvas::drawPath(const std::vector<PathStep>& steps, bool fill, bool stroke) {
  if (steps.empty() || (!fill && !stroke)) return;
  endText();
  // Round ends and joins: a friendly line, and no spikes where a curve turns sharply.
  HPDF_Page_SetLineCap(page_, HPDF_ROUND_END);
  HPDF_Page_SetLineJoin(page_, HPDF_ROUND_JOIN);
  for (const PathStep& step : steps) {
    switch (step.kind) {
      case PathStep::Kind::move:
        HPDF_Page_MoveTo(page_, px(step.p.x), py(step.p.y));
        break;
      case PathStep::Kind::line:
        HPDF_Page_LineTo(page_, px(step.p.x), py(step.p.y));
        break;
      case PathStep::Kind::cubic:
        HPDF_Page_CurveTo(page_, px(step.c1.x), py(step.c1.y), px(step.c2.x), py(step.c2.y),
                          px(step.p.x), py(step.p.y));
        break;
      case PathStep::Kind::close:
        HPDF_Page_ClosePath(page_);
        break;
    }
  }
  if (fill && stroke)
    HPDF_Page_FillStroke(page_);
  else if (fill)
    HPDF_Page_Fill(page_);
  else
    HPDF_Page_Stroke(page_);
  HPDF_Page_SetLineCap(page_, HPDF_BUTT_END);
  HPDF_Page_SetLineJoin(page_, HPDF_MITER_JOIN);
  document_.check("drawing a picture");
}

}  // namespace securebase::pdf::detail
