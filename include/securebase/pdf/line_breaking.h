// Line breaking as a pure function over a "width of this text" callback, so it is tested
// without a PDF and can serve any renderer. Greedy: words are filled while they fit; runs of
// spaces collapse to one; "\n" starts a new line (an empty line for "\n\n"); a word wider than
// the line is split between characters (never inside a UTF-8 sequence) rather than dropped.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace securebase::pdf {

// Width of some text in points; must be additive (no kerning), as it is for libharu.
using TextWidthFn = std::function<double(std::string_view text)>;

std::vector<std::string> breakLines(std::string_view text, double max_width,
                                    const TextWidthFn& width);

// A span of text in one style; a paragraph may open with a bold run ("Tip: ...").
struct TextRun {
  std::string text;
  bool bold = false;
  bool operator==(const TextRun&) const = default;
};

struct StyledLine {
  std::vector<TextRun> runs;  // adjacent runs of one style are merged; spaces kept inside
  double width = 0;
};

using StyledWidthFn = std::function<double(std::string_view text, bool bold)>;

std::vector<StyledLine> breakStyledLines(const std::vector<TextRun>& runs, double max_width,
                                         const StyledWidthFn& width);

}  // namespace securebase::pdf
