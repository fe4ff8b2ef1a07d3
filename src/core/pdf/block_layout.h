// Measures each block of a Document into a FlowUnit for pagination and keeps a drawing
// function that draws any part of it (rows first..end) at a given place. Pure of libharu: it
// draws through Canvas and measures with FontMetrics.
#pragma once

#include <functional>
#include <vector>

#include "securebase/pdf/canvas.h"
#include "securebase/pdf/document.h"
#include "securebase/pdf/font_metrics.h"
#include "securebase/pdf/pagination.h"

namespace securebase::pdf::detail {

struct LaidOutBlock {
  FlowUnit unit;
  // Draws rows [placement.first_row, placement.end_row) with the part's top-left at `origin`.
  std::function<void(Canvas&, const Placement& placement, Point origin)> draw;
};

struct LayoutContext {
  const FontMetrics& regular;
  const FontMetrics& bold;
  double width;      // line width in points
  double body_size;  // points
  double page_content_height;
  double line_spacing = 1.4;  // line height as a multiple of body_size
  double heading_space = 1;   // scales the space above headings
};

// One block may become several units (each bullet item paginates on its own).
void layoutBlock(const Block& block, const LayoutContext& context, std::vector<LaidOutBlock>& out);

// Shared look of SecureBase documents.
namespace palette {
inline constexpr Color ink{0.13, 0.13, 0.13};
inline constexpr Color accent{0.09, 0.40, 0.38};
inline constexpr Color muted{0.40, 0.40, 0.40};
inline constexpr Color rule{0.75, 0.78, 0.78};
inline constexpr Color tip_background{0.91, 0.96, 0.95};
inline constexpr Color table_header{0.89, 0.93, 0.93};
inline constexpr Color table_stripe{0.97, 0.98, 0.98};
}  // namespace palette

// Baseline of text of `size` centred in a line of `line_height` whose top is `top`.
double baselineIn(const FontMetrics& font, double top, double line_height, double size);

}  // namespace securebase::pdf::detail
