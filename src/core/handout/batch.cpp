#include "securebase/handout/batch.h"

#include <map>
#include <sstream>

#include "securebase/core/error.h"
#include "securebase/handout/builder.h"
#include "securebase/handout/content.h"
#include "securebase/handout/personal_inputs.h"
#include "securebase/service/visits.h"

namespace securebase::handout {

namespace {

constexpr const char* kHandoutId = "infant-attachment";

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

class FormCache {
 public:
  FormCache(store::Store& store, const forms::FormCatalog& catalog)
      : store_(store), catalog_(catalog) {}
  const forms::Form& get(const std::string& id, int version) {
    auto key = std::make_pair(id, version);
    auto it = forms_.find(key);
    if (it == forms_.end())
      it = forms_.emplace(key, service::formFor(store_, catalog_, id, version)).first;
    return it->second;
  }

 private:
  store::Store& store_;
  const forms::FormCatalog& catalog_;
  std::map<std::pair<std::string, int>, forms::Form> forms_;
};

}  // namespace

std::string handoutFileName(const model::Family& family) {
  std::string slug;
  for (const std::string& word : asciiWords(family.display_name)) {
    if (word == "family" || word == "familia" || word == "famille") continue;
    if (slug.size() + word.size() > 40) break;
    slug += (slug.empty() ? "" : "-") + word;
  }
  if (slug.empty()) slug = "family";
  return "handout-" + std::to_string(family.id) + "-" + slug + ".pdf";
}

BatchResult writeFamilyHandouts(store::Store& store, const forms::FormCatalog& catalog,
                                const std::vector<model::Id>& family_ids,
                                const std::filesystem::path& out_dir, const BatchOptions& options,
                                const BatchProgress& progress) {
  if (!std::filesystem::is_directory(out_dir))
    throwOutput("the output folder " + out_dir.string() + " does not exist");
  HandoutBasics basics;
  basics.paper = options.paper.value_or(paperFromSettings(store));
  basics.clinic = clinicFromSettings(store);
  basics.printed_on = model::Date::today();
  const CounselorContact default_counselor = counselorFromSettings(store);
  std::map<model::Id, CounselorContact> counselors;
  for (const model::Counselor& row : store.counselors())
    counselors[row.id] = {row.name, row.phone, row.email};
  std::map<model::Language, HandoutContent> contents;
  const auto contentFor = [&](model::Language language) -> const HandoutContent& {
    auto it = contents.find(language);
    if (it == contents.end())
      it = contents.emplace(language, loadHandoutContent(kHandoutId, language)).first;
    return it->second;
  };
  FormCache forms(store, catalog);

  BatchResult result;
  for (std::size_t n = 0; n < family_ids.size(); ++n) {
    if (progress && !progress(n + 1, family_ids.size())) {
      result.cancelled = true;
      break;
    }
    const store::FamilyRecord family = store.loadFamily(family_ids[n]);
    std::optional<PersonalInputs> inputs;
    for (auto visit = family.visits.rbegin(); visit != family.visits.rend() && !inputs; ++visit) {
      if (visit->outcome != model::VisitOutcome::completed || !visit->isCurrent() ||
          visit->sets.empty())
        continue;
      CounselorContact counselor = default_counselor;
      if (visit->counselor_id && counselors.count(*visit->counselor_id))
        counselor = counselors[*visit->counselor_id];
      try {
        inputs = personalInputsFrom(family, *visit, forms.get(visit->form_id, visit->form_version),
                                    counselor, basics, options.language);
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::bad_input) throw;
      }
    }
    if (!inputs) {
      result.skipped.push_back({family.family.id, "no completed visit with rated practices"});
      continue;
    }
    const pdf::Document document =
        buildPersonalisedHandout(contentFor(inputs->basics.language), *inputs);
    const auto path = out_dir / handoutFileName(family.family);
    pdf::writeFileAtomically(path, renderHandout(document, options.copies).bytes);
    result.written.push_back(path);
  }
  return result;
}

}  // namespace securebase::handout
