// Typed access to a parsed JSON document, used by every file reader (forms, visit files,
// exports, handout texts, pictures). Each check names the file, the JSON path of the value at
// fault and what was found instead, in one line:
//   forms/x.json: $.sections[2].items[0].min: expected a number, found a string
#pragma once

#include <boost/json/value.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "securebase/json/strict_parse.h"

namespace securebase::json {

// What a text value may hold. Control characters other than the ones allowed here are refused,
// and so is text that is not valid UTF-8.
struct TextRule {
  bool may_be_blank = false;
  bool line_breaks = true;
  bool tabs = false;
};

class ValueReader {
 public:
  explicit ValueReader(std::string source_name, Thrower throw_error = &throwBadInputError)
      : source_(std::move(source_name)), thrower_(throw_error) {}

  const std::string& source() const { return source_; }
  Thrower thrower() const { return thrower_; }

  // "<source>: <path>: <problem>".
  [[noreturn]] void fail(const std::string& path, const std::string& problem) const;

  const boost::json::object& object(const boost::json::value& value, const std::string& path) const;
  const boost::json::array& array(const boost::json::value& value, const std::string& path) const;
  // Refuses an empty array: every list in a form or a handout text needs at least one entry.
  const boost::json::array& nonEmptyArray(const boost::json::value& value,
                                          const std::string& path) const;
  std::string text(const boost::json::value& value, const std::string& path,
                   TextRule rule = {}) const;
  // What text() would refuse in `value`, or nothing: lets a caller build the path only when
  // there is a problem to name (an export has millions of fields).
  std::optional<std::string> textProblem(const boost::json::value& value, TextRule rule) const;
  bool boolean(const boost::json::value& value, const std::string& path) const;
  int integer(const boost::json::value& value, const std::string& path) const;
  std::int64_t integer64(const boost::json::value& value, const std::string& path) const;
  // Finite: Boost reads 1e999 as infinity, and no bound anyone types is that large.
  double number(const boost::json::value& value, const std::string& path) const;
  // Lower-case letters, digits, '-' and '_', starting with a letter or digit.
  std::string identifier(const boost::json::value& value, const std::string& path) const;

  const boost::json::value& field(const boost::json::object& object, std::string_view key,
                                  const std::string& path) const;
  // Refuses fields not in `allowed`, which are usually misspellings of allowed ones.
  void onlyFields(const boost::json::object& object, const std::string& path,
                  std::initializer_list<std::string_view> allowed) const;

 private:
  std::string source_;
  Thrower thrower_;
};

// "an object", "a string", "true", … for "expected X, found Y".
std::string describe(const boost::json::value& value);

}  // namespace securebase::json
