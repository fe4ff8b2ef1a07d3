// Canvas over one libharu page: flips to PDF's bottom-up coordinates, measures with the cached
// font metrics, and writes each text run with a single ShowText in the document's encoding.
#pragma once

#include <hpdf.h>

#include <optional>
#include <string>

#include "hpdf_document.h"
#include "securebase/pdf/canvas.h"
#include "securebase/pdf/font_metrics.h"

namespace securebase::pdf::detail {

class PdfCanvas final : public Canvas {
 public:
  PdfCanvas(HpdfDocument& document, HPDF_Page page, double page_height);
  ~PdfCanvas() override;
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  void setStroke(Color color, double width, const std::vector<double>& dash = {}) override;
  void setFill(Color color) override;
  void strokePolyline(const std::vector<Point>& points) override;
  void strokeRect(const Rect& rect) override;
  void fillRect(const Rect& rect) override;
  void fillPolygon(const std::vector<Point>& points) override;
  void fillCircle(Point center, double radius) override;
  void text(Point baseline, std::string_view utf8, double size, bool bold,
            TextAlign align = TextAlign::left) override;
  double textWidth(std::string_view utf8, double size, bool bold) const override;
  void image(std::string_view png_bytes, const Rect& box) override;
  void drawPath(const std::vector<PathStep>& path, bool fill, bool stroke) override;

 private:
  HPDF_REAL px(double x) const { return static_cast<HPDF_REAL>(x); }
  HPDF_REAL py(double y) const { return static_cast<HPDF_REAL>(height_ - y); }
  void path(const std::vector<Point>& points);
  void endText();

  HpdfDocument& document_;
  HPDF_Page page_;
  double height_;
  const FontMetrics& regular_;
  const FontMetrics& bold_;
  std::string encoded_;  // the text being written, in the document's encoding
  // Every libharu operator costs a few thousand instructions, and a handout has hundreds of text
  // runs: consecutive runs share one text object, and the font and the fill colour are only set
  // when they change (both outlive a text object; the page starts with neither set).
  bool in_text_ = false;
  HPDF_Font text_font_ = nullptr;
  double text_size_ = 0;
  std::optional<Color> fill_;
};

}  // namespace securebase::pdf::detail
