// The caseload's one-number trend and its arrow (see trends.h for the rule and the threshold).
#include <cmath>

#include "securebase/model/visit_due.h"
#include "securebase/report/trends.h"

namespace securebase::report {
namespace {

// Mean of the public section scores at completed visit `x`; nullopt when none was scored.
std::optional<double> publicMean(const Trends& trends, std::size_t x) {
  double sum = 0;
  int count = 0;
  for (const auto& series : trends.sections)
    if (!series.is_private && series.scores[x]) {
      sum += *series.scores[x];
      ++count;
    }
  return count ? std::optional<double>(sum / count) : std::nullopt;
}

}  // namespace

std::optional<double> trendPoints(const Trends& trends) {
  std::optional<double> latest;
  for (std::size_t x = trends.completed.size(); x-- > 0;) {
    const auto mean = publicMean(trends, x);
    if (!mean) continue;
    if (!latest) {
      latest = mean;
      continue;
    }
    return *latest - *mean;
  }
  return std::nullopt;
}

std::optional<double> trendPoints(const store::FamilyRecord& record, const FormLookup& forms) {
  return trendPoints(computeTrends(record, forms));
}

std::string trendPointsText(double points) {
  const long rounded = std::lround(points);
  return (rounded > 0 ? "+" : "") + std::to_string(rounded);
}

FamilyStanding familyStanding(const store::FamilyRecord& record, const FormLookup& forms) {
  const Trends trends = computeTrends(record, forms);
  FamilyStanding standing;
  for (const auto& visit : record.visits)
    if (!visit.isSigned() && (!standing.draft_date || *standing.draft_date < visit.date))
      standing.draft_date = visit.date;
  standing.trend_points = trendPoints(trends);
  std::optional<model::LatestCompletedVisit> latest;
  if (!trends.completed.empty()) {
    const TrendVisit& last = trends.completedVisit(trends.completed.size() - 1);
    standing.last_visit = last.date;
    standing.last_visit_id = last.id;
    standing.flagged = last.concern;
    for (const auto& visit : record.visits)
      if (visit.id == last.id) latest = model::LatestCompletedVisit{visit.date, visit.next_planned};
  }
  standing.next_due = model::nextVisitDue(latest, record.family.visit_frequency_days);
  return standing;
}

TrendArrow trendArrow(std::optional<double> points) {
  if (!points) return TrendArrow::none;
  if (*points >= kSteadyWithinPoints) return TrendArrow::up;
  if (*points <= -kSteadyWithinPoints) return TrendArrow::down;
  return TrendArrow::steady;
}

std::string_view arrowGlyph(TrendArrow arrow) {
  switch (arrow) {
    case TrendArrow::up:
      return "↑";
    case TrendArrow::down:
      return "↓";
    case TrendArrow::steady:
      return "→";
    case TrendArrow::none:
      break;
  }
  return "";
}

std::string_view trendWord(TrendArrow arrow, model::Language language) {
  const bool es = language == model::Language::es;
  switch (arrow) {
    case TrendArrow::up:
      return es ? "mejorando" : "improving";
    case TrendArrow::down:
      return es ? "necesita atención" : "needs attention";
    case TrendArrow::steady:
      return es ? "estable" : "steady";
    case TrendArrow::none:
      break;
  }
  return "";
}

}  // namespace securebase::report
