#include "json_reader.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <limits>

#include "securebase/core/utf8.h"
#include "securebase/forms/form_error.h"
#include "securebase/json/json_path.h"

namespace securebase::forms::detail {

namespace {

std::string describe(const json::value& value) {
  switch (value.kind()) {
    case json::kind::object:
      return "an object";
    case json::kind::array:
      return "an array";
    case json::kind::string:
      return "a string";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "a number";
    case json::kind::bool_:
      return value.get_bool() ? "true" : "false";
    case json::kind::null:
      return "null";
  }
  return "a value";
}

}  // namespace

void JsonReader::fail(const std::string& path, const std::string& problem) const {
  throw FormError(source_ + ": " + path + ": " + problem);
}

const json::object& JsonReader::object(const json::value& value, const std::string& path) const {
  if (!value.is_object()) fail(path, "expected an object, found " + describe(value));
  return value.get_object();
}

const json::array& JsonReader::array(const json::value& value, const std::string& path) const {
  if (!value.is_array()) fail(path, "expected an array, found " + describe(value));
  if (value.get_array().empty()) fail(path, "the list is empty");
  return value.get_array();
}

std::string JsonReader::text(const json::value& value, const std::string& path) const {
  if (!value.is_string()) fail(path, "expected a string, found " + describe(value));
  std::string result(value.get_string());
  if (!isValidUtf8(result)) fail(path, "the text is not valid UTF-8");
  for (char c : result)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n')
      fail(path, "the text contains a control character");
  if (std::all_of(result.begin(), result.end(), [](char c) { return c == ' ' || c == '\n'; }))
    fail(path, "the text is empty");
  return result;
}

bool JsonReader::boolean(const json::value& value, const std::string& path) const {
  if (!value.is_bool()) fail(path, "expected true or false, found " + describe(value));
  return value.get_bool();
}

int JsonReader::integer(const json::value& value, const std::string& path) const {
  constexpr auto kMax = std::numeric_limits<int>::max();
  constexpr auto kMin = std::numeric_limits<int>::min();
  if (value.is_int64() && value.get_int64() >= kMin && value.get_int64() <= kMax)
    return static_cast<int>(value.get_int64());
  if (value.is_uint64() && value.get_uint64() <= static_cast<std::uint64_t>(kMax))
    return static_cast<int>(value.get_uint64());
  if (value.is_number() && !value.is_double()) fail(path, "the number is too large");
  if (value.is_double()) fail(path, "expected a whole number, found a decimal number");
  fail(path, "expected a whole number, found " + describe(value));
}

double JsonReader::number(const json::value& value, const std::string& path) const {
  if (!value.is_number()) fail(path, "expected a number, found " + describe(value));
  // Boost reads 1e999 as infinity; no bound a counselor types is that large.
  const double number = value.to_number<double>();
  if (!std::isfinite(number)) fail(path, "the number is too large");
  return number;
}

std::string JsonReader::identifier(const json::value& value, const std::string& path) const {
  std::string id = text(value, path);
  const auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  };
  if (id.size() > 64 || !std::all_of(id.begin(), id.end(), allowed) || id[0] == '-' || id[0] == '_')
    fail(path, "invalid id \"" + id +
                   "\": use lower-case letters, digits, '-' and '_' (at most 64 characters)");
  return id;
}

const json::value& JsonReader::field(const json::object& object, std::string_view key,
                                     const std::string& path) const {
  const json::value* value = object.if_contains(key);
  if (value == nullptr) fail(path, "missing field \"" + std::string(key) + "\"");
  return *value;
}

const json::value* JsonReader::optionalField(const json::object& object,
                                             std::string_view key) const {
  return object.if_contains(key);
}

void JsonReader::onlyFields(const json::object& object, const std::string& path,
                            std::initializer_list<std::string_view> allowed) const {
  for (const auto& entry : object) {
    const std::string_view key(entry.key().data(), entry.key().size());
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      fail(path, "unknown field \"" + std::string(key) + "\"");
  }
}

}  // namespace securebase::forms::detail
