// The text a dialog accepts: what the handout fonts can print (DESIGN §6: Latin-1, Latin
// Extended-A/B, general punctuation and the euro sign), so a name is refused when it is typed,
// not when the handout is printed. Installed on the Store, so every entry the program makes is
// checked. Wx-free; it moves to the core's pdf area once that publishes its font coverage.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace securebase::app {

// The first character the handout fonts cannot print, as UTF-8, or nullopt when all can be.
std::optional<std::string> firstUnprintable(std::string_view text);

// Throws securebase::Error(bad_input) naming `what` and the character.
void requirePrintable(std::string_view text, std::string_view what);

}  // namespace securebase::app
