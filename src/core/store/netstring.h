// Netstrings (length ':' bytes ','): the framing every hash in the store uses, so field
// boundaries are fixed and no text can move from one field to another and hash the same.
#pragma once

#include <string>
#include <string_view>

namespace securebase::store {

inline void appendNetstring(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ',';
}

}  // namespace securebase::store
