#include "securebase/handout/file_names.h"

#include <vector>

#include "securebase/model/enums.h"
#include "securebase/model/latin_letters.h"
#include "securebase/store/settings.h"
#include "securebase/store/store.h"

namespace securebase::handout {
namespace {

// The name's words in lower-case ASCII letters and digits ("Wiśniewski, Sarah" → wisniewski,
// sarah); any other character ends a word.
std::vector<std::string> asciiWords(std::string_view text) {
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = model::nextCodePoint(text, i);
    char letter = '\0';
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
      letter = static_cast<char>(cp);
    else if (cp >= 'A' && cp <= 'Z')
      letter = static_cast<char>(cp - 'A' + 'a');
    else
      letter = model::latinBase(cp);
    if (letter != '\0')
      words.back() += letter;
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
