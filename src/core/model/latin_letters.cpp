#include "securebase/model/latin_letters.h"

#include <algorithm>

namespace securebase::model {
namespace {

// Base letters of U+00C0–U+017F, lower case; '\0' where the character is not a letter.
// Ligatures keep their first letter (æ → a, œ → o, ĳ → i), so each character stays one letter.
// (The table holds '\0' bytes, so its length is given explicitly.)
constexpr std::string_view kBase{
    "aaaaaaaceeeeiiii"   // C0–CF
    "dnooooo\0ouuuuyts"  // D0–DF (× is not a letter)
    "aaaaaaaceeeeiiii"   // E0–EF
    "dnooooo\0ouuuuyty"  // F0–FF (÷ is not a letter)
    "aaaaaacccccccc"     // 100–10D Ā … č
    "dddd"               // 10E–111 Ď … đ
    "eeeeeeeeee"         // 112–11B Ē … ě
    "gggggggg"           // 11C–123 Ĝ … ģ
    "hhhh"               // 124–127 Ĥ … ħ
    "iiiiiiiiii"         // 128–131 Ĩ … ı
    "iijjkkk"            // 132–138 Ĳ ĳ Ĵ ĵ Ķ ķ ĸ
    "llllllllll"         // 139–142 Ĺ … ł
    "nnnnnnnnn"          // 143–14B Ń … ŋ
    "oooooooo"           // 14C–153 Ō … œ
    "rrrrrr"             // 154–159 Ŕ … ř
    "ssssssss"           // 15A–161 Ś … š
    "tttttt"             // 162–167 Ţ … ŧ
    "uuuuuuuuuuuu"       // 168–173 Ũ … ų
    "wwyyy"              // 174–178 Ŵ ŵ Ŷ ŷ Ÿ
    "zzzzzzs",           // 179–17F Ź … ž ſ
    0x180 - 0xC0};

}  // namespace

char latinBase(char32_t code_point) {
  if (code_point < 0xC0 || code_point >= 0x180) return '\0';
  return kBase[code_point - 0xC0];
}

char32_t nextCodePoint(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  char32_t code_point = length == 1 ? lead : lead & (0x7Fu >> length);
  for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
  i += length;
  return code_point;
}

std::string foldAccentsAndCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t code_point = nextCodePoint(text, i);
    if (code_point < 0x80)
      out += static_cast<char>(code_point >= 'A' && code_point <= 'Z' ? code_point - 'A' + 'a'
                                                                      : code_point);
    else if (const char base = latinBase(code_point); base != '\0')
      out += base;
    else
      out.append(text.substr(start, std::min(i, text.size()) - start));
  }
  return out;
}

}  // namespace securebase::model
