#include "securebase/json/field_reader.h"

#include <boost/json.hpp>

namespace securebase::json {

namespace bj = boost::json;

FieldReader::FieldReader(const ValueReader& reader, std::string path, const bj::value& value,
                         std::set<std::string> ignored)
    : reader_(reader), path_(std::move(path)), ignored_(std::move(ignored)) {
  object_ = &reader_.object(value, path_);
  for (const auto& entry : *object_) unread_.insert(std::string(entry.key()));
}

const bj::value* FieldReader::find(std::string_view key) {
  unread_.erase(std::string(key));
  return object_->if_contains(key);
}

const bj::value* FieldReader::present(std::string_view key) {
  const bj::value* value = find(key);
  return value == nullptr || value->is_null() ? nullptr : value;
}

std::string FieldReader::text(std::string_view key, bool required, const std::string& fallback) {
  const bj::value* value = present(key);
  if (value == nullptr) {
    if (required) fail(at(key), "missing");
    return fallback;
  }
  return reader_.text(*value, at(key), {.may_be_blank = true, .line_breaks = true, .tabs = true});
}

std::int64_t FieldReader::integer(std::string_view key, bool required, std::int64_t fallback) {
  const bj::value* value = present(key);
  if (value == nullptr) {
    if (required) fail(at(key), "missing");
    return fallback;
  }
  return reader_.integer64(*value, at(key));
}

bool FieldReader::boolean(std::string_view key) {
  const bj::value* value = present(key);
  return value != nullptr && reader_.boolean(*value, at(key));
}

const bj::array& FieldReader::array(std::string_view key) {
  static const bj::array kEmpty;
  const bj::value* value = present(key);
  return value == nullptr ? kEmpty : reader_.array(*value, at(key));
}

void FieldReader::finish() const {
  for (const auto& key : unread_)
    if (!ignored_.count(key)) fail(at(key), "unknown field");
}

}  // namespace securebase::json
