// Walking UTF-8 one code point at a time, for the PDF module's measuring and checking loops.
// Callers validate text first (securebase::isValidUtf8); on malformed bytes this returns
// U+FFFD and advances one byte so a loop always ends.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace securebase::pdf::detail {

inline char32_t nextCodePoint(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  std::size_t length = 1;
  char32_t cp = lead;
  if (lead >= 0xF0) {
    length = 4;
    cp = lead & 0x07u;
  } else if (lead >= 0xE0) {
    length = 3;
    cp = lead & 0x0Fu;
  } else if (lead >= 0xC0) {
    length = 2;
    cp = lead & 0x1Fu;
  } else if (lead >= 0x80) {
    ++pos;
    return U'\uFFFD';
  }
  if (pos + length > text.size()) {
    ++pos;
    return U'\uFFFD';
  }
  for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (byte(pos + i) & 0x3Fu);
  pos += length;
  return cp;
}

// "U+00E9" style name of a code point, for error messages.
inline std::string codePointName(char32_t cp) {
  static const char* hex = "0123456789ABCDEF";
  std::string digits;
  for (auto v = static_cast<unsigned long>(cp); v != 0 || digits.size() < 4; v >>= 4)
    digits.insert(digits.begin(), hex[v & 0xFu]);
  return "U+" + digits;
}

}  // namespace securebase::pdf::detail
