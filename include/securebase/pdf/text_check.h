// Text hygiene before anything reaches a PDF: Unicode NFC normalisation and a check that every
// character can be printed with the embedded fonts. A glyph the font lacks would otherwise print
// as an empty box and invalid UTF-8 as garbage, silently; here both become a clear error. The
// store calls the same check when a name is typed, so an unprintable name is refused at entry.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace securebase::pdf {

// Canonical composition (NFC) of valid UTF-8, e.g. "e" + U+0301 becomes U+00E9.
// Throws Error(bad_input) when `text` is not valid UTF-8.
std::string normalizeNfc(std::string_view text);

// The distinct code points of `text` (after NFC) that the regular or bold face lacks, in order
// of first appearance. Tab and newline count as printable (layout handles them).
// Throws Error(bad_input) when `text` is not valid UTF-8.
std::vector<char32_t> unprintableCharacters(std::string_view text);

// Throws Error(bad_input) when `text` is invalid UTF-8 or holds a character the fonts cannot
// print, naming `what` and the character, e.g.
//   family name: the character 'ア' (U+30A2) cannot be printed in handouts
void checkPrintable(std::string_view text, std::string_view what);
// The same, with `what` built only when the text is not plain ASCII (which always prints):
// readers of large files name millions of fields.
void checkPrintableLazy(std::string_view text, const std::function<std::string()>& what);

// NFC of `text`, checked with checkPrintable: the form layout works on.
std::string printableText(std::string_view text, std::string_view what);

}  // namespace securebase::pdf
