// Reads one JSON object field by field, for records (a visit file, each record of an export):
// every field is optional unless asked for, null counts as absent, and finish() refuses any
// field that was not read, so a typo like "ratng" is caught instead of silently dropped.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/json/value_reader.h"

namespace securebase::json {

class FieldReader {
 public:
  // `ignored` fields may be present and are never refused (e.g. ids only for people to read).
  FieldReader(const ValueReader& reader, std::string path, const boost::json::value& value,
              std::set<std::string> ignored = {});

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    reader_.fail(path, problem);
  }
  std::string at(std::string_view key) const { return path_ + "." + std::string(key); }
  const std::string& path() const { return path_; }
  const boost::json::object& object() const { return *object_; }

  // The field as written (null included), or nullptr when absent; marks it as read.
  const boost::json::value* find(std::string_view key);
  // Valid UTF-8; tabs and line breaks allowed, other control characters refused.
  std::string text(std::string_view key, bool required, const std::string& fallback = "");
  std::int64_t integer(std::string_view key, bool required, std::int64_t fallback = 0);
  bool boolean(std::string_view key);
  const boost::json::array& array(std::string_view key);
  // Call last: any field not read and not ignored is refused.
  void finish() const;

 private:
  // As find(), with null counted as absent.
  const boost::json::value* present(std::string_view key);

  const ValueReader& reader_;
  std::string path_;
  std::set<std::string> ignored_;
  std::vector<bool> read_;  // by position in the object
  const boost::json::object* object_ = nullptr;
};

}  // namespace securebase::json
