#include "securebase/forms/scoring.h"

#include "securebase/forms/answers.h"

namespace securebase::forms {

namespace {

// The rating as a share of the scale's range, or nullopt when the item has no usable rating.
std::optional<double> ratingShare(const Item& item, const model::Observation& observation) {
  const auto rating = observation.rating();
  if (!rating || item.scale->level(*rating) == nullptr) return std::nullopt;
  const double range = item.scale->maximum() - item.scale->minimum();
  return (*rating - item.scale->minimum()) / range;
}

}  // namespace

std::vector<SectionScore> scoreSections(const Form& form, const model::ObservationSet& set) {
  std::vector<SectionScore> scores;
  for (const auto& section : form.sections) {
    SectionScore score;
    score.section_id = section.id;
    score.is_private = section.is_private;
    double sum = 0;
    for (const auto& item : section.items) {
      if (item.kind != ItemKind::rating) continue;
      const AnswerState state = answerState(set, item);
      const auto share =
          state == AnswerState::answered ? ratingShare(item, *set.find(item.id)) : std::nullopt;
      if (share) {
        sum += *share;
        ++score.rated;
      } else if (state == AnswerState::not_observed) {
        ++score.not_observed;
      } else {
        ++score.unanswered;
      }
    }
    if (score.rated > 0) score.percent = 100.0 * sum / score.rated;
    scores.push_back(std::move(score));
  }
  return scores;
}

std::vector<SectionChange> scoreChange(const std::vector<SectionScore>& previous,
                                       const std::vector<SectionScore>& current) {
  std::vector<SectionChange> changes;
  for (const auto& now : current) {
    SectionChange change;
    change.section_id = now.section_id;
    change.is_private = now.is_private;
    for (const auto& before : previous)
      if (before.section_id == now.section_id && before.percent && now.percent)
        change.points = *now.percent - *before.percent;
    changes.push_back(std::move(change));
  }
  return changes;
}

}  // namespace securebase::forms
