// Typed access to a parsed form file that throws FormError with the file name and the JSON
// path of the value at fault, so the loader reads like the schema it checks.
#pragma once

#include <boost/json/value.hpp>
#include <initializer_list>
#include <string>
#include <string_view>

namespace securebase::forms::detail {

namespace json = boost::json;

class JsonReader {
 public:
  explicit JsonReader(std::string source_name) : source_(std::move(source_name)) {}

  const std::string& source() const { return source_; }

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const;

  const json::object& object(const json::value& value, const std::string& path) const;
  // Refuses an empty array: every list in a form needs at least one entry.
  const json::array& array(const json::value& value, const std::string& path) const;
  // A non-blank string without control characters (newlines allowed).
  std::string text(const json::value& value, const std::string& path) const;
  bool boolean(const json::value& value, const std::string& path) const;
  int integer(const json::value& value, const std::string& path) const;
  double number(const json::value& value, const std::string& path) const;
  // Lower-case letters, digits, '-' and '_', starting with a letter or digit.
  std::string identifier(const json::value& value, const std::string& path) const;

  const json::value& field(const json::object& object, std::string_view key,
                           const std::string& path) const;
  const json::value* optionalField(const json::object& object, std::string_view key) const;
  // Refuses fields not in `allowed`, which are usually misspellings of allowed ones.
  void onlyFields(const json::object& object, const std::string& path,
                  std::initializer_list<std::string_view> allowed) const;

 private:
  std::string source_;
};

}  // namespace securebase::forms::detail
