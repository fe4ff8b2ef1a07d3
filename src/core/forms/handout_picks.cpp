#include "securebase/forms/handout_picks.h"

#include <algorithm>

#include "securebase/forms/answers.h"
#include "securebase/forms/personalize.h"

namespace securebase::forms {

namespace {

// A rated item of a section a parent may see, with where it stands in the form.
struct Candidate {
  const Item* item;
  const model::Observation* observation;
  double share;  // rating as a share of the scale's range
  std::size_t order;
};

std::vector<Candidate> parentFacingRatings(const Form& form, const model::ObservationSet& set) {
  std::vector<Candidate> candidates;
  std::size_t order = 0;
  for (const auto& section : form.sections) {
    for (const auto& item : section.items) {
      ++order;
      if (section.is_private || item.kind != ItemKind::rating ||
          answerState(set, item) != AnswerState::answered)
        continue;
      const auto* observation = set.find(item.id);
      const auto rating = observation->rating();
      if (!rating || item.scale->level(*rating) == nullptr) continue;
      const double range = item.scale->maximum() - item.scale->minimum();
      candidates.push_back({&item, observation, (*rating - item.scale->minimum()) / range, order});
    }
  }
  return candidates;
}

HandoutPoint point(const Item& item, const LocalizedText& text, model::Language language,
                   const std::string& child_name, model::Sex sex) {
  return {item.id, personalize(text, language, child_name, sex)};
}

}  // namespace

std::vector<HandoutPoint> strengths(const Form& form, const model::ObservationSet& set,
                                    model::Language language, const std::string& child_name,
                                    model::Sex sex, std::size_t max_count) {
  auto candidates = parentFacingRatings(form, set);
  std::erase_if(candidates, [](const Candidate& c) {
    return c.item->strength.empty() || c.observation->focus || c.share <= 0.0;
  });
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.share > b.share; });
  std::vector<HandoutPoint> points;
  for (const auto& c : candidates) {
    if (points.size() >= max_count) break;
    points.push_back(point(*c.item, c.item->strength, language, child_name, sex));
  }
  return points;
}

std::vector<HandoutPoint> thingsToTry(const Form& form, const model::ObservationSet& set,
                                      model::Language language, const std::string& child_name,
                                      model::Sex sex, std::size_t max_count) {
  auto candidates = parentFacingRatings(form, set);
  std::erase_if(candidates, [](const Candidate& c) {
    return c.item->try_text.empty() || (!c.observation->focus && c.share >= 1.0);
  });
  // Picked items first in form order, then the rest from the lowest rating up.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.observation->focus != b.observation->focus) return a.observation->focus;
                     return !a.observation->focus && a.share < b.share;
                   });
  std::vector<HandoutPoint> points;
  for (const auto& c : candidates) {
    if (points.size() >= max_count) break;
    points.push_back(point(*c.item, c.item->try_text, language, child_name, sex));
  }
  return points;
}

}  // namespace securebase::forms
