// Boost.JSON keeps only the last of two equal keys in an object, silently. A file SecureBase
// reads (a form, a visit file, an export) with a field written twice is almost always an
// editing mistake, so it is refused before parsing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace securebase::json {

// "<path>: field \"x\" appears twice" for the first repeated key, or nullopt. Expects text
// that is otherwise valid JSON (a syntax error simply ends the search).
std::optional<std::string> findDuplicateKey(std::string_view json_text);

}  // namespace securebase::json
