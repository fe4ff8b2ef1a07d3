// JSON paths for messages about the files SecureBase reads: $.sections[2].items[0].scale
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace securebase::json {

std::string fieldPath(const std::string& parent, std::string_view key);
std::string indexPath(const std::string& parent, std::size_t index);

}  // namespace securebase::json
