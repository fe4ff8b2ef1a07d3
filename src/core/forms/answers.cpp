#include "securebase/forms/answers.h"

#include <charconv>
#include <cmath>

#include "securebase/core/error.h"
#include "securebase/core/utf8.h"
#include "securebase/forms/form_error.h"

namespace securebase::forms {

namespace {

[[noreturn]] void refuse(const Item& item, const std::string& problem) {
  throw FormError("item \"" + item.id + "\": " + problem);
}

std::optional<double> parseNumber(const std::string& text) {
  double result = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, result);
  if (ec != std::errc{} || ptr != end || !std::isfinite(result)) return std::nullopt;
  return result;
}

std::string formatBound(double bound) {
  std::string text = std::to_string(bound);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

void checkRating(const Item& item, const model::Observation& observation) {
  const auto rating = observation.rating();
  if (!rating || item.scale->level(*rating) == nullptr)
    refuse(item, "\"" + observation.value + "\" is not a level of the scale \"" + item.scale->id +
                     "\" (" + std::to_string(item.scale->minimum()) + " to " +
                     std::to_string(item.scale->maximum()) + ")");
}

void checkChoices(const Item& item, const std::string& value) {
  std::size_t start = 0;
  std::vector<std::string> picked;
  for (;;) {
    const std::size_t comma = value.find(',', start);
    const std::string id = value.substr(start, comma == std::string::npos ? comma : comma - start);
    if (item.option(id) == nullptr) refuse(item, "\"" + id + "\" is not one of its options");
    for (const auto& earlier : picked)
      if (earlier == id) refuse(item, "option \"" + id + "\" is picked twice");
    picked.push_back(id);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (item.kind == ItemKind::single_choice && picked.size() > 1)
    refuse(item, "only one option can be picked");
}

void checkNumber(const Item& item, const std::string& value) {
  const auto number = parseNumber(value);
  if (!number)
    refuse(item, "\"" + value + "\" is not a number (write digits, with '.' for decimals)");
  if (item.minimum && *number < *item.minimum)
    refuse(item, value + " is below the lowest allowed value, " + formatBound(*item.minimum));
  if (item.maximum && *number > *item.maximum)
    refuse(item, value + " is above the highest allowed value, " + formatBound(*item.maximum));
}

}  // namespace

AnswerState answerState(const model::ObservationSet& set, const Item& item) {
  const model::Observation* observation = set.find(item.id);
  if (observation == nullptr) return AnswerState::unanswered;
  if (observation->not_observed) return AnswerState::not_observed;
  return observation->value.empty() ? AnswerState::unanswered : AnswerState::answered;
}

void validateObservation(const Item& item, const model::Observation& observation) {
  if (observation.item_id != item.id)
    refuse(item, "the answer is recorded for item \"" + observation.item_id + "\"");
  try {
    requireText(observation.note, "the note");
    requireText(observation.value, "the answer");
  } catch (const Error& error) {
    refuse(item, error.what());
  }
  if (observation.focus && item.try_text.empty())
    refuse(item, "it has no suggestion to pick for \"things to try\"");
  if (observation.not_observed) {
    if (!observation.value.empty())
      refuse(item, "an answer marked \"not observed\" cannot also hold a value");
    return;
  }
  if (observation.value.empty()) return;  // a note typed before the answer: still unanswered
  switch (item.kind) {
    case ItemKind::rating:
      checkRating(item, observation);
      break;
    case ItemKind::yesno:
      if (observation.value != "yes" && observation.value != "no")
        refuse(item, "the answer must be \"yes\" or \"no\", not \"" + observation.value + "\"");
      break;
    case ItemKind::single_choice:
    case ItemKind::multiple_choice:
      checkChoices(item, observation.value);
      break;
    case ItemKind::number:
      checkNumber(item, observation.value);
      break;
    case ItemKind::text:
      break;  // any valid text, checked above
  }
}

void validateObservationSet(const Form& form, const model::ObservationSet& set) {
  for (std::size_t i = 0; i < set.observations.size(); ++i) {
    const auto& observation = set.observations[i];
    const Item* item = form.item(observation.item_id);
    if (item == nullptr)
      throw FormError("form \"" + form.id + "\" version " + std::to_string(form.version) +
                      " has no item \"" + observation.item_id + "\"");
    for (std::size_t k = 0; k < i; ++k)
      if (set.observations[k].item_id == observation.item_id)
        throw FormError("item \"" + observation.item_id + "\" is answered twice");
    validateObservation(*item, observation);
  }
}

std::size_t answeredCount(const Form& form, const model::ObservationSet& set) {
  std::size_t count = 0;
  for (const auto& section : form.sections)
    for (const auto& item : section.items)
      if (answerState(set, item) != AnswerState::unanswered) ++count;
  return count;
}

std::vector<std::string> unansweredItems(const Form& form, const model::ObservationSet& set) {
  std::vector<std::string> ids;
  for (const auto& section : form.sections)
    for (const auto& item : section.items)
      if (answerState(set, item) == AnswerState::unanswered) ids.push_back(item.id);
  return ids;
}

bool concernFlagged(const Form& form, const model::ObservationSet& set) {
  for (const auto& section : form.sections)
    for (const auto& item : section.items)
      if (item.concern && answerState(set, item) == AnswerState::answered &&
          set.find(item.id)->value == "yes")
        return true;
  return false;
}

}  // namespace securebase::forms
