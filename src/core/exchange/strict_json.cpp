#include "strict_json.h"

#include <boost/json/stream_parser.hpp>

#include "securebase/core/error.h"
#include "securebase/core/utf8.h"
// The helpers for positions and repeated keys the form loader uses too, so every kind of file
// reports problems the same way.
#include "securebase/json/duplicate_keys.h"
#include "securebase/json/source_position.h"

namespace securebase::exchange::detail {
namespace json = boost::json;

json::value parseStrictJson(std::string_view text, const std::string& source,
                            std::string_view what) {
  using securebase::json::lineColumn;
  if (auto bad = securebase::json::firstInvalidUtf8(text))
    throwBadInput(source + ": " + lineColumn(text, *bad) + ": not valid UTF-8 text");
  json::stream_parser parser;
  boost::system::error_code ec;
  const std::size_t used = parser.write_some(text.data(), text.size(), ec);
  if (ec) throwBadInput(source + ": " + lineColumn(text, used) + ": not valid JSON");
  if (auto extra = text.substr(used).find_first_not_of(" \t\r\n"); extra != std::string_view::npos)
    throwBadInput(source + ": " + lineColumn(text, used + extra) +
                  ": not valid JSON (text after the end of " + std::string(what) + ")");
  parser.finish(ec);
  if (ec)
    throwBadInput(source + ": " + lineColumn(text, text.size()) +
                  ": not valid JSON (the file ends too early)");
  if (auto duplicate = securebase::json::findDuplicateKey(text))
    throwBadInput(source + ": " + *duplicate);
  return parser.release();
}

Reader::Reader(const std::string& source, std::string path, const json::value& value,
               std::set<std::string> ignored)
    : source_(source), path_(std::move(path)), ignored_(std::move(ignored)) {
  if (!value.is_object()) fail(path_, "expected an object");
  object_ = &value.as_object();
  for (const auto& [key, v] : *object_) {
    (void)v;
    known_.insert(std::string(key));
  }
}

void Reader::fail(const std::string& path, const std::string& problem) const {
  throwBadInput(source_ + ": " + path + ": " + problem);
}

const json::value* Reader::find(std::string_view key) {
  known_.erase(std::string(key));
  return object_->if_contains(key);
}

std::string Reader::text(std::string_view key, bool required, const std::string& fallback) {
  const auto* v = find(key);
  if (v == nullptr || v->is_null()) {
    if (required) fail(at(key), "missing");
    return fallback;
  }
  if (!v->is_string()) fail(at(key), "expected a string");
  std::string s(v->as_string());
  if (!isValidUtf8(s)) fail(at(key), "not valid UTF-8 text");
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t')
      fail(at(key), "contains a control character");
  return s;
}

std::int64_t Reader::integer(std::string_view key, bool required, std::int64_t fallback) {
  const auto* v = find(key);
  if (v == nullptr || v->is_null()) {
    if (required) fail(at(key), "missing");
    return fallback;
  }
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= INT64_MAX)
    return static_cast<std::int64_t>(v->as_uint64());
  fail(at(key), "expected a whole number");
}

bool Reader::boolean(std::string_view key) {
  const auto* v = find(key);
  if (v == nullptr || v->is_null()) return false;
  if (!v->is_bool()) fail(at(key), "expected true or false");
  return v->as_bool();
}

std::optional<model::Date> Reader::date(std::string_view key, bool required) {
  const std::string s = text(key, required);
  if (s.empty() && !required) return std::nullopt;
  auto d = model::Date::parse(s);
  if (!d) fail(at(key), "\"" + s + "\" is not a date like 2024-05-31");
  return d;
}

const json::array& Reader::array(std::string_view key) {
  static const json::array kEmpty;
  const auto* v = find(key);
  if (v == nullptr || v->is_null()) return kEmpty;
  if (!v->is_array()) fail(at(key), "expected an array");
  return v->as_array();
}

void Reader::finish() const {
  for (const auto& key : known_)
    if (!ignored_.count(key)) fail(at(key), "unknown field");
}

}  // namespace securebase::exchange::detail
