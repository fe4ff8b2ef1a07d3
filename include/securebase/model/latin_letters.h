// The plain letter a Latin letter with an accent is read as: "í" → 'i', "ś" → 's', "Ł" → 'l'.
// Searching ("garcia" finds "García", "wisniewski" finds "Wiśniewski") and file names built from
// a family's name use this one table, so both read a name the same way.
#pragma once

#include <string>
#include <string_view>

namespace securebase::model {

// The lower-case ASCII letter for `code_point` when it is a letter of Latin-1 Supplement or
// Latin Extended-A (U+00C0–U+017F); '\0' for anything else, including × and ÷.
char latinBase(char32_t code_point);

// The code point of the UTF-8 sequence starting at `text[i]`, moving `i` past it. `text` is
// valid UTF-8 (checked where text enters the program); a cut sequence yields what it has.
char32_t nextCodePoint(std::string_view text, std::size_t& i);

// `text` with ASCII lower-cased and the accented Latin letters read as their base letter
// (latinBase): "García" and "GARCIA" both give "garcia". The caseload's search and the agency
// server's duplicate check compare names through this one rule.
std::string foldAccentsAndCase(std::string_view text);

}  // namespace securebase::model
