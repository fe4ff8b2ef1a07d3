// The single-byte text encodings a document may be written in instead of UTF-8. libharu sets up
// a UTF-8 font by walking all 65,536 code points of the BMP (per font, per document: most of the
// cost of a handout); a font in a single-byte encoding it knows has 256 codes and is set up in
// microseconds. The same subset TrueType faces are embedded either way, as simple TrueType fonts
// here. A document uses the first encoding that holds every character it prints; anything else
// takes the UTF-8 path.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace securebase::pdf::detail {

// The distinct characters some text prints (BMP only; anything beyond is remembered as such).
// Line feeds and tabs are left out: line breaking turns them into line breaks and spaces, so
// they never reach a font.
class CharacterSet {
 public:
  void add(std::string_view utf8);
  void add(char32_t cp) {
    if (cp >= kLimit) {
      beyond_bmp_ = true;
    } else if (!present_[cp]) {
      present_[cp] = true;
      distinct_.push_back(cp);
    }
  }
  bool contains(char32_t cp) const { return cp < kLimit ? present_[cp] : beyond_bmp_; }
  bool beyondBmp() const { return beyond_bmp_; }
  // In order of first appearance.
  const std::vector<char32_t>& distinct() const { return distinct_; }

 private:
  static constexpr std::size_t kLimit = 0x10000;
  std::bitset<kLimit> present_;
  std::vector<char32_t> distinct_;
  bool beyond_bmp_ = false;
};

class SingleByteEncoding {
 public:
  // Reads libharu's own table for `libharu_name` (e.g. "WinAnsiEncoding"), so the codes sent and
  // the widths libharu writes for them agree.
  explicit SingleByteEncoding(const char* libharu_name);

  const char* name() const { return name_; }
  bool encodes(char32_t cp) const { return cp < codes_.size() && codes_[cp] != 0; }
  // The code of `cp` in this encoding; 0 when it has none.
  std::uint8_t codeOf(char32_t cp) const { return cp < codes_.size() ? codes_[cp] : 0; }
  bool encodesAll(const CharacterSet& characters) const;
  // `utf8` in this encoding; false (and `out` unspecified) when a character is not in it.
  bool encode(std::string_view utf8, std::string& out) const;

 private:
  const char* name_;
  std::vector<std::uint8_t> codes_;  // indexed by code point; 0: not in this encoding
};

// WinAnsiEncoding (CP1252: English, Spanish, French, German...), then CP1250 (Polish, Czech,
// Hungarian...). Built once per process.
const std::vector<SingleByteEncoding>& singleByteEncodings();

// The first encoding holding every character of `characters`; nullptr when none does.
const SingleByteEncoding* singleByteEncodingFor(const CharacterSet& characters);

}  // namespace securebase::pdf::detail
