// UTF-8 checks applied wherever text enters SecureBase (CLI arguments, JSON files, dialogs),
// so invalid bytes are refused with a message instead of being stored or printed garbled.
#pragma once

#include <string>
#include <string_view>

namespace securebase {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool isValidUtf8(std::string_view text);

// Throws Error(bad_input) naming `what` when `text` is not valid UTF-8 or holds control
// characters other than tab and newline; returns the text unchanged otherwise.
const std::string& requireText(const std::string& text, std::string_view what);

}  // namespace securebase
