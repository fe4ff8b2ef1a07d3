#include "securebase/json/source_position.h"

#include <algorithm>

#include "securebase/core/utf8.h"

namespace securebase::json {

std::string lineColumn(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // continuation bytes belong to the previous character
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::optional<std::size_t> firstInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80             ? 1
                               : (lead & 0xE0) == 0xC0 ? 2
                               : (lead & 0xF0) == 0xE0 ? 3
                               : (lead & 0xF8) == 0xF0 ? 4
                                                       : 0;
    if (length == 0 || !isValidUtf8(text.substr(i, length)) || i + length > text.size()) return i;
    i += length;
  }
  return std::nullopt;
}

}  // namespace securebase::json
