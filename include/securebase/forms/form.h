// An observation instrument as plain values (DESIGN §5): the loader fills these from a
// forms/*.json file and checks them once, so code that reads a Form can trust every field.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/model/enums.h"

namespace securebase::forms {

// Text in several languages, keyed by language code ("en", "es"). English is always present in
// a loaded form, so asking for a language the form lacks falls back to it.
struct LocalizedText {
  std::map<std::string, std::string> texts;

  bool empty() const { return texts.empty(); }
  bool has(std::string_view language) const;
  // The text in `language`, else the English text, else "".
  const std::string& get(std::string_view language) const;
  const std::string& get(model::Language language) const;
};

struct ScaleLevel {
  int value = 0;
  LocalizedText label;
};

// A rating scale; levels are in ascending order of value, at least two of them.
struct Scale {
  std::string id;
  std::vector<ScaleLevel> levels;

  int minimum() const { return levels.front().value; }
  int maximum() const { return levels.back().value; }
  const ScaleLevel* level(int value) const;
};

enum class ItemKind { rating, yesno, single_choice, multiple_choice, number, text };

// The word used for the kind in form files ("rating", "single_choice", …).
std::string_view toString(ItemKind kind);
std::optional<ItemKind> parseItemKind(std::string_view text);

struct ChoiceOption {
  std::string id;
  LocalizedText label;
};

struct Item {
  std::string id;
  std::string guidance;  // G1–G7, P1–P9, H1, R1, S1, S2 (see guidance.h)
  ItemKind kind = ItemKind::rating;
  std::optional<Scale> scale;         // rating items: a copy of the form's named scale
  std::vector<ChoiceOption> options;  // single and multiple choice items
  std::optional<double> minimum;      // number items, when the form bounds them
  std::optional<double> maximum;
  LocalizedText label;     // what the counselor rates
  LocalizedText look_for;  // hint for the counselor
  // Parent-facing texts (rating items outside private sections only); may hold {child} and
  // the agreement markers described in personalize.h.
  LocalizedText strength;
  LocalizedText try_text;
  bool concern = false;  // yesno item whose "yes" is a concern for follow-up
  std::string leads_to;  // guidance id the concern leads to, e.g. "H1"

  const ChoiceOption* option(std::string_view option_id) const;
};

struct Section {
  std::string id;
  LocalizedText title;
  // Private sections (caregiver wellbeing) belong to the clinical record only: they never
  // reach a parent handout or a parent-friendly report.
  bool is_private = false;
  std::vector<Item> items;
};

struct Form {
  std::string id;
  int version = 0;
  LocalizedText title;
  std::vector<std::string> languages;  // every text of the form exists in each of these
  std::vector<Scale> scales;
  std::vector<Section> sections;

  // Where it came from, for messages, and exactly what it was: visits store a snapshot of the
  // JSON with its SHA-256 so they keep displaying after the file changes.
  std::string source_name;
  std::string json_text;
  std::string sha256;

  const Scale* scale(std::string_view scale_id) const;
  const Section* section(std::string_view section_id) const;
  const Item* item(std::string_view item_id) const;
  // The section holding the item, or nullptr.
  const Section* sectionOf(std::string_view item_id) const;
  std::size_t itemCount() const;
};

}  // namespace securebase::forms
