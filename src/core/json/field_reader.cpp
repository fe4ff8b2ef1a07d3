#include "securebase/json/field_reader.h"

#include <boost/json.hpp>
#include <optional>

namespace securebase::json {

namespace bj = boost::json;

FieldReader::FieldReader(const ValueReader& reader, std::string path, const bj::value& value,
                         std::set<std::string> ignored)
    : reader_(reader), path_(std::move(path)), ignored_(std::move(ignored)) {
  object_ = &reader_.object(value, path_);
  read_.assign(object_->size(), false);
}

const bj::value* FieldReader::find(std::string_view key) {
  // A record has a handful of fields: a look along them beats building a set of their names.
  for (std::size_t i = 0; i < object_->size(); ++i) {
    const auto& entry = object_->begin()[i];
    if (entry.key() == key) {
      read_[i] = true;
      return &entry.value();
    }
  }
  return nullptr;
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
  const TextRule rule{.may_be_blank = true, .line_breaks = true, .tabs = true};
  if (auto problem = reader_.textProblem(*value, rule)) fail(at(key), *problem);
  return std::string(value->get_string());
}

std::int64_t FieldReader::integer(std::string_view key, bool required, std::int64_t fallback) {
  const bj::value* value = present(key);
  if (value == nullptr) {
    if (required) fail(at(key), "missing");
    return fallback;
  }
  if (value->is_int64()) return value->get_int64();  // the path is only built for a problem
  return reader_.integer64(*value, at(key));
}

bool FieldReader::boolean(std::string_view key) {
  const bj::value* value = present(key);
  if (value == nullptr) return false;
  return value->is_bool() ? value->get_bool() : reader_.boolean(*value, at(key));
}

const bj::array& FieldReader::array(std::string_view key) {
  static const bj::array kEmpty;
  const bj::value* value = present(key);
  if (value == nullptr) return kEmpty;
  return value->is_array() ? value->get_array() : reader_.array(*value, at(key));
}

void FieldReader::finish() const {
  // The first unknown field by name, as one would look it up.
  std::optional<std::string> first;
  for (std::size_t i = 0; i < object_->size(); ++i) {
    if (read_[i]) continue;
    std::string key(object_->begin()[i].key());
    if (!ignored_.count(key) && (!first || key < *first)) first = std::move(key);
  }
  if (first) fail(at(*first), "unknown field");
}

}  // namespace securebase::json
