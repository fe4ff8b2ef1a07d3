#include "text_drawing.h"

#include "securebase/core/error.h"

namespace securebase::pdf::detail {

void drawStyledLine(Canvas& canvas, const StyledLine& line, Point baseline, double size) {
  double x = baseline.x;
  for (const TextRun& run : line.runs) {
    canvas.text({x, baseline.y}, run.text, size, run.bold);
    x += canvas.textWidth(run.text, size, run.bold);
  }
}

LaidOutBlock textLinesBlock(std::vector<StyledLine> lines, const LayoutContext& ctx,
                            double space_before, double indent) {
  const double line_height = lineHeight(ctx);
  const double size = ctx.body_size;
  FlowUnit unit{std::vector<double>(lines.size(), line_height), space_before, 2, 0, false};
  const FontMetrics& font = ctx.regular;
  return {std::move(unit), [lines = std::move(lines), line_height, size, indent, &font](
                               Canvas& canvas, const Placement& part, Point origin) {
            canvas.setFill(palette::ink);
            double top = origin.y;
            for (std::size_t i = part.first_row; i < part.end_row; ++i) {
              drawStyledLine(canvas, lines[i],
                             {origin.x + indent, baselineIn(font, top, line_height, size)}, size);
              top += line_height;
            }
          }};
}

std::pair<double, double> pngSize(std::string_view png) {
  static constexpr std::string_view kSignature = "\x89PNG\r\n\x1a\n";
  if (png.size() < 24 || png.substr(0, 8) != kSignature || png.substr(12, 4) != "IHDR")
    throwBadInput("the image is not a PNG file");
  const auto u32 = [&png](std::size_t at) {
    double value = 0;
    for (std::size_t i = 0; i < 4; ++i)
      value = value * 256 + static_cast<unsigned char>(png[at + i]);
    return value;
  };
  const double width = u32(16);
  const double height = u32(20);
  if (width <= 0 || height <= 0) throwBadInput("the PNG image has no pixels");
  return {width, height};
}

}  // namespace securebase::pdf::detail
