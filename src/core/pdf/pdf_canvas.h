// Canvas over one libharu page: flips to PDF's bottom-up coordinates, measures with the cached
// font metrics, and writes the page's content operators itself. Each libharu operator call
// costs a few thousand instructions (it validates, formats through a scratch buffer it clears
// every time, and checks the graphics mode); a handout has over a thousand of them, so they are
// written here into one buffer and handed to the page's content stream in one piece. libharu
// still owns the page, its resources and images.
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

  // Hands the page everything drawn, compressed; once, when the page is complete.
  void finish();

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
  void noteFigure(const Rect& rect) override { figures_.push_back(rect); }
  const std::vector<Rect>& figures() const { return figures_; }

 private:
  // Appends a number (at most `decimals` places, no trailing zeros) and a space.
  void number(double value, int decimals = 2);
  void appendScaled(long long scaled, long long unit);
  void roundEnds(bool round);  // line caps and joins
  void point(Point p);         // in PDF coordinates, "x y "
  void rect(const Rect& r);
  void path(const std::vector<Point>& points);
  void endText();
  void flush();  // hands what was written to the page's content stream

  HpdfDocument& document_;
  HPDF_Page page_;
  double height_;
  const FontMetrics& regular_;
  const FontMetrics& bold_;
  std::string out_;  // content operators not yet in the page's stream
  bool finished_ = false;
  std::vector<Rect> figures_;
  // Consecutive runs share one text object, and the font and the fill colour are only set when
  // they change (both outlive a text object; the page starts with neither set).
  bool in_text_ = false;
  DocumentFont* text_font_ = nullptr;
  double text_size_ = 0;
  std::optional<Color> fill_;
  // The stroke settings and line ends, likewise only written when they change.
  struct Stroke {
    Color color;
    double width = 0;
    std::vector<double> dash;
    bool operator==(const Stroke&) const = default;
  };
  std::optional<Stroke> stroke_;
  bool round_ends_ = false;
  // Where the current text line starts, in hundredths of a point (Td moves are relative to it).
  long long line_x_ = 0;
  long long line_y_ = 0;
  // The page's resource names of the two faces ("F1"), once each is used.
  std::string font_names_[2];
};

}  // namespace securebase::pdf::detail
