// Advance widths and character coverage of one TrueType face, read once from the font's own
// hmtx and cmap tables. Layout measures text with this instead of libharu's per-call lookup
// (which dominated the cost of a page), and the printable-text check uses the same cmap, so
// both agree with what the embedded font really contains.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/pdf/fonts.h"

namespace securebase::pdf {

class FontMetrics {
 public:
  // Parses TrueType bytes; throws Error(bad_input) naming `source` when they are not a usable font.
  FontMetrics(std::string_view ttf_bytes, std::string_view source);

  // Parsed once per process per font file and shared by every document (thread-safe).
  static const FontMetrics& of(FontFace face);
  static const FontMetrics& ofFile(const std::filesystem::path& path);
  // The bytes of a font file; throws Error(not_found) when it cannot be read.
  static std::string readFile(const std::filesystem::path& path);

  bool covers(char32_t cp) const { return cp < widths_.size() && widths_[cp] != kMissing; }
  // Width of a code point in thousandths of the font size (as libharu writes it to /W).
  int advance(char32_t cp) const { return covers(cp) ? widths_[cp] : 0; }
  // Width of UTF-8 text in points at `size` points; characters the font lacks count as zero.
  double width(std::string_view utf8, double size) const;
  // The font's glyph for a code point; 0 (.notdef) when it has none.
  std::uint16_t glyphOf(char32_t cp) const { return cp < glyphs_.size() ? glyphs_[cp] : 0; }
  // Advance width of a glyph in thousandths of the font size; 0 past the last glyph.
  int glyphAdvance(std::uint16_t glyph) const {
    return glyph < glyph_widths_.size() ? glyph_widths_[glyph] : 0;
  }
  std::size_t glyphCount() const { return glyph_widths_.size(); }
  // One past the highest code point the font covers.
  std::size_t codePointLimit() const { return widths_.size(); }
  // The parts of a composite glyph (accented letters like U+1EC5 are built from pieces,
  // sometimes nested); empty for a simple glyph. The embedder must keep the parts of every
  // glyph it keeps.
  const std::vector<std::uint16_t>& partsOf(std::uint16_t glyph) const;
  // Typographic ascender and descender (descender negative), thousandths of the font size.
  int ascender() const { return ascender_; }
  int descender() const { return descender_; }

 private:
  static constexpr std::uint16_t kMissing = 0xFFFF;
  std::vector<std::uint16_t> widths_;                          // indexed by code point (BMP only)
  std::vector<std::uint16_t> glyphs_;                          // indexed by code point
  std::vector<std::uint16_t> glyph_widths_;                    // indexed by glyph
  std::map<std::uint16_t, std::vector<std::uint16_t>> parts_;  // composite glyphs only
  int ascender_ = 0;
  int descender_ = 0;
};

}  // namespace securebase::pdf
