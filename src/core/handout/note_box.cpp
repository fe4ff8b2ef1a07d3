#include <memory>

#include "handout_blocks.h"
#include "securebase/pdf/font_metrics.h"
#include "securebase/pdf/line_breaking.h"
#include "securebase/pdf/text_check.h"

namespace securebase::handout::detail {

namespace {

constexpr pdf::Color kInk{0.13, 0.13, 0.13};
constexpr double kPad = 12;
constexpr double kBarWidth = 5;

double baseline(const pdf::FontMetrics& font, double top, double line_height, double size) {
  const double glyph_box = (font.ascender() - font.descender()) * size / 1000.0;
  return top + (line_height - glyph_box) / 2 + font.ascender() * size / 1000.0;
}

}  // namespace

double contentWidth(pdf::PaperSize paper, double margin) {
  return pdf::pageRect(paper).width - 2 * margin;
}

const NoteStyle NoteStyle::tip{{0.91, 0.96, 0.95}, {0.09, 0.40, 0.38}, {0.09, 0.40, 0.38}};
const NoteStyle NoteStyle::safety{{1.0, 0.94, 0.88}, {0.80, 0.36, 0.12}, {0.62, 0.25, 0.05}};

pdf::Block noteBox(const NoteStyle& style, const std::string& title, const std::string& text,
                   double width, double body_size) {
  const pdf::FontMetrics& regular = pdf::FontMetrics::of(pdf::FontFace::regular);
  const pdf::FontMetrics& bold = pdf::FontMetrics::of(pdf::FontFace::bold);
  const double line_height = body_size * 1.4;
  const double inner = width - 2 * kPad - kBarWidth;
  // The title opens the text in bold ("Safe sleep: Always put…"): a line saved per box is
  // what keeps the generic handout on two pages.
  std::vector<pdf::TextRun> runs;
  if (!title.empty()) runs.push_back({pdf::printableText(title, "note title") + ": ", true});
  runs.push_back({pdf::printableText(text, "note"), false});
  const pdf::StyledWidthFn measure = [&](std::string_view t, bool is_bold) {
    return (is_bold ? bold : regular).width(t, body_size);
  };
  auto lines =
      std::make_shared<std::vector<pdf::StyledLine>>(pdf::breakStyledLines(runs, inner, measure));
  const double height = 2 * kPad + static_cast<double>(lines->size()) * line_height;

  pdf::Drawing drawing;
  drawing.height = height;
  drawing.draw = [style, lines, body_size, line_height, &regular, &bold](pdf::Canvas& canvas,
                                                                         const pdf::Rect& box) {
    canvas.setFill(style.tint);
    canvas.fillRect(box);
    canvas.setFill(style.bar);
    canvas.fillRect({box.x, box.y, kBarWidth, box.height});
    const double left = box.x + kBarWidth + kPad;
    double top = box.y + kPad;
    for (const pdf::StyledLine& line : *lines) {
      double x = left;
      const double y = baseline(regular, top, line_height, body_size);
      for (const pdf::TextRun& run : line.runs) {
        canvas.setFill(run.bold ? style.title : kInk);
        canvas.text({x, y}, run.text, body_size, run.bold);
        x += (run.bold ? bold : regular).width(run.text, body_size);
      }
      top += line_height;
    }
  };
  return drawing;
}

}  // namespace securebase::handout::detail
