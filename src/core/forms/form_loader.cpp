#include "securebase/forms/form_loader.h"

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "securebase/core/sha256.h"
#include "securebase/forms/form_error.h"
#include "securebase/forms/guidance.h"
#include "securebase/forms/personalize.h"
#include "securebase/json/json_path.h"
#include "securebase/json/strict_parse.h"
#include "securebase/json/value_reader.h"

namespace securebase::forms {

namespace {

using JsonReader = securebase::json::ValueReader;
using securebase::json::fieldPath;
using securebase::json::indexPath;
namespace json = boost::json;

enum class TextUse { plain, parent };

std::string inQuotes(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

std::string joined(const std::vector<std::string>& words) {
  std::string result;
  for (const auto& word : words) result += (result.empty() ? "" : ", ") + word;
  return result;
}

bool isLanguageCode(std::string_view code) {
  return (code.size() == 2 || code.size() == 3) &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

[[noreturn]] void throwFormError(const std::string& message) {
  throw FormError(message);
}

// Reads the form's structure. Ids seen so far are kept to refuse duplicates with the path of
// the first occurrence.
class FormBuilder {
 public:
  explicit FormBuilder(const JsonReader& reader) : r_(reader) {}

  Form build(const json::value& root) {
    const std::string path = "$";
    const auto& object = r_.object(root, path);
    r_.onlyFields(object, path, {"id", "version", "title", "languages", "scales", "sections"});
    Form form;
    form.id = r_.identifier(r_.field(object, "id", path), fieldPath(path, "id"));
    form.version = r_.integer(r_.field(object, "version", path), fieldPath(path, "version"));
    if (form.version < 1) r_.fail(fieldPath(path, "version"), "the version must be 1 or more");
    readLanguages(object, path, form);
    form.title = text(r_.field(object, "title", path), fieldPath(path, "title"));
    readScales(r_.field(object, "scales", path), fieldPath(path, "scales"), form);
    const std::string sections_path = fieldPath(path, "sections");
    const auto& sections = r_.nonEmptyArray(r_.field(object, "sections", path), sections_path);
    for (std::size_t i = 0; i < sections.size(); ++i)
      form.sections.push_back(section(sections[i], indexPath(sections_path, i), form));
    return form;
  }

 private:
  void readLanguages(const json::object& object, const std::string& path, Form& form) {
    languages_ = {"en"};
    if (const auto* value = object.if_contains("languages")) {
      const std::string list_path = fieldPath(path, "languages");
      const auto& list = r_.nonEmptyArray(*value, list_path);
      languages_.clear();
      for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string code = r_.text(list[i], indexPath(list_path, i));
        if (!isLanguageCode(code))
          r_.fail(indexPath(list_path, i), "invalid language code " + inQuotes(code));
        if (std::find(languages_.begin(), languages_.end(), code) != languages_.end())
          r_.fail(indexPath(list_path, i), "language " + inQuotes(code) + " is listed twice");
        languages_.push_back(code);
      }
      if (std::find(languages_.begin(), languages_.end(), "en") == languages_.end())
        r_.fail(list_path, "the languages must include \"en\"");
    }
    form.languages = languages_;
  }

  LocalizedText text(const json::value& value, const std::string& path,
                     TextUse use = TextUse::plain) {
    const auto& object = r_.object(value, path);
    if (!object.contains("en")) r_.fail(path, "missing English text (\"en\")");
    LocalizedText result;
    for (const auto& entry : object) {
      const std::string code(entry.key());
      const std::string entry_path = fieldPath(path, code);
      if (!isLanguageCode(code)) r_.fail(entry_path, "invalid language code " + inQuotes(code));
      if (std::find(languages_.begin(), languages_.end(), code) == languages_.end())
        r_.fail(entry_path, "language " + inQuotes(code) + " is not in the form's \"languages\" (" +
                                joined(languages_) + ")");
      std::string content = r_.text(entry.value(), entry_path);
      if (use == TextUse::parent) {
        if (auto problem = checkTemplate(content)) r_.fail(entry_path, *problem);
      } else if (content.find_first_of("{}") != std::string::npos) {
        r_.fail(entry_path,
                "placeholders such as {child} belong only in \"strength\" and "
                "\"try\" texts");
      }
      result.texts.emplace(code, std::move(content));
    }
    for (const auto& code : languages_)
      if (!result.has(code))
        r_.fail(path, "missing " + inQuotes(code) + " text (the form lists it in \"languages\")");
    return result;
  }

  void readScales(const json::value& value, const std::string& path, Form& form) {
    const auto& object = r_.object(value, path);
    if (object.empty()) r_.fail(path, "the form defines no scale");
    for (const auto& entry : object) {
      const std::string scale_path = fieldPath(path, entry.key());
      Scale scale;
      scale.id = r_.identifier(json::value(entry.key()), scale_path);
      const auto& levels = r_.nonEmptyArray(entry.value(), scale_path);
      if (levels.size() < 2) r_.fail(scale_path, "a scale needs at least two levels");
      for (std::size_t i = 0; i < levels.size(); ++i) {
        const std::string level_path = indexPath(scale_path, i);
        const auto& level_object = r_.object(levels[i], level_path);
        r_.onlyFields(level_object, level_path, {"value", "label"});
        ScaleLevel level;
        const std::string value_path = fieldPath(level_path, "value");
        level.value = r_.integer(r_.field(level_object, "value", level_path), value_path);
        if (!scale.levels.empty() && level.value == scale.levels.back().value)
          r_.fail(value_path, "the value " + std::to_string(level.value) + " appears twice");
        if (!scale.levels.empty() && level.value < scale.levels.back().value)
          r_.fail(value_path, "values must be ascending: " + std::to_string(level.value) +
                                  " comes after " + std::to_string(scale.levels.back().value));
        level.label =
            text(r_.field(level_object, "label", level_path), fieldPath(level_path, "label"));
        scale.levels.push_back(std::move(level));
      }
      form.scales.push_back(std::move(scale));
    }
  }

  Section section(const json::value& value, const std::string& path, const Form& form) {
    const auto& object = r_.object(value, path);
    r_.onlyFields(object, path, {"id", "title", "private", "items"});
    Section result;
    result.id = r_.identifier(r_.field(object, "id", path), fieldPath(path, "id"));
    if (auto [it, fresh] = section_paths_.emplace(result.id, path); !fresh)
      r_.fail(fieldPath(path, "id"),
              "section id " + inQuotes(result.id) + " is also used at " + it->second);
    result.title = text(r_.field(object, "title", path), fieldPath(path, "title"));
    if (const auto* is_private = object.if_contains("private"))
      result.is_private = r_.boolean(*is_private, fieldPath(path, "private"));
    const std::string items_path = fieldPath(path, "items");
    const auto& items = r_.nonEmptyArray(r_.field(object, "items", path), items_path);
    for (std::size_t i = 0; i < items.size(); ++i)
      result.items.push_back(item(items[i], indexPath(items_path, i), form, result.is_private));
    return result;
  }

  Item item(const json::value& value, const std::string& path, const Form& form,
            bool in_private_section) {
    const auto& object = r_.object(value, path);
    r_.onlyFields(object, path,
                  {"id", "guidance", "kind", "scale", "options", "min", "max", "label", "look_for",
                   "strength", "try", "concern", "leads_to"});
    Item result;
    result.id = r_.identifier(r_.field(object, "id", path), fieldPath(path, "id"));
    if (auto [it, fresh] = item_paths_.emplace(result.id, path); !fresh)
      r_.fail(fieldPath(path, "id"),
              "item id " + inQuotes(result.id) + " is also used at " + it->second);
    result.guidance = guidanceId(r_.field(object, "guidance", path), fieldPath(path, "guidance"));
    const std::string kind_path = fieldPath(path, "kind");
    const std::string kind = r_.text(r_.field(object, "kind", path), kind_path);
    const auto parsed_kind = parseItemKind(kind);
    if (!parsed_kind)
      r_.fail(kind_path, "unknown item kind " + inQuotes(kind) +
                             " (expected rating, yesno, single_choice, multiple_choice, number "
                             "or text)");
    result.kind = *parsed_kind;
    result.label = text(r_.field(object, "label", path), fieldPath(path, "label"));
    if (const auto* look_for = object.if_contains("look_for"))
      result.look_for = text(*look_for, fieldPath(path, "look_for"));
    readKindFields(object, path, form, result);
    readParentTexts(object, path, in_private_section, result);
    readConcern(object, path, result);
    return result;
  }

  void readKindFields(const json::object& object, const std::string& path, const Form& form,
                      Item& result) {
    const bool rating = result.kind == ItemKind::rating;
    const bool choice =
        result.kind == ItemKind::single_choice || result.kind == ItemKind::multiple_choice;
    const bool number = result.kind == ItemKind::number;
    refuseUnless(rating, object, path, "scale", "rating items");
    refuseUnless(choice, object, path, "options", "single_choice and multiple_choice items");
    refuseUnless(number, object, path, "min", "number items");
    refuseUnless(number, object, path, "max", "number items");
    if (rating) {
      const std::string scale_path = fieldPath(path, "scale");
      const std::string scale_id = r_.text(r_.field(object, "scale", path), scale_path);
      const Scale* scale = form.scale(scale_id);
      if (scale == nullptr) r_.fail(scale_path, "unknown scale " + inQuotes(scale_id));
      result.scale = *scale;
    }
    if (choice) readOptions(r_.field(object, "options", path), fieldPath(path, "options"), result);
    if (const auto* minimum = object.if_contains("min"))
      result.minimum = r_.number(*minimum, fieldPath(path, "min"));
    if (const auto* maximum = object.if_contains("max"))
      result.maximum = r_.number(*maximum, fieldPath(path, "max"));
    if (result.minimum && result.maximum && *result.minimum > *result.maximum)
      r_.fail(fieldPath(path, "max"), "\"max\" is below \"min\"");
  }

  void readOptions(const json::value& value, const std::string& path, Item& result) {
    const auto& options = r_.nonEmptyArray(value, path);
    if (options.size() < 2) r_.fail(path, "a choice needs at least two options");
    for (std::size_t i = 0; i < options.size(); ++i) {
      const std::string option_path = indexPath(path, i);
      const auto& object = r_.object(options[i], option_path);
      r_.onlyFields(object, option_path, {"id", "label"});
      ChoiceOption option;
      option.id = r_.identifier(r_.field(object, "id", option_path), fieldPath(option_path, "id"));
      if (result.option(option.id) != nullptr)
        r_.fail(fieldPath(option_path, "id"),
                "option id " + inQuotes(option.id) + " appears twice");
      option.label = text(r_.field(object, "label", option_path), fieldPath(option_path, "label"));
      result.options.push_back(std::move(option));
    }
  }

  void readParentTexts(const json::object& object, const std::string& path, bool in_private_section,
                       Item& result) {
    for (std::string_view key : {"strength", "try"}) {
      const auto* value = object.if_contains(key);
      if (value == nullptr) continue;
      const std::string text_path = fieldPath(path, key);
      if (in_private_section)
        r_.fail(text_path,
                "items of a private section have no parent texts (they never "
                "reach a handout)");
      if (result.kind != ItemKind::rating)
        r_.fail(text_path, inQuotes(key) + " is only for rating items");
      (key == "try" ? result.try_text : result.strength) = text(*value, text_path, TextUse::parent);
    }
  }

  void readConcern(const json::object& object, const std::string& path, Item& result) {
    if (const auto* concern = object.if_contains("concern")) {
      result.concern = r_.boolean(*concern, fieldPath(path, "concern"));
      if (result.concern && result.kind != ItemKind::yesno)
        r_.fail(fieldPath(path, "concern"), "only yesno items can be concern flags");
    }
    if (const auto* leads_to = object.if_contains("leads_to")) {
      const std::string leads_path = fieldPath(path, "leads_to");
      if (!result.concern) r_.fail(leads_path, "\"leads_to\" needs \"concern\": true");
      result.leads_to = guidanceId(*leads_to, leads_path);
    }
  }

  void refuseUnless(bool allowed, const json::object& object, const std::string& path,
                    std::string_view key, std::string_view who) {
    if (!allowed && object.if_contains(key) != nullptr)
      r_.fail(fieldPath(path, key), inQuotes(key) + " is only for " + std::string(who));
  }

  std::string guidanceId(const json::value& value, const std::string& path) {
    std::string id = r_.text(value, path);
    if (!isKnownGuidance(id))
      r_.fail(path,
              "unknown guidance id " + inQuotes(id) + " (known: G1-G7, P1-P9, H1, R1, S1, S2)");
    return id;
  }

  const JsonReader& r_;
  std::vector<std::string> languages_;
  std::map<std::string, std::string> section_paths_;
  std::map<std::string, std::string> item_paths_;
};

}  // namespace

Form parseForm(std::string_view json_text, const std::string& source_name) {
  const JsonReader reader(source_name, &throwFormError);
  const json::value root =
      securebase::json::parseStrict(json_text, source_name, "the form", &throwFormError);
  Form form = FormBuilder(reader).build(root);
  form.source_name = source_name;
  form.json_text = std::string(json_text);
  form.sha256 = sha256Hex(json_text);
  return form;
}

Form loadFormFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throwNotFound(path.string() + ": no such form file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FormError(path.string() + ": cannot open the form file");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw FormError(path.string() + ": cannot read the form file");
  return parseForm(content.str(), path.string());
}

}  // namespace securebase::forms
