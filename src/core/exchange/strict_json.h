// The exchange formats (visit files, exports) read through the one strict JSON reader of the
// json layer; this adds only what a record has that the json layer does not know: dates.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "securebase/json/field_reader.h"
#include "securebase/json/strict_parse.h"
#include "securebase/json/value_reader.h"
#include "securebase/model/date.h"

namespace securebase::exchange::detail {

inline boost::json::value parseStrictJson(std::string_view text, const std::string& source,
                                          std::string_view what) {
  return securebase::json::parseStrict(text, source, what);
}

// Holds the ValueReader a FieldReader refers to, so it is built first (base-from-member).
struct SourceNamed {
  securebase::json::ValueReader values;
};

// One record's fields, with problems named "<source>: <path>.<field>: …".
class Reader : private SourceNamed, public securebase::json::FieldReader {
 public:
  Reader(const std::string& source, std::string path, const boost::json::value& value,
         std::set<std::string> ignored = {})
      : SourceNamed{securebase::json::ValueReader(source)},
        FieldReader(values, std::move(path), value, std::move(ignored)) {}
  // Problems named through `shared` (which must outlive the reader): a reader of many records
  // need not copy the source's name into each.
  Reader(const securebase::json::ValueReader& shared, std::string path,
         const boost::json::value& value)
      : SourceNamed{securebase::json::ValueReader(std::string(), shared.thrower())},
        FieldReader(shared, std::move(path), value) {}

  // "YYYY-MM-DD", a real calendar date.
  std::optional<model::Date> date(std::string_view key, bool required);
};

}  // namespace securebase::exchange::detail
