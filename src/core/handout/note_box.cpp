#include <memory>

#include "handout_blocks.h"
#include "securebase/pdf/font_metrics.h"
#include "securebase/pdf/line_breaking.h"
#include "securebase/pdf/text_check.h"

namespace securebase::handout::detail {

namespace {

constexpr pdf::Color kInk{0.13, 0.13, 0.13};
constexpr double kPad = 10;  // left and right of the text
constexpr double kPadTopBottom = 7;
constexpr double kEntryGap = 5;
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

pdf::Block leadTextBlock(const std::vector<LeadText>& entries, const NoteStyle* style, double width,
                         double body_size) {
  const pdf::FontMetrics& regular = pdf::FontMetrics::of(pdf::FontFace::regular);
  const pdf::FontMetrics& bold = pdf::FontMetrics::of(pdf::FontFace::bold);
  const double line_height = body_size * 1.4;
  const double pad = style != nullptr ? kPad : 0;
  const double bar = style != nullptr ? kBarWidth : 0;
  const double inner = width - 2 * pad - bar;
  const pdf::StyledWidthFn measure = [&](std::string_view t, bool is_bold) {
    return (is_bold ? bold : regular).width(t, body_size);
  };
  // Lines of every entry, with the gap that opens each entry after the first.
  struct Line {
    pdf::StyledLine line;
    double gap_before;
  };
  auto lines = std::make_shared<std::vector<Line>>();
  const double pad_y = style != nullptr ? kPadTopBottom : 0;
  double height = 2 * pad_y;
  for (const LeadText& entry : entries) {
    std::vector<pdf::TextRun> runs;
    if (!entry.lead.empty())
      runs.push_back({pdf::printableText(entry.lead, "handout text") + " ", true});
    runs.push_back({pdf::printableText(entry.text, "handout text"), false});
    bool first = true;
    for (pdf::StyledLine& line : pdf::breakStyledLines(runs, inner, measure)) {
      const double gap = first && !lines->empty() ? kEntryGap : 0;
      lines->push_back({std::move(line), gap});
      height += gap + line_height;
      first = false;
    }
  }

  pdf::Drawing drawing;
  drawing.height = height;
  const NoteStyle look = style != nullptr ? *style : NoteStyle{{1, 1, 1}, {1, 1, 1}, kInk};
  const bool boxed = style != nullptr;
  drawing.draw = [look, boxed, pad, pad_y, bar, lines, body_size, line_height, &regular, &bold](
                     pdf::Canvas& canvas, const pdf::Rect& box) {
    if (boxed) {
      canvas.setFill(look.tint);
      canvas.fillRect(box);
      canvas.setFill(look.bar);
      canvas.fillRect({box.x, box.y, bar, box.height});
    }
    const double left = box.x + bar + pad;
    double top = box.y + pad_y;
    for (const Line& line : *lines) {
      top += line.gap_before;
      double x = left;
      const double y = baseline(regular, top, line_height, body_size);
      for (const pdf::TextRun& run : line.line.runs) {
        canvas.setFill(run.bold ? look.title : kInk);
        canvas.text({x, y}, run.text, body_size, run.bold);
        x += (run.bold ? bold : regular).width(run.text, body_size);
      }
      top += line_height;
    }
  };
  return drawing;
}

pdf::Block noteBox(const NoteStyle& style, const std::string& title, const std::string& text,
                   double width, double body_size) {
  // The title opens the text in bold ("Safe sleep: Always put…"): a line saved per box is
  // what keeps the generic handout on two pages.
  return leadTextBlock({{title.empty() ? "" : title + ":", text}}, &style, width, body_size);
}

}  // namespace securebase::handout::detail
