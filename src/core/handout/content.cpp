#include "securebase/handout/content.h"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include "securebase/core/error.h"
#include "securebase/core/paths.h"
#include "securebase/json/json_path.h"
#include "securebase/json/strict_parse.h"
#include "securebase/json/value_reader.h"

namespace securebase::handout {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;
using securebase::json::fieldPath;

constexpr std::array<std::pair<BlockKind, std::string_view>, 8> kBlockKinds{{
    {BlockKind::paragraph, "paragraph"},
    {BlockKind::bullets, "bullets"},
    {BlockKind::tip, "tip"},
    {BlockKind::safety, "safety"},
    {BlockKind::help_lines, "help_lines"},
    {BlockKind::reading, "reading"},
    {BlockKind::remember, "remember"},
    {BlockKind::plan, "plan"},
}};

constexpr std::array<std::pair<AgeBand, std::string_view>, 5> kAgeBands{{
    {AgeBand::general, "general"},
    {AgeBand::months_0_3, "0-3"},
    {AgeBand::months_4_6, "4-6"},
    {AgeBand::months_7_12, "7-12"},
    {AgeBand::months_13_24, "13-24"},
}};

std::string readBytes(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec))
    throwNotFound("handout content file not found: " + file.string());
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open()) throwBadInput(file.string() + ": cannot be read (check its permissions)");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The json layer's strict reader with the shapes a handout text has, so every complaint names
// the file, the JSON path and the problem in one line.
class Reader {
 public:
  explicit Reader(const fs::path& file) : values_(file.string()) {}

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    values_.fail(path, problem);
  }

  const json::object& object(const json::value& value, const std::string& path) const {
    return values_.object(value, path);
  }

  const json::array& nonEmptyArray(const json::object& owner, std::string_view key,
                                   const std::string& path) const {
    return values_.nonEmptyArray(values_.field(owner, key, path), fieldPath(path, key));
  }

  void onlyKeys(const json::object& owner, std::initializer_list<std::string_view> allowed,
                const std::string& path) const {
    values_.onlyFields(owner, path, allowed);
  }

  // One line of text: a handout lays out its own lines, so a line break in the file is a slip.
  std::string string(const json::object& owner, std::string_view key, const std::string& path,
                     bool required = true) const {
    const json::value* value = owner.if_contains(key);
    if (value == nullptr) {
      if (required) values_.field(owner, key, path);  // names the missing field
      return {};
    }
    return values_.text(*value, fieldPath(path, key),
                        {.may_be_blank = !required, .line_breaks = false});
  }

  // A handout text is read with and without a name and for every sex, so a bad marker is found
  // when the file loads rather than when a parent's copy prints.
  std::string contentText(const json::object& owner, std::string_view key, const std::string& path,
                          bool required = true) const {
    std::string text = string(owner, key, path, required);
    const std::string at = fieldPath(path, key);
    std::vector<std::string> readings;
    try {
      for (model::Sex sex : {model::Sex::female, model::Sex::male, model::Sex::unknown}) {
        readings.push_back(resolveText(text, std::nullopt, sex));
        readings.push_back(resolveText(text, std::string("Ana"), sex));
      }
    } catch (const Error& e) {
      fail(at, e.what());
    }
    for (const std::string& reading : readings)
      if (const auto brace = reading.find_first_of("{}"); brace != std::string::npos) {
        const auto close = reading.find('}', brace);
        const std::string marker = close == std::string::npos
                                       ? reading.substr(brace)
                                       : reading.substr(brace, close - brace + 1);
        fail(at, "unknown marker \"" + marker + "\" (use {child|your baby} or {f:…|m:…|u:…})");
      }
    return text;
  }

  std::vector<std::string> covers(const json::object& owner, const std::string& path) const {
    std::vector<std::string> ids;
    const json::value* value = owner.if_contains("covers");
    if (value == nullptr) return ids;
    const std::string at = path + ".covers";
    if (!value->is_array()) fail(at, "must be a list of guidance ids like [\"G1\", \"P3\"]");
    for (std::size_t i = 0; i < value->get_array().size(); ++i) {
      const json::value& id = value->get_array()[i];
      const std::string item_at = at + "[" + std::to_string(i) + "]";
      if (!id.is_string() || !isGuidanceId(id.get_string()))
        fail(item_at,
             "must be a guidance id: capital letters then digits, like \"G1\" or \"READ2\"");
      ids.emplace_back(id.get_string());
    }
    return ids;
  }

 private:
  static bool isGuidanceId(std::string_view id) {
    std::size_t letters = 0;
    while (letters < id.size() && id[letters] >= 'A' && id[letters] <= 'Z') ++letters;
    if (letters == 0 || letters == id.size()) return false;
    for (std::size_t i = letters; i < id.size(); ++i)
      if (id[i] < '0' || id[i] > '9') return false;
    return true;
  }

  securebase::json::ValueReader values_;
};

