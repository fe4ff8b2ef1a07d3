// Positions in a JSON text, for the messages about problems found before the JSON
// structure exists (invalid UTF-8, syntax errors).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace securebase::json {

// "line 3, column 12" for the byte at `offset`; columns count characters, from 1.
std::string lineColumn(std::string_view text, std::size_t offset);

// Offset of the first byte that does not start a well-formed UTF-8 sequence.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

}  // namespace securebase::json
