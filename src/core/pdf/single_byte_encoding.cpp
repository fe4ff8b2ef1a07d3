#include "single_byte_encoding.h"

#include <hpdf.h>

#include <memory>

#include "securebase/core/error.h"
#include "utf8_decode.h"

namespace securebase::pdf::detail {

namespace {

// PDF readers name this code "hyphen" in the standard encodings, so a soft hyphen would come
// back out of the PDF as a hard one: leave it to UTF-8. A no-break space may come back as a plain
// space, which is harmless: keeping words together is the line breaker's job, done by then.
bool extractsAsItself(char32_t cp) {
  return cp != U'\u00AD';
}

}  // namespace

void CharacterSet::add(std::string_view utf8) {
  for (std::size_t pos = 0; pos < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
      if (byte != '\n' && byte != '\t') add(static_cast<char32_t>(byte));
      ++pos;
    } else {
      add(nextCodePoint(utf8, pos));
    }
  }
}

SingleByteEncoding::SingleByteEncoding(const char* libharu_name) : name_(libharu_name) {
  const std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)> doc(
      HPDF_New(nullptr, nullptr), HPDF_Free);
  HPDF_Encoder encoder = doc ? HPDF_GetEncoder(doc.get(), libharu_name) : nullptr;
  if (encoder == nullptr || HPDF_Encoder_GetType(encoder) != HPDF_ENCODER_TYPE_SINGLE_BYTE)
    throw Error(ErrorKind::output, std::string("PDF library lacks the encoding ") + libharu_name);
  for (unsigned code = 0x20; code < 0x100; ++code) {
    const char32_t cp = HPDF_Encoder_GetUnicode(encoder, static_cast<HPDF_UINT16>(code));
    if (cp == 0 || cp == 0x7F || !extractsAsItself(cp)) continue;
    if (codes_.size() <= cp) codes_.resize(cp + 1, 0);
    if (codes_[cp] == 0) codes_[cp] = static_cast<std::uint8_t>(code);
  }
}

bool SingleByteEncoding::encodesAll(const CharacterSet& characters) const {
  if (characters.beyondBmp()) return false;
  for (const char32_t cp : characters.distinct())
    if (!encodes(cp)) return false;
  return true;
}

bool SingleByteEncoding::encode(std::string_view utf8, std::string& out) const {
  out.clear();
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    char32_t cp = byte;
    if (byte < 0x80)
      ++pos;
    else
      cp = nextCodePoint(utf8, pos);
    if (!encodes(cp)) return false;
    out += static_cast<char>(codes_[cp]);
  }
  return true;
}

const std::vector<SingleByteEncoding>& singleByteEncodings() {
  static const std::vector<SingleByteEncoding> encodings{SingleByteEncoding("WinAnsiEncoding"),
                                                         SingleByteEncoding("CP1250")};
  return encodings;
}

const SingleByteEncoding* singleByteEncodingFor(const CharacterSet& characters) {
  for (const SingleByteEncoding& encoding : singleByteEncodings())
    if (encoding.encodesAll(characters)) return &encoding;
  return nullptr;
}

}  // namespace securebase::pdf::detail
