// The fonts a PDF embeds, made here rather than by libharu. libharu set up every font again for
// every document: it re-read the TrueType file through a byte-at-a-time reader, walked all
// 65,536 code points of the BMP for a UTF-8 font, and cut the subset on saving — most of the cost
// of a handout, and 5 ms more for a name outside the single-byte encodings. Here each face is
// read once per process (FaceProgram); a document only records the glyphs it prints, and on
// saving gets a subset holding just those and its font dictionaries as plain libharu objects.
//
// Two kinds of font, the same glyphs and widths: a simple TrueType font in a single-byte
// encoding (WinAnsiEncoding, CP1250) when the document's text fits one, else a Type0 font whose
// codes are glyph ids (Identity-H) with a ToUnicode map, so any character the face has prints
// and extracts exactly.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "held_stream.h"
#include "securebase/pdf/font_metrics.h"
#include "single_byte_encoding.h"

namespace securebase::pdf::detail {

// A TrueType face read once per process.
class FaceProgram {
 public:
  // Thread-safe; the program lives for the whole process. Throws Error(not_found) when the file
  // cannot be read, Error(bad_input) when it is not a usable TrueType font.
  static const FaceProgram& ofFile(const std::filesystem::path& path);

  FaceProgram(std::string bytes, const std::filesystem::path& path);

  const FontMetrics& metrics() const { return metrics_; }
  // The face's PostScript name as libharu writes it ("DejaVuSans-Bold,Bold").
  const std::string& baseName() const { return base_name_; }
  // The FontDescriptor's entries after /FontName (flags, box, ascent...), ready to write.
  const std::string& descriptorEntries() const { return descriptor_entries_; }
  int missingWidth() const { return missing_width_; }

  // A TrueType file with the face's tables in which only the glyphs marked in `used` keep
  // their outlines. Parts of composite glyphs are marked too (to any depth), and glyph 0.
  std::string subset(std::vector<bool>& used) const;

  // "/FirstChar … /LastChar … /Widths […] /Encoding …" of a simple font in `encoding`, made once.
  const std::string& simpleFontEntries(const SingleByteEncoding& encoding) const;

 private:
  struct Table {
    std::uint32_t tag = 0;
    std::size_t offset = 0;
    std::size_t length = 0;
  };
  std::size_t glyphOffset(std::uint16_t glyph) const;

  std::string bytes_;
  FontMetrics metrics_;
  std::vector<Table> tables_;
  std::size_t glyf_ = 0;
  std::vector<std::uint32_t> loca_;  // glyph offsets into glyf, numGlyphs + 1 entries
  std::string base_name_;
  std::string descriptor_entries_;
  int missing_width_ = 0;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::string> simple_entries_;  // by encoding name
};

// One face as one document uses it.
class DocumentFont {
 public:
  // `encoding` nullptr: a Type0 font addressed by glyph ids. The font dictionary is added to
  // `doc` at once (pages refer to it); its content is written by finish().
  DocumentFont(HPDF_Doc doc, const FaceProgram& program, const SingleByteEncoding* encoding);
  DocumentFont(const DocumentFont&) = delete;
  DocumentFont& operator=(const DocumentFont&) = delete;

  HPDF_Dict dict() const { return dict_; }
  // Appends `utf8` as a PDF string operand for Tj ("(…)" or "<…>"). False when a character is
  // not in the encoding (nothing useful is appended then).
  bool appendString(std::string_view utf8, std::string& out);
  // Completes the font: widths, descriptor, the subset program, ToUnicode. Once, before saving.
  void finish();

 private:
  void markUsed(char32_t cp);

  HPDF_Doc doc_;
  const FaceProgram& program_;
  const SingleByteEncoding* encoding_;
  HPDF_Dict dict_ = nullptr;
  std::vector<bool> used_glyphs_;
  std::vector<char32_t> unicode_of_glyph_;  // for ToUnicode (Type0 only)
  // What the font's objects hold until the document is saved (libharu keeps pointers): the
  // Type0 font's widths, written by its dictionary's write hook, and the streams' bytes.
  std::string descendant_entries_;
  HeldBytes program_bytes_;
  HeldBytes to_unicode_bytes_;
};

}  // namespace securebase::pdf::detail
