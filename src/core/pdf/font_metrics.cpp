#include "securebase/pdf/font_metrics.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "securebase/core/error.h"
#include "utf8_decode.h"

namespace securebase::pdf {

namespace {

// Big-endian reads with bounds checks: a truncated or foreign file becomes an Error, not a crash.
class Reader {
 public:
  Reader(std::string_view bytes, std::string_view source) : bytes_(bytes), source_(source) {}
  std::uint32_t u8(std::size_t at) const { return byte(at); }
  std::uint32_t u16(std::size_t at) const { return (byte(at) << 8) | byte(at + 1); }
  std::int32_t s16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
  std::uint32_t u32(std::size_t at) const { return (u16(at) << 16) | u16(at + 2); }
  [[noreturn]] void fail(const std::string& why) const {
    throwBadInput("font file " + std::string(source_) + " is not usable: " + why);
  }

 private:
  std::uint32_t byte(std::size_t at) const {
    if (at >= bytes_.size()) fail("it is truncated");
    return static_cast<unsigned char>(bytes_[at]);
  }
  std::string_view bytes_;
  std::string_view source_;
};

std::map<std::string, std::size_t> tableOffsets(const Reader& in) {
  std::map<std::string, std::size_t> offsets;
  const std::uint32_t count = in.u16(4);
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::size_t entry = 12 + 16 * std::size_t{i};
    std::string tag;
    for (std::size_t k = 0; k < 4; ++k) tag += static_cast<char>(in.u8(entry + k));
    offsets[tag] = in.u32(entry + 8);
  }
  for (const char* needed : {"head", "hhea", "hmtx", "cmap"})
    if (offsets.count(needed) == 0) in.fail(std::string("it has no ") + needed + " table");
  return offsets;
}

// Offset of the Unicode BMP subtable in format 4, which is the one libharu itself reads.
std::size_t unicodeSubtable(const Reader& in, std::size_t cmap) {
  const std::uint32_t count = in.u16(cmap + 2);
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::size_t record = cmap + 4 + 8 * std::size_t{i};
    const std::uint32_t platform = in.u16(record);
    const std::uint32_t encoding = in.u16(record + 2);
    const std::size_t subtable = cmap + in.u32(record + 4);
    if (((platform == 3 && encoding == 1) || platform == 0) && in.u16(subtable) == 4)
      return subtable;
  }
  in.fail("it has no Unicode cmap in format 4");
}

// The parts of every composite glyph in the glyf table.
std::map<std::uint16_t, std::vector<std::uint16_t>> compositeParts(
    const Reader& in, const std::map<std::string, std::size_t>& tables) {
  std::map<std::uint16_t, std::vector<std::uint16_t>> parts;
  if (tables.count("glyf") == 0 || tables.count("loca") == 0 || tables.count("maxp") == 0)
    return parts;
  const std::uint32_t glyphs = in.u16(tables.at("maxp") + 4);
  const bool long_offsets = in.s16(tables.at("head") + 50) != 0;
  const std::size_t loca = tables.at("loca");
  const std::size_t glyf = tables.at("glyf");
  const auto offset = [&](std::uint32_t gid) -> std::size_t {
    return long_offsets ? in.u32(loca + 4 * std::size_t{gid})
                        : 2 * in.u16(loca + 2 * std::size_t{gid});
  };
  constexpr std::uint32_t kWordArgs = 0x0001, kScale = 0x0008, kMore = 0x0020, kXYScale = 0x0040,
                          kTwoByTwo = 0x0080;
  for (std::uint32_t gid = 0; gid < glyphs; ++gid) {
    const std::size_t start = offset(gid);
    if (offset(gid + 1) == start || in.s16(glyf + start) >= 0) continue;  // empty or simple glyph
    std::size_t at = glyf + start + 10;
    std::uint32_t flags = kMore;
    while ((flags & kMore) != 0) {
      flags = in.u16(at);
      parts[static_cast<std::uint16_t>(gid)].push_back(static_cast<std::uint16_t>(in.u16(at + 2)));
      at += 4 + ((flags & kWordArgs) != 0 ? 4 : 2);
      at += (flags & kScale) != 0      ? 2
            : (flags & kXYScale) != 0  ? 4
            : (flags & kTwoByTwo) != 0 ? 8
                                       : 0;
    }
  }
  return parts;
}

}  // namespace

