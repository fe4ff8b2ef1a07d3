// Walks a large JSON document whose root is an object without parsing it whole: each member of
// the root is handed over as its own small text, except the arrays the caller streams, whose
// elements are handed over one at a time (with where they lie, to read them again later). Made
// for exports of a whole caseload: the families array is most of the file, each family is small.
//
// The text must have passed checkStrict (strict_parse.h): the scanner trusts its syntax.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "securebase/json/byte_source.h"

namespace securebase::json {

struct DocumentVisitor {
  // Whether the array under this root key is to be handed over element by element.
  std::function<bool(const std::string& key)> stream;
  // A member of the root as JSON text: a streamed array's text is "[]".
  std::function<void(const std::string& key, std::string_view value)> member;
  // One element of a streamed array, its index, and the byte range [begin, end) it occupies.
  std::function<void(const std::string& key, std::size_t index, std::string_view element,
                     std::size_t begin, std::size_t end)>
      element;
};

// False (and nothing visited) when the root is not an object.
bool scanDocument(const ByteSource& text, const DocumentVisitor& visitor);

}  // namespace securebase::json
