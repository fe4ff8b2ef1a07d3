#include "securebase/handout/file_names.h"

#include <map>
#include <vector>

#include "securebase/model/enums.h"
#include "securebase/store/settings.h"
#include "securebase/store/store.h"

namespace securebase::handout {
namespace {

// The ASCII letter a Latin-1 letter is read as in a file name ("í" → "i"), or "" for none.
std::string asciiFor(char32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') return std::string(1, static_cast<char>(c - 'A' + 'a'));
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return std::string(1, c);
    return "";
  }
  static const std::map<char32_t, const char*> latin = {{0xDF, "ss"}, {0xE7, "c"}, {0xF1, "n"},
                                                        {0xF8, "o"},  {0xFD, "y"}, {0xFF, "y"}};
  const char32_t lower = (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ? cp + 0x20 : cp;
  if (auto it = latin.find(lower); it != latin.end()) return it->second;
  if (lower >= 0xE0 && lower <= 0xE5) return "a";
  if (lower >= 0xE8 && lower <= 0xEB) return "e";
  if (lower >= 0xEC && lower <= 0xEF) return "i";
  if (lower >= 0xF2 && lower <= 0xF6) return "o";
  if (lower >= 0xF9 && lower <= 0xFC) return "u";
  return "";
}

std::vector<std::string> asciiWords(const std::string& text) {
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t cp = length == 1 ? byte : byte & (0x7F >> length);
    for (int k = 1; k < length && i + static_cast<std::size_t>(k) < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
    i += static_cast<std::size_t>(length);
    const std::string ascii = asciiFor(cp);
    if (!ascii.empty())
      words.back() += ascii;
    else if (!words.back().empty())
      words.emplace_back();
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

std::string nameSlug(const std::string& display_name) {
  std::string slug;
  for (const std::string& word : asciiWords(display_name)) {
    if (word == "family" || word == "familia" || word == "famille") continue;
    if (slug.size() + word.size() > 40) break;
    slug += (slug.empty() ? "" : "-") + word;
  }
  return slug;
}

}  // namespace

FamilyNames familyNamesSetting(store::Store& store) {
  return store::settingValue(store, store::setting::files_family_names) == "yes"
             ? FamilyNames::included
             : FamilyNames::left_out;
}

std::string documentFileName(std::string_view kind, const model::Family& family, model::Date day,
                             FamilyNames names, std::string_view variant) {
  std::string name = std::string(kind) + "-" + std::to_string(family.id) + "-" + day.iso();
  if (names == FamilyNames::included) {
    const std::string slug = nameSlug(family.display_name);
    if (!slug.empty()) name += "-" + slug;
  }
  if (!variant.empty()) name += "-" + std::string(variant);
  return name + ".pdf";
}

std::string generalHandoutFileName(model::Language language, const std::string& child_name,
                                   model::Date day, FamilyNames names) {
  std::string name = "handout-" + std::string(model::toString(language)) + "-" + day.iso();
  if (names == FamilyNames::included) {
    const std::string slug = nameSlug(child_name);
    if (!slug.empty()) name += "-" + slug;
  }
  return name + ".pdf";
}

}  // namespace securebase::handout
