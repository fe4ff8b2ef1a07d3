// Small pieces shared by the block layouts: measuring with the cached metrics, drawing a styled
// line run by run, a block made of text lines, and reading a PNG's pixel size.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "block_layout.h"
#include "securebase/pdf/line_breaking.h"

namespace securebase::pdf::detail {

inline StyledWidthFn widthFor(const LayoutContext& ctx, double size) {
  return [&regular = ctx.regular, &bold = ctx.bold, size](std::string_view text, bool is_bold) {
    return (is_bold ? bold : regular).width(text, size);
  };
}

inline double lineHeight(const LayoutContext& ctx) {
  return ctx.body_size * ctx.line_spacing;
}

void drawStyledLine(Canvas& canvas, const StyledLine& line, Point baseline, double size);

// Body-size lines, splittable between lines with no lone line on either side, drawn in ink
// starting `indent` points from the left.
LaidOutBlock textLinesBlock(std::vector<StyledLine> lines, const LayoutContext& ctx,
                            double space_before, double indent);

// Width and height in pixels from the PNG header; Error(bad_input) when it is not a PNG.
std::pair<double, double> pngSize(std::string_view png);

}  // namespace securebase::pdf::detail
