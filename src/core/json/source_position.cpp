#include "securebase/json/source_position.h"

#include <algorithm>

#include "securebase/core/utf8.h"

namespace securebase::json {

void PositionCounter::advance(std::string_view bytes) {
  for (const char c : bytes) {
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;  // continuation bytes belong to the previous character
    }
  }
}

std::string PositionCounter::text() const {
  return "line " + std::to_string(line_) + ", column " + std::to_string(column_);
}

std::string lineColumn(std::string_view text, std::size_t offset) {
  PositionCounter position;
  position.advance(text.substr(0, std::min(offset, text.size())));
  return position.text();
}

std::string lineColumn(const ByteSource& source, std::size_t offset) {
  PositionCounter position;
  forEachPiece(source, 0, std::min(offset, source.size()), [&](std::string_view piece, auto) {
    position.advance(piece);
    return true;
  });
  return position.text();
}

std::optional<std::size_t> firstInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {  // most of any file: no need to ask the full check
      ++i;
      continue;
    }
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
