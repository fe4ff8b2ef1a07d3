// The words of a parent handout, read from assets/handouts/<lang>/<id>.json. Handout text is
// data, not code, so a program can revise wording or add a language without a rebuild; the
// schema is described in assets/handouts/README.md. These are plain values: laying them out on
// pages is the renderer's job.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/handout/resolve_text.h"
#include "securebase/model/date.h"
#include "securebase/model/enums.h"

namespace securebase::handout {

enum class BlockKind {
  paragraph,   // text
  bullets,     // items[].text
  tip,         // boxed "Tip for parents": title + text
  safety,      // a safety note kept beside the advice it guards: optional title + text
  help_lines,  // placeholder for the clinic's local help lines from settings; carries no text
  reading,     // further reading: items[].title + items[].text
  remember,    // the boxed summary of what matters most: title + items[].text
  plan,        // "My calm-down plan": title + numbered items[].text + lines for whom to call
};

// The age bands a section can be limited to (DESIGN §6): the baby's age at the visit,
// corrected for prematurity under 2 years, picks one; `general` is the version printed when
// no age is known (or the child is over 24 months).
enum class AgeBand { general, months_0_3, months_4_6, months_7_12, months_13_24 };

// "general", "0-3", "4-6", "7-12", "13-24".
std::string_view toString(AgeBand band);
std::optional<AgeBand> parseAgeBand(std::string_view text);
// The band of a baby `months` old (whole months); general when unknown or over 24 months.
AgeBand ageBandFor(std::optional<int> months);

std::string_view toString(BlockKind kind);

// One bullet or one further-reading entry. `covers` names the guidance ids (DESIGN §2: G1–G7,
// P1–P9, H1, R1, S1, S2, READ1–READ3) the text conveys.
struct ContentItem {
  std::string title;  // reading entries only
  std::string text;
  std::vector<std::string> covers;
};

struct ContentBlock {
  BlockKind kind = BlockKind::paragraph;
  std::string title;  // tip, safety, remember, plan
  std::string text;   // paragraph, tip, safety (safety: text and/or items)
  std::vector<std::string> covers;
  std::vector<ContentItem> items;  // bullets, reading, safety, remember, plan
  std::string picture;             // optional: the id of a picture in assets/pictures/
};

struct ContentSection {
  std::string id;
  std::string heading;
  std::vector<AgeBand> ages;  // empty: printed for every age
  std::vector<ContentBlock> blocks;

  bool shownFor(AgeBand band) const;
};

struct HandoutContent {
  std::string id;
  model::Language language = model::Language::en;
  std::string title;
  std::string subtitle;
  std::string version;   // of the wording, printed in the footer ("2.0")
  model::Date reviewed;  // when the wording was last reviewed, printed in the footer
  std::map<std::string, std::string, std::less<>> labels;
  std::vector<ContentSection> sections;

  // The label text for `key`; throws Error(not_found) naming the key when the file lacks it.
  const std::string& label(std::string_view key) const;
};

// The label keys every handout file must define (the renderer relies on them).
const std::vector<std::string>& requiredLabelKeys();

// Throws Error: not_found when the file is missing; bad_input naming the file, the JSON path
// and the problem when it is not valid UTF-8, not JSON, or not a valid handout (unknown block
// type or field, missing text, a malformed {child} / {f:…|m:…|u:…} marker, a bad guidance id).
HandoutContent loadHandoutContent(const std::filesystem::path& file);

// Reads assetsDir()/handouts/<lang>/<handout_id>.json and checks that the file says it is that
// handout in that language.
HandoutContent loadHandoutContent(std::string_view handout_id, model::Language language);

// Where one guidance id is conveyed: the section id, the block index within the section and,
// for bullets and reading entries, the item index (otherwise -1).
struct CoverageEntry {
  std::string guidance_id;
  std::string section_id;
  int block_index = 0;
  int item_index = -1;
};

// Every place a guidance id is covered, in document order.
std::vector<CoverageEntry> coverageOf(const HandoutContent& content);

// The distinct guidance ids the handout covers.
std::set<std::string> coveredGuidanceIds(const HandoutContent& content);

}  // namespace securebase::handout