bool isHandoutId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

BlockKind parseBlockKind(const Reader& reader, const json::object& block, const std::string& path) {
  const std::string type = reader.string(block, "type", path);
  for (const auto& [kind, name] : kBlockKinds)
    if (name == type) return kind;
  reader.fail(path + ".type", "unknown block type \"" + type +
                                  "\" (expected paragraph, bullets, tip, safety, help_lines, "
                                  "reading, remember or plan)");
}

std::vector<ContentItem> readItems(const Reader& reader, const json::object& block, bool titled,
                                   const std::string& path) {
  std::vector<ContentItem> items;
  const json::array& list = reader.nonEmptyArray(block, "items", path);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = path + ".items[" + std::to_string(i) + "]";
    const json::object& entry = reader.object(list[i], at);
    ContentItem item;
    if (titled) {
      reader.onlyKeys(entry, {"title", "text", "covers"}, at);
      item.title = reader.contentText(entry, "title", at);
    } else {
      reader.onlyKeys(entry, {"text", "covers"}, at);
    }
    item.text = reader.contentText(entry, "text", at);
    item.covers = reader.covers(entry, at);
    items.push_back(std::move(item));
  }
  return items;
}

// A picture id names a file in assets/pictures/; a missing one is found when the file loads.
std::string pictureId(const Reader& reader, const json::object& object, const std::string& path) {
  std::string id = reader.string(object, "picture", path, false);
  if (id.empty()) return id;
  if (!isHandoutId(id))
    reader.fail(path + ".picture",
                "\"" + id + "\" is not a picture id (lowercase letters, digits, dashes)");
  return id;
}

ContentBlock readBlock(const Reader& reader, const json::value& value, const std::string& path) {
  const json::object& object = reader.object(value, path);
  ContentBlock block;
  block.kind = parseBlockKind(reader, object, path);
  switch (block.kind) {
    case BlockKind::paragraph:
      reader.onlyKeys(object, {"type", "text", "covers", "picture"}, path);
      block.text = reader.contentText(object, "text", path);
      break;
    case BlockKind::tip:
      reader.onlyKeys(object, {"type", "title", "text", "covers"}, path);
      block.title = reader.contentText(object, "title", path);
      block.text = reader.contentText(object, "text", path);
      break;
    case BlockKind::safety:
      // A short note (text) or a checklist (items), or both; a picture at its top.
      reader.onlyKeys(object, {"type", "title", "text", "items", "covers", "picture"}, path);
      block.title = reader.contentText(object, "title", path, false);
      block.text = reader.contentText(object, "text", path, !object.contains("items"));
      if (object.contains("items")) block.items = readItems(reader, object, false, path);
      break;
    case BlockKind::remember:
    case BlockKind::plan:
      // A plan may close with a short text after its steps (why, and what to expect).
      reader.onlyKeys(object, {"type", "title", "items", "covers", "picture", "text"}, path);
      if (block.kind == BlockKind::remember && object.contains("text"))
        reader.fail(path + ".text", "a remember box holds items only");
      block.title = reader.contentText(object, "title", path);
      block.text = reader.contentText(object, "text", path, false);
      block.items = readItems(reader, object, false, path);
      break;
    case BlockKind::bullets:
    case BlockKind::reading:
      reader.onlyKeys(object, {"type", "items", "covers", "picture"}, path);
      block.items = readItems(reader, object, block.kind == BlockKind::reading, path);
      break;
    case BlockKind::help_lines:
      reader.onlyKeys(object, {"type"}, path);
      break;
  }
  block.picture = pictureId(reader, object, path);
  block.covers = reader.covers(object, path);
  return block;
}

ContentSection readSection(const Reader& reader, const json::value& value,
                           const std::string& path) {
  const json::object& object = reader.object(value, path);
  reader.onlyKeys(object, {"id", "heading", "ages", "blocks"}, path);
  ContentSection section;
  section.id = reader.string(object, "id", path);
  section.heading = reader.contentText(object, "heading", path, false);
  if (const json::value* ages = object.if_contains("ages")) {
    const std::string at = path + ".ages";
    if (!ages->is_array() || ages->get_array().empty())
      reader.fail(at, "must be a non-empty list of age bands");
    for (const json::value& band : ages->get_array()) {
      const auto parsed = band.is_string() ? parseAgeBand(band.get_string()) : std::nullopt;
      if (!parsed) reader.fail(at, "must hold only general, 0-3, 4-6, 7-12 or 13-24");
      section.ages.push_back(*parsed);
    }
  }
  const json::array& blocks = reader.nonEmptyArray(object, "blocks", path);
  for (std::size_t i = 0; i < blocks.size(); ++i)
    section.blocks.push_back(
        readBlock(reader, blocks[i], path + ".blocks[" + std::to_string(i) + "]"));
  return section;
}

