// Positions in a JSON text, for the messages about problems found before the JSON
// structure exists (invalid UTF-8, syntax errors).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "securebase/json/byte_source.h"

namespace securebase::json {

// Line and column (characters, from 1) after the bytes given so far, fed in any pieces.
class PositionCounter {
 public:
  void advance(std::string_view bytes);
  // "line 3, column 12"
  std::string text() const;

 private:
  std::size_t line_ = 1;
  std::size_t column_ = 1;
};

// "line 3, column 12" for the byte at `offset`.
std::string lineColumn(std::string_view text, std::size_t offset);
std::string lineColumn(const ByteSource& source, std::size_t offset);

// Offset of the first byte that does not start a well-formed UTF-8 sequence.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

}  // namespace securebase::json
