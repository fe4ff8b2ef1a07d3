// The strict JSON reading shared by every file SecureBase takes in (visit files, exports): the
// whole text parsed with line and column of the first problem, repeated keys refused, and an
// object reader that names the JSON path of anything wrong and refuses unknown fields.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "securebase/model/date.h"

namespace securebase::exchange::detail {

// Parses the whole text; Error(bad_input) "<source>: line L, column C: …" on invalid UTF-8,
// invalid JSON, trailing text or a field written twice. `what` names the document in the
// message about trailing text ("the visit", "the export").
boost::json::value parseStrictJson(std::string_view text, const std::string& source,
                                   std::string_view what);

// Reads one JSON object field by field, naming the path of anything wrong.
class Reader {
 public:
  Reader(const std::string& source, std::string path, const boost::json::value& value,
         std::set<std::string> ignored = {});

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const;
  std::string at(std::string_view key) const { return path_ + "." + std::string(key); }
  const std::string& path() const { return path_; }
  const boost::json::object& object() const { return *object_; }

  const boost::json::value* find(std::string_view key);
  // Valid UTF-8 without control characters other than tab and newline.
  std::string text(std::string_view key, bool required, const std::string& fallback = "");
  std::int64_t integer(std::string_view key, bool required, std::int64_t fallback = 0);
  bool boolean(std::string_view key);
  std::optional<model::Date> date(std::string_view key, bool required);
  const boost::json::array& array(std::string_view key);
  // Call last: any field not read and not ignored is refused (catches typos like "ratng").
  void finish() const;

 private:
  const std::string& source_;
  std::string path_;
  std::set<std::string> ignored_;
  std::set<std::string> known_;
  const boost::json::object* object_ = nullptr;
};

}  // namespace securebase::exchange::detail
