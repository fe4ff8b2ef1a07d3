#include "securebase/service/scoring.h"

#include <map>

#include "securebase/forms/answers.h"
#include "securebase/forms/scoring.h"
#include "securebase/service/visits.h"

namespace securebase::service {

store::VisitScores scoreVisit(const forms::Form& form, const model::Visit& visit) {
  store::VisitScores result;
  if (visit.outcome != model::VisitOutcome::completed || visit.sets.empty()) return result;
  std::vector<double> sums(form.sections.size(), 0.0);
  std::vector<int> counts(form.sections.size(), 0);
  for (const auto& set : visit.sets) {
    const auto scores = forms::scoreSections(form, set);
    for (std::size_t s = 0; s < scores.size(); ++s) {
      if (!scores[s].percent) continue;
      sums[s] += *scores[s].percent;
      ++counts[s];
    }
    result.concern = result.concern || forms::concernFlagged(form, set);
  }
  double overall = 0.0;
  int overall_count = 0;
  for (std::size_t s = 0; s < form.sections.size(); ++s) {
    std::optional<double> percent;
    if (counts[s] > 0) percent = sums[s] / counts[s];
    result.sections.emplace_back(form.sections[s].id, percent);
    if (percent && !form.sections[s].is_private) {
      overall += *percent;
      ++overall_count;
    }
  }
  if (overall_count > 0) result.overall = overall / overall_count;
  return result;
}

void enableScoring(store::Store& store, std::shared_ptr<const forms::FormCatalog> catalog) {
  auto forms = std::make_shared<std::map<std::pair<std::string, int>, forms::Form>>();
  store.setScorer(
      [&store, catalog, forms](const model::Visit& visit) {
        if (visit.outcome != model::VisitOutcome::completed) return store::VisitScores{};
        const auto key = std::make_pair(visit.form_id, visit.form_version);
        auto it = forms->find(key);
        if (it == forms->end())
          it = forms->emplace(key, formFor(store, *catalog, visit.form_id, visit.form_version))
                   .first;
        return scoreVisit(it->second, visit);
      },
      kScoringVersion);
  store.rescoreOutdated();
}

}  // namespace securebase::service
