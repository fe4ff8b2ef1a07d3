#include "securebase/json/duplicate_keys.h"

#include <boost/json/basic_parser_impl.hpp>

#include "duplicate_key_finder.h"

namespace securebase::json {

std::optional<std::string> findDuplicateKey(std::string_view json_text) {
  boost::json::basic_parser<detail::DuplicateKeyFinder> parser{boost::json::parse_options{}};
  boost::system::error_code ec;
  parser.write_some(false, json_text.data(), json_text.size(), ec);
  return parser.handler().found;
}

}  // namespace securebase::json
