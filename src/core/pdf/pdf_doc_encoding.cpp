#include "pdf_doc_encoding.h"

#include "utf8_decode.h"

namespace securebase::pdf::detail {

namespace {

// PDF 1.7, Annex D.2: the codes 0x80-0xA0, where PDFDocEncoding differs from Latin-1
// (0x9F is undefined).
constexpr char32_t kHighCodes[] = {U'\u2022', U'\u2020', U'\u2021', U'\u2026', U'\u2014', U'\u2013',
                                   U'\u0192', U'\u2044', U'\u2039', U'\u203A', U'\u2212', U'\u2030',
                                   U'\u201E', U'\u201C', U'\u201D', U'\u2018', U'\u2019', U'\u201A',
                                   U'\u2122', U'\uFB01', U'\uFB02', U'\u0141', U'\u0152', U'\u0160',
                                   U'\u0178', U'\u017D', U'\u0131', U'\u0142', U'\u0153', U'\u0161',
                                   U'\u017E', 0,         U'\u20AC'};

std::optional<char> pdfDocCode(char32_t cp) {
  if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA1 && cp <= 0xFF && cp != 0xAD))
    return static_cast<char>(cp);
  for (std::size_t i = 0; i < std::size(kHighCodes); ++i)
    if (kHighCodes[i] != 0 && kHighCodes[i] == cp) return static_cast<char>(0x80 + i);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> pdfDocEncoded(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    const std::optional<char> code = pdfDocCode(nextCodePoint(utf8, pos));
    if (!code) return std::nullopt;
    out += *code;
  }
  return out;
}

}  // namespace securebase::pdf::detail