FontMetrics::FontMetrics(std::string_view ttf_bytes, std::string_view source) {
  const Reader in(ttf_bytes, source);
  const auto tables = tableOffsets(in);
  const std::uint32_t units_per_em = in.u16(tables.at("head") + 18);
  if (units_per_em == 0) in.fail("its unitsPerEm is zero");
  const std::size_t hhea = tables.at("hhea");
  ascender_ = in.s16(hhea + 4) * 1000 / static_cast<std::int32_t>(units_per_em);
  descender_ = in.s16(hhea + 6) * 1000 / static_cast<std::int32_t>(units_per_em);
  const std::uint32_t metric_count = in.u16(hhea + 34);
  if (metric_count == 0) in.fail("it has no horizontal metrics");
  const std::size_t hmtx = tables.at("hmtx");
  const auto advanceOf = [&](std::uint32_t glyph) {
    const std::uint32_t index = glyph < metric_count ? glyph : metric_count - 1;
    // Truncated like libharu's HPDF_TTFontDef_GetGidWidth, so our line widths equal its /W.
    return static_cast<std::uint16_t>(in.u16(hmtx + 4 * std::size_t{index}) * 1000 / units_per_em);
  };

  parts_ = compositeParts(in, tables);
  if (tables.count("maxp") != 0) {
    const std::uint32_t glyphs = in.u16(tables.at("maxp") + 4);
    glyph_widths_.reserve(glyphs);
    for (std::uint32_t gid = 0; gid < glyphs; ++gid) glyph_widths_.push_back(advanceOf(gid));
  }
  const std::size_t sub = unicodeSubtable(in, tables.at("cmap"));
  const std::uint32_t segments = in.u16(sub + 6) / 2;
  const std::size_t ends = sub + 14;
  const std::size_t starts = ends + 2 * std::size_t{segments} + 2;
  const std::size_t deltas = starts + 2 * std::size_t{segments};
  const std::size_t range_offsets = deltas + 2 * std::size_t{segments};
  for (std::uint32_t s = 0; s < segments; ++s) {
    const std::uint32_t end = in.u16(ends + 2 * s);
    const std::uint32_t start = in.u16(starts + 2 * s);
    const std::uint32_t delta = in.u16(deltas + 2 * s);
    const std::uint32_t range_offset = in.u16(range_offsets + 2 * s);
    if (start > end || start == 0xFFFF) continue;
    if (widths_.size() <= end) {
      widths_.resize(end + 1, kMissing);
      glyphs_.resize(end + 1, 0);
    }
    for (std::uint32_t cp = start; cp <= end; ++cp) {
      std::uint32_t glyph = 0;
      if (range_offset == 0) {
        glyph = (cp + delta) & 0xFFFFu;
      } else {
        const std::size_t at = range_offsets + 2 * s + range_offset + 2 * (cp - start);
        glyph = in.u16(at);
        if (glyph != 0) glyph = (glyph + delta) & 0xFFFFu;
      }
      if (glyph != 0) {
        widths_[cp] = advanceOf(glyph);
        glyphs_[cp] = static_cast<std::uint16_t>(glyph);
      }
    }
  }
}

const std::vector<std::uint16_t>& FontMetrics::partsOf(std::uint16_t glyph) const {
  static const std::vector<std::uint16_t> none;
  const auto found = parts_.find(glyph);
  return found == parts_.end() ? none : found->second;
}

double FontMetrics::width(std::string_view utf8, double size) const {
  long total = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
      ++pos;
      if (byte < widths_.size() && widths_[byte] != kMissing) total += widths_[byte];
      continue;
    }
    total += advance(detail::nextCodePoint(utf8, pos));
  }
  return static_cast<double>(total) * size / 1000.0;
}

std::string FontMetrics::readFile(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary | std::ios::ate);
  if (!file) throwNotFound("cannot read font file " + path.string());
  std::string bytes(static_cast<std::size_t>(file.tellg()), '\0');
  file.seekg(0);
  if (!file.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    throwNotFound("cannot read font file " + path.string());
  return bytes;
}

const FontMetrics& FontMetrics::ofFile(const std::filesystem::path& path) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<FontMetrics>> cache;
  const std::lock_guard lock(mutex);
  auto& slot = cache[path.string()];
  if (!slot) slot = std::make_unique<FontMetrics>(readFile(path), path.string());
  return *slot;
}

// Layout, the text check and every page ask for the metrics many times per document; finding
// the font folder builds paths and takes locks, so each thread keeps its answer for as long as
// $SECUREBASE_FONT_DIR (the only input fontDir() re-reads) is unchanged. The metrics themselves
// live for the whole process.
const FontMetrics& FontMetrics::of(FontFace face) {
  struct Remembered {
    std::string env;
    const FontMetrics* metrics = nullptr;
  };
  thread_local Remembered remembered[2];
  const char* env = std::getenv("SECUREBASE_FONT_DIR");
  const std::string_view env_value = env == nullptr ? std::string_view() : std::string_view(env);
  Remembered& slot = remembered[face == FontFace::bold ? 1 : 0];
  if (slot.metrics == nullptr || slot.env != env_value) {
    slot.metrics = &ofFile(fontPath(face));
    slot.env = env_value;
  }
  return *slot.metrics;
}

}  // namespace securebase::pdf
