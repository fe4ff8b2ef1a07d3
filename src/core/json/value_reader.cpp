#include "securebase/json/value_reader.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "securebase/core/utf8.h"

namespace securebase::json {

namespace bj = boost::json;

std::string describe(const bj::value& value) {
  switch (value.kind()) {
    case bj::kind::object:
      return "an object";
    case bj::kind::array:
      return "an array";
    case bj::kind::string:
      return "a string";
    case bj::kind::int64:
    case bj::kind::uint64:
    case bj::kind::double_:
      return "a number";
    case bj::kind::bool_:
      return value.get_bool() ? "true" : "false";
    case bj::kind::null:
      return "null";
  }
  return "a value";
}

void ValueReader::fail(const std::string& path, const std::string& problem) const {
  thrower_(source_ + ": " + path + ": " + problem);
  std::abort();  // a thrower that returns is a programming error
}

const bj::object& ValueReader::object(const bj::value& value, const std::string& path) const {
  if (!value.is_object()) fail(path, "expected an object, found " + describe(value));
  return value.get_object();
}

const bj::array& ValueReader::array(const bj::value& value, const std::string& path) const {
  if (!value.is_array()) fail(path, "expected an array, found " + describe(value));
  return value.get_array();
}

const bj::array& ValueReader::nonEmptyArray(const bj::value& value, const std::string& path) const {
  const bj::array& list = array(value, path);
  if (list.empty()) fail(path, "the list is empty");
  return list;
}

std::optional<std::string> ValueReader::textProblem(const bj::value& value, TextRule rule) const {
  if (!value.is_string()) return "expected a string, found " + describe(value);
  const std::string_view result(value.get_string());
  if (!isValidUtf8(result)) return "the text is not valid UTF-8";
  for (char c : result) {
    if (static_cast<unsigned char>(c) >= 0x20) continue;
    if ((c == '\n' && rule.line_breaks) || (c == '\t' && rule.tabs)) continue;
    return "the text contains a control character";
  }
  const bool blank = std::all_of(result.begin(), result.end(),
                                 [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
  if (blank && !rule.may_be_blank) return "the text is empty";
  return std::nullopt;
}

std::string ValueReader::text(const bj::value& value, const std::string& path,
                              TextRule rule) const {
  if (auto problem = textProblem(value, rule)) fail(path, *problem);
  return std::string(value.get_string());
}

bool ValueReader::boolean(const bj::value& value, const std::string& path) const {
  if (!value.is_bool()) fail(path, "expected true or false, found " + describe(value));
  return value.get_bool();
}

std::int64_t ValueReader::integer64(const bj::value& value, const std::string& path) const {
  if (value.is_int64()) return value.get_int64();
  if (value.is_uint64()) {
    if (value.get_uint64() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      fail(path, "the number is too large");
    return static_cast<std::int64_t>(value.get_uint64());
  }
  if (value.is_double()) fail(path, "expected a whole number, found a decimal number");
  fail(path, "expected a whole number, found " + describe(value));
}

int ValueReader::integer(const bj::value& value, const std::string& path) const {
  const std::int64_t number = integer64(value, path);
  if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max())
    fail(path, "the number is too large");
  return static_cast<int>(number);
}

double ValueReader::number(const bj::value& value, const std::string& path) const {
  if (!value.is_number()) fail(path, "expected a number, found " + describe(value));
  const double number = value.to_number<double>();
  if (!std::isfinite(number)) fail(path, "the number is too large");
  return number;
}

std::string ValueReader::identifier(const bj::value& value, const std::string& path) const {
  std::string id = text(value, path);
  const auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  };
  if (id.size() > 64 || !std::all_of(id.begin(), id.end(), allowed) || id[0] == '-' || id[0] == '_')
    fail(path, "invalid id \"" + id +
                   "\": use lower-case letters, digits, '-' and '_' (at most 64 characters)");
  return id;
}

const bj::value& ValueReader::field(const bj::object& object, std::string_view key,
                                    const std::string& path) const {
  const bj::value* value = object.if_contains(key);
  if (value == nullptr) fail(path, "missing field \"" + std::string(key) + "\"");
  return *value;
}

void ValueReader::onlyFields(const bj::object& object, const std::string& path,
                             std::initializer_list<std::string_view> allowed) const {
  for (const auto& entry : object) {
    const std::string_view key(entry.key().data(), entry.key().size());
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string expected;
      for (std::string_view name : allowed)
        expected += (expected.empty() ? "" : ", ") + std::string(name);
      fail(path, "unknown field \"" + std::string(key) + "\" (expected " + expected + ")");
    }
  }
}

}  // namespace securebase::json
