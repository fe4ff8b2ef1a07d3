#include "securebase/forms/form.h"

#include <array>
#include <utility>

namespace securebase::forms {

namespace {

constexpr std::array<std::pair<ItemKind, std::string_view>, 6> kKindNames{{
    {ItemKind::rating, "rating"},
    {ItemKind::yesno, "yesno"},
    {ItemKind::single_choice, "single_choice"},
    {ItemKind::multiple_choice, "multiple_choice"},
    {ItemKind::number, "number"},
    {ItemKind::text, "text"},
}};

const std::string& emptyText() {
  static const std::string empty;
  return empty;
}

}  // namespace

bool LocalizedText::has(std::string_view language) const {
  return texts.find(std::string(language)) != texts.end();
}

const std::string& LocalizedText::get(std::string_view language) const {
  if (auto it = texts.find(std::string(language)); it != texts.end()) return it->second;
  if (auto it = texts.find("en"); it != texts.end()) return it->second;
  return emptyText();
}

const std::string& LocalizedText::get(model::Language language) const {
  return get(model::toString(language));
}

const ScaleLevel* Scale::level(int value) const {
  for (const auto& candidate : levels)
    if (candidate.value == value) return &candidate;
  return nullptr;
}

std::string_view toString(ItemKind kind) {
  for (const auto& [value, name] : kKindNames)
    if (value == kind) return name;
  return "rating";
}

std::optional<ItemKind> parseItemKind(std::string_view text) {
  for (const auto& [value, name] : kKindNames)
    if (name == text) return value;
  return std::nullopt;
}

const ChoiceOption* Item::option(std::string_view option_id) const {
  for (const auto& candidate : options)
    if (candidate.id == option_id) return &candidate;
  return nullptr;
}

const Scale* Form::scale(std::string_view scale_id) const {
  for (const auto& candidate : scales)
    if (candidate.id == scale_id) return &candidate;
  return nullptr;
}

const Section* Form::section(std::string_view section_id) const {
  for (const auto& candidate : sections)
    if (candidate.id == section_id) return &candidate;
  return nullptr;
}

const Item* Form::item(std::string_view item_id) const {
  for (const auto& candidate_section : sections)
    for (const auto& candidate : candidate_section.items)
      if (candidate.id == item_id) return &candidate;
  return nullptr;
}

const Section* Form::sectionOf(std::string_view item_id) const {
  for (const auto& candidate_section : sections)
    for (const auto& candidate : candidate_section.items)
      if (candidate.id == item_id) return &candidate_section;
  return nullptr;
}

std::size_t Form::itemCount() const {
  std::size_t count = 0;
  for (const auto& candidate_section : sections) count += candidate_section.items.size();
  return count;
}

}  // namespace securebase::forms