void readLabels(const Reader& reader, const json::object& root, HandoutContent& content) {
  const json::value* value = root.if_contains("labels");
  if (value == nullptr) reader.fail("$.labels", "is missing");
  const json::object& labels = reader.object(*value, "$.labels");
  for (const auto& entry : labels) {
    const std::string key(entry.key());
    content.labels[key] = reader.string(labels, key, "$.labels");
    try {
      resolveText(content.labels[key], std::nullopt, model::Sex::unknown);
    } catch (const Error& e) {
      reader.fail("$.labels." + key, e.what());
    }
  }
  for (const std::string& key : requiredLabelKeys())
    if (!content.labels.contains(key)) reader.fail("$.labels." + key, "is missing");
}

}  // namespace

std::string_view toString(AgeBand band) {
  for (const auto& [b, name] : kAgeBands)
    if (b == band) return name;
  return "?";
}

std::optional<AgeBand> parseAgeBand(std::string_view text) {
  for (const auto& [band, name] : kAgeBands)
    if (name == text) return band;
  return std::nullopt;
}

AgeBand ageBandFor(std::optional<int> months) {
  if (!months || *months < 0 || *months > 24) return AgeBand::general;
  if (*months <= 3) return AgeBand::months_0_3;
  if (*months <= 6) return AgeBand::months_4_6;
  if (*months <= 12) return AgeBand::months_7_12;
  return AgeBand::months_13_24;
}

bool ContentSection::shownFor(AgeBand band) const {
  return ages.empty() || std::find(ages.begin(), ages.end(), band) != ages.end();
}

std::string_view toString(BlockKind kind) {
  for (const auto& [k, name] : kBlockKinds)
    if (k == kind) return name;
  return "?";
}

const std::string& HandoutContent::label(std::string_view key) const {
  const auto found = labels.find(key);
  if (found == labels.end())
    throwNotFound("handout " + id + " has no label \"" + std::string(key) + "\"");
  return found->second;
}

const std::vector<std::string>& requiredLabelKeys() {
  static const std::vector<std::string> keys{
      "what_we_saw", "things_to_try", "your_goals", "next_visit",   "your_counselor", "help_lines",
      "page_of",     "prepared_for",  "printed_on", "phone",        "crisis_line",    "version",
      "your_clinic", "plan_call",     "plan_name",  "learn_more_at"};
  return keys;
}

HandoutContent loadHandoutContent(const fs::path& file) {
  const json::value document =
      securebase::json::parseStrict(readBytes(file), file.string(), "the handout");
  const Reader reader(file);
  const json::object& root = reader.object(document, "$");
  reader.onlyKeys(
      root, {"id", "language", "version", "reviewed", "title", "subtitle", "labels", "sections"},
      "$");

  HandoutContent content;
  content.id = reader.string(root, "id", "$");
  const std::string language = reader.string(root, "language", "$");
  const auto parsed = model::parseLanguage(language);
  if (!parsed)
    reader.fail("$.language", "unknown language \"" + language + "\" (expected en or es)");
  content.language = *parsed;
  content.version = reader.string(root, "version", "$");
  const std::string reviewed = reader.string(root, "reviewed", "$");
  const auto reviewed_on = model::Date::parse(reviewed);
  if (!reviewed_on) reader.fail("$.reviewed", "must be a date like 2026-12-01");
  content.reviewed = *reviewed_on;
  content.title = reader.contentText(root, "title", "$");
  content.subtitle = reader.contentText(root, "subtitle", "$", false);
  readLabels(reader, root, content);
  const json::array& sections = reader.nonEmptyArray(root, "sections", "$");
  for (std::size_t i = 0; i < sections.size(); ++i)
    content.sections.push_back(
        readSection(reader, sections[i], "$.sections[" + std::to_string(i) + "]"));
  return content;
}

HandoutContent loadHandoutContent(std::string_view handout_id, model::Language language) {
  if (!isHandoutId(handout_id))
    throwBadInput("handout id \"" + std::string(handout_id) +
                  "\" is not valid: use lowercase letters, digits and dashes");
  const fs::path file = assetsDir() / "handouts" / std::string(model::toString(language)) /
                        (std::string(handout_id) + ".json");
  HandoutContent content = loadHandoutContent(file);
  if (content.id != handout_id)
    throwBadInput(file.string() + ": $.id: is \"" + content.id + "\" but the file is named for \"" +
                  std::string(handout_id) + "\"");
  if (content.language != language)
    throwBadInput(file.string() + ": $.language: is \"" +
                  std::string(model::toString(content.language)) + "\" but the file is in the " +
                  std::string(model::toString(language)) + " folder");
  return content;
}

}  // namespace securebase::handout
