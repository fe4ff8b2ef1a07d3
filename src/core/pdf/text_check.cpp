#include "securebase/pdf/text_check.h"

#include <algorithm>
#include <boost/locale/conversion.hpp>
#include <boost/locale/generator.hpp>

#include "securebase/core/error.h"
#include "securebase/core/utf8.h"
#include "securebase/pdf/font_metrics.h"
#include "utf8_decode.h"

namespace securebase::pdf {

namespace {

void requireUtf8(std::string_view text, std::string_view what) {
  if (!isValidUtf8(text)) throwBadInput(std::string(what) + " is not valid UTF-8 text");
}

// Every code point below U+0300 is stable under NFC (none decomposes and none is a combining
// mark), and so is general punctuation from U+2002 on (the ellipsis, dashes, curly quotes of
// the handouts; only U+2000 and U+2001 decompose) and the euro sign. That covers nearly all
// handout text and spares the ICU call.
bool alreadyNfc(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const char32_t cp = detail::nextCodePoint(text, pos);
    if (cp >= 0x300 && !(cp >= 0x2002 && cp <= 0x206F) && cp != 0x20AC) return false;
  }
  return true;
}

const std::locale& icuLocale() {
  static const std::locale locale = [] {
    boost::locale::generator generator;
    generator.use_ansi_encoding(false);
    return generator("en_US.UTF-8");
  }();
  return locale;
}

std::string nfcOfValid(std::string_view text) {
  if (alreadyNfc(text)) return std::string(text);
  return boost::locale::normalize(text.data(), text.data() + text.size(), boost::locale::norm_nfc,
                                  icuLocale());
}

std::vector<char32_t> missingFrom(std::string_view nfc_text) {
  const FontMetrics& regular = FontMetrics::of(FontFace::regular);
  const FontMetrics& bold = FontMetrics::of(FontFace::bold);
  std::vector<char32_t> missing;
  for (std::size_t pos = 0; pos < nfc_text.size();) {
    const char32_t cp = detail::nextCodePoint(nfc_text, pos);
    if (cp == U'\n' || cp == U'\t' || (regular.covers(cp) && bold.covers(cp))) continue;
    if (std::find(missing.begin(), missing.end(), cp) == missing.end()) missing.push_back(cp);
  }
  return missing;
}

std::string utf8Of(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

void throwUnprintable(std::string_view what, char32_t cp) {
  // Control characters are named by code only: printing them would garble the message.
  if (cp < 0x20)
    throwBadInput(errorText("{1}: the character ({2}) cannot be printed in handouts and reports",
                            phrasePart(what), detail::codePointName(cp)));
  throwBadInput(
      // TRANSLATORS: {1} the field ("family name"), {2} the character, {3} its Unicode name.
      errorText("{1}: the character '{2}' ({3}) cannot be printed in handouts and reports",
                phrasePart(what), utf8Of(cp), detail::codePointName(cp)));
}

}  // namespace

std::string normalizeNfc(std::string_view text) {
  requireUtf8(text, "text");
  return nfcOfValid(text);
}

std::vector<char32_t> unprintableCharacters(std::string_view text) {
  requireUtf8(text, "text");
  return missingFrom(nfcOfValid(text));
}

std::string printableText(std::string_view text, std::string_view what) {
  requireUtf8(text, what);
  std::string nfc = nfcOfValid(text);
  if (const auto missing = missingFrom(nfc); !missing.empty())
    throwUnprintable(what, missing.front());
  return nfc;
}

void checkPrintableLazy(std::string_view text, const std::function<std::string()>& what) {
  // Plain ASCII text (most of what is typed) is always printable: skip NFC and the font lookup.
  const bool plain_ascii = std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 0x20 && c <= 0x7E) || c == '\n' || c == '\t';
  });
  if (plain_ascii) return;
  (void)printableText(text, what());
}

void checkPrintable(std::string_view text, std::string_view what) {
  checkPrintableLazy(text, [&] { return std::string(what); });
}

}  // namespace securebase::pdf
