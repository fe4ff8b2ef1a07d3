#include "text_check.h"

#include "securebase/core/error.h"

namespace securebase::app {
namespace {

bool printable(char32_t c) {
  if (c == '\t' || c == '\n') return true;
  if (c >= 0x20 && c < 0x7F) return true;
  if (c >= 0xA0 && c <= 0x24F) return true;     // Latin-1 Supplement, Latin Extended-A and B
  if (c >= 0x2010 && c <= 0x2027) return true;  // dashes, quotes, bullets, ellipsis
  if (c >= 0x2030 && c <= 0x203A) return true;  // per mille, primes, angle quotes
  return c == 0x20AC;                           // euro
}

}  // namespace

std::optional<std::string> firstUnprintable(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = length == 1   ? lead
                 : length == 2 ? (lead & 0x1F)
                 : length == 3 ? (lead & 0x0F)
                               : (lead & 0x07);
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    if (!printable(c)) return std::string(text.substr(i, length));
    i += length;
  }
  return std::nullopt;
}

void requirePrintable(std::string_view text, std::string_view what) {
  if (auto bad = firstUnprintable(text))
    throwBadInput(std::string(what) + " holds \"" + *bad +
                  "\", which the handout fonts cannot print; please spell it with Latin letters");
}

}  // namespace securebase::app
