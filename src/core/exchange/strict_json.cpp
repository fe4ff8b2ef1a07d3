#include "strict_json.h"

namespace securebase::exchange::detail {

std::optional<model::Date> Reader::date(std::string_view key, bool required) {
  const std::string s = text(key, required);
  if (s.empty() && !required) return std::nullopt;
  auto d = model::Date::parse(s);
  if (!d) fail(at(key), "\"" + s + "\" is not a date like 2024-05-31");
  return d;
}

}  // namespace securebase::exchange::detail
