#include "securebase/report/report_text.h"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "securebase/core/error.h"
#include "securebase/core/paths.h"
#include "securebase/json/json_path.h"
#include "securebase/json/strict_parse.h"
#include "securebase/json/value_reader.h"

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

std::vector<std::string> monthNames(const securebase::json::ValueReader& reader,
                                    const json::object& root, const char* key) {
  const std::string path = securebase::json::fieldPath("$", key);
  const json::array& list = reader.array(reader.field(root, key, "$"), path);
  if (list.size() != 12) reader.fail(path, "must list the 12 month names");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < list.size(); ++i)
    names.push_back(reader.text(list[i], securebase::json::indexPath(path, i)));
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
  const securebase::json::ValueReader reader(source);
  const json::value root = securebase::json::parseStrict(readAll(file), source, "the texts");
  const json::object& object = reader.object(root, "$");
  reader.onlyFields(object, "$", {"language", "months", "months_short", "texts"});
  const std::string lang = reader.text(reader.field(object, "language", "$"), "$.language");
  if (model::parseLanguage(lang) != std::optional<model::Language>(language))
    reader.fail("$.language", "must be \"" + std::string(model::toString(language)) + "\"");
  ReportText text;
  text.language_ = language;
  text.source_ = source;
  text.months_ = monthNames(reader, object, "months");
  text.months_short_ = monthNames(reader, object, "months_short");
  const json::object& texts = reader.object(reader.field(object, "texts", "$"), "$.texts");
  for (const auto& [key, value] : texts)
    text.texts_.emplace(std::string(key),
                        reader.text(value, securebase::json::fieldPath("$.texts", key)));
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
