#include "securebase/report/report_text.h"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "securebase/core/error.h"
#include "securebase/core/paths.h"
#include "securebase/core/utf8.h"

namespace securebase::report {
namespace json = boost::json;
namespace {

std::string readAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throwNotFound("report texts " + file.string() + " are missing; reinstall SecureBase");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> monthNames(const json::object& root, const char* key,
                                    const std::string& source) {
  const auto* value = root.if_contains(key);
  if (!value || !value->is_array() || value->as_array().size() != 12)
    throwBadInput(source + ": \"" + key + "\" must list the 12 month names");
  std::vector<std::string> names;
  for (const auto& name : value->as_array()) {
    if (!name.is_string()) throwBadInput(source + ": \"" + key + "\" must hold text only");
    names.emplace_back(name.as_string());
  }
  return names;
}

}  // namespace

std::string fillPlaceholders(
    std::string text, std::initializer_list<std::pair<std::string_view, std::string>> values) {
  for (const auto& [name, value] : values) {
    const std::string marker = "{" + std::string(name) + "}";
    for (std::size_t at = text.find(marker); at != std::string::npos;
         at = text.find(marker, at + value.size()))
      text.replace(at, marker.size(), value);
  }
  return text;
}

ReportText ReportText::load(const std::filesystem::path& file, model::Language language) {
  const std::string source = file.string();
  const std::string bytes = readAll(file);
  if (!isValidUtf8(bytes)) throwBadInput(source + " is not valid UTF-8 text");
  boost::system::error_code ec;
  json::value root = json::parse(bytes, ec);
  if (ec || !root.is_object())
    throwBadInput(source + " is not a JSON object (" + (ec ? ec.message() : "wrong type") + ")");
  const auto& object = root.as_object();
  const auto* lang = object.if_contains("language");
  if (!lang || !lang->is_string() ||
      model::parseLanguage(lang->as_string()) != std::optional<model::Language>(language))
    throwBadInput(source + ": \"language\" must be \"" + std::string(model::toString(language)) +
                  "\"");
  ReportText text;
  text.language_ = language;
  text.source_ = source;
  text.months_ = monthNames(object, "months", source);
  text.months_short_ = monthNames(object, "months_short", source);
  const auto* texts = object.if_contains("texts");
  if (!texts || !texts->is_object()) throwBadInput(source + ": \"texts\" must be an object");
  for (const auto& [key, value] : texts->as_object()) {
    if (!value.is_string()) throwBadInput(source + ": texts." + std::string(key) + " must be text");
    text.texts_.emplace(std::string(key), std::string(value.as_string()));
  }
  return text;
}

ReportText ReportText::loadDefault(model::Language language) {
  return load(
      assetsDir() / "reports" / std::string(model::toString(language)) / "progress-report.json",
      language);
}

const std::string& ReportText::get(std::string_view key) const {
  const auto found = texts_.find(key);
  if (found == texts_.end())
    throwNotFound(source_ + " has no text \"" + std::string(key) + "\"; reinstall SecureBase");
  return found->second;
}

std::string ReportText::format(
    std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> values) const {
  return fillPlaceholders(get(key), values);
}

std::string ReportText::longDate(model::Date date) const {
  const auto& month = months_[static_cast<std::size_t>(date.month - 1)];
  if (language_ == model::Language::es)
    return std::to_string(date.day) + " de " + month + " de " + std::to_string(date.year);
  return month + " " + std::to_string(date.day) + ", " + std::to_string(date.year);
}

std::string ReportText::shortDate(model::Date date) const {
  const auto& month = months_short_[static_cast<std::size_t>(date.month - 1)];
  if (language_ == model::Language::es) return std::to_string(date.day) + " " + month;
  return month + " " + std::to_string(date.day);
}

}  // namespace securebase::report
