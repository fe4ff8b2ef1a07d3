#include "securebase/report/trends.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "securebase/forms/answers.h"
#include "securebase/forms/scoring.h"

namespace securebase::report {
namespace {

// Two ratings closer than this (as a share of their scale) are the same level.
constexpr double kSameLevel = 1e-9;

using Pair = std::pair<Id, Id>;  // caregiver, child

const model::ObservationSet* setFor(const model::Visit& visit, const Pair& pair) {
  for (const auto& set : visit.sets)
    if (set.caregiver_id == pair.first && set.child_id == pair.second) return &set;
  return nullptr;
}

// Sections and rating items of every form used in the period, newest form first so titles,
// labels and order follow the form counselors use today; older-only ones follow.
struct Layout {
  std::vector<const forms::Section*> sections;
  std::vector<std::pair<const forms::Section*, const forms::Item*>> items;
};

Layout layoutOf(const std::vector<const forms::Form*>& visit_forms) {
  std::vector<const forms::Form*> newest_first;
  for (auto it = visit_forms.rbegin(); it != visit_forms.rend(); ++it)
    if (*it && std::find(newest_first.begin(), newest_first.end(), *it) == newest_first.end())
      newest_first.push_back(*it);
  std::stable_sort(
      newest_first.begin(), newest_first.end(),
      [](const forms::Form* a, const forms::Form* b) { return a->version > b->version; });
  Layout layout;
  std::map<std::string, std::vector<const forms::Item*>> items_by_section;
  for (const auto* form : newest_first)
    for (const auto& section : form->sections) {
      const bool known = std::any_of(layout.sections.begin(), layout.sections.end(),
                                     [&](const auto* s) { return s->id == section.id; });
      if (!known) layout.sections.push_back(&section);
      auto& items = items_by_section[section.id];
      for (const auto& item : section.items) {
        if (item.kind != forms::ItemKind::rating) continue;
        const bool seen = std::any_of(items.begin(), items.end(),
                                      [&](const auto* i) { return i->id == item.id; });
        if (!seen) items.push_back(&item);
      }
    }
  for (const auto* section : layout.sections)
    for (const auto* item : items_by_section[section->id]) layout.items.emplace_back(section, item);
  return layout;
}

ItemCell cellOf(const forms::Form* form, const model::ObservationSet* set,
                const std::string& item_id) {
  ItemCell cell;
  if (!form || !set) return cell;
  const forms::Item* item = form->item(item_id);
  if (!item || item->kind != forms::ItemKind::rating || !item->scale) return cell;
  switch (forms::answerState(*set, *item)) {
    case forms::AnswerState::unanswered:
      cell.state = CellState::unanswered;
      return cell;
    case forms::AnswerState::not_observed:
      cell.state = CellState::not_observed;
      return cell;
    case forms::AnswerState::answered:
      break;
  }
  const auto rating = set->find(item_id)->rating();
  const forms::ScaleLevel* level = rating ? item->scale->level(*rating) : nullptr;
  if (!level) {
    cell.state = CellState::unanswered;  // as scoring treats a value off the scale
    return cell;
  }
  cell.state = CellState::rated;
  cell.rating = *rating;
  cell.level = level->label;
  const int range = item->scale->maximum() - item->scale->minimum();
  cell.fraction = range > 0 ? double(*rating - item->scale->minimum()) / range : 0.0;
  return cell;
}

Direction directionOf(const ItemCell& first, const ItemCell& latest) {
  if (first.state != CellState::rated || latest.state != CellState::rated)
    return Direction::not_comparable;
  const double change = latest.fraction - first.fraction;
  if (std::abs(change) < kSameLevel) return Direction::same;
  return change > 0 ? Direction::up : Direction::down;
}

PairTrend pairTrend(const Pair& pair, const std::vector<const model::Visit*>& completed,
                    const std::vector<const forms::Form*>& visit_forms, const Layout& layout) {
  PairTrend trend;
  trend.caregiver_id = pair.first;
  trend.child_id = pair.second;
  const std::size_t n = completed.size();
  for (const auto* section : layout.sections)
    trend.sections.push_back(
        {section->id, section->title, section->is_private, std::vector<std::optional<double>>(n)});
  std::optional<std::size_t> first_seen, last_seen;
  for (std::size_t x = 0; x < n; ++x) {
    const auto* set = setFor(*completed[x], pair);
    const auto* form = visit_forms[x];
    if (!set || !form) continue;
    if (!first_seen) first_seen = x;
    last_seen = x;
    if (forms::concernFlagged(*form, *set)) trend.concern_visits.push_back(completed[x]->id);
    for (const auto& score : forms::scoreSections(*form, *set))
      for (auto& series : trend.sections)
        if (series.section_id == score.section_id) series.scores[x] = score.percent;
  }
  if (last_seen) {
    const auto* set = setFor(*completed[*last_seen], pair);
    trend.concern_on_latest = forms::concernFlagged(*visit_forms[*last_seen], *set);
  }
  for (const auto& [section, item] : layout.items) {
    ItemTrend row;
    row.section_id = section->id;
    row.item_id = item->id;
    row.label = item->label;
    row.is_private = section->is_private;
    row.strength = item->strength;
    row.try_text = item->try_text;
    row.has_parent_texts = !section->is_private && !item->strength.empty();
    for (std::size_t x = 0; x < n; ++x) {
      row.cells.push_back(cellOf(visit_forms[x], setFor(*completed[x], pair), item->id));
      if (row.cells.back().state == CellState::rated) row.latest_rated = row.cells.back();
    }
    if (first_seen) row.direction = directionOf(row.cells[*first_seen], row.cells[*last_seen]);
    trend.items.push_back(std::move(row));
  }
  return trend;
}

std::vector<SectionSeries> familySections(const std::vector<PairTrend>& pairs, const Layout& layout,
                                          std::size_t n) {
  std::vector<SectionSeries> family;
  for (std::size_t s = 0; s < layout.sections.size(); ++s) {
    const auto* section = layout.sections[s];
    SectionSeries series{section->id, section->title, section->is_private, {}};
    for (std::size_t x = 0; x < n; ++x) {
      double sum = 0;
      int count = 0;
      for (const auto& pair : pairs)
        if (const auto& v = pair.sections[s].scores[x]) {
          sum += *v;
          ++count;
        }
      series.scores.push_back(count ? std::optional<double>(sum / count) : std::nullopt);
    }
    family.push_back(std::move(series));
  }
  return family;
}

VisitCounts countVisits(const store::FamilyRecord& record, const std::vector<TrendVisit>& visits,
                        const Period& period, std::optional<Date> first_ever) {
  VisitCounts counts;
  counts.frequency_days = std::max(1, record.family.visit_frequency_days);
  for (const auto& v : visits) {
    if (v.outcome == model::VisitOutcome::completed) ++counts.completed;
    if (v.outcome == model::VisitOutcome::missed) ++counts.missed;
    if (v.outcome == model::VisitOutcome::cancelled) ++counts.cancelled;
  }
  std::optional<Date> start = period.from;
  std::optional<Date> end = period.to;
  if (!visits.empty()) {
    if (!start) start = visits.front().date;
    if (!end) end = visits.back().date;
  }
  if (!start || !end || !first_ever) return counts;
  start = std::max(*start, *first_ever);
  if (*end < *start) return counts;
  counts.days = model::daysBetween(*start, *end);
  counts.expected = static_cast<int>(counts.days / counts.frequency_days) + 1;
  return counts;
}

}  // namespace

bool Period::contains(Date date) const {
  return !(from && date < *from) && !(to && *to < date);
}

bool countsAsCurrent(const model::Visit& visit) {
  return visit.isSigned() && visit.isCurrent();
}

std::string_view toString(Direction direction) {
  switch (direction) {
    case Direction::up:
      return "up";
    case Direction::down:
      return "down";
    case Direction::same:
      return "same";
    case Direction::not_comparable:
      break;
  }
  return "not comparable";
}

std::vector<Date> Trends::completedDates() const {
  std::vector<Date> dates;
  for (std::size_t i : completed) dates.push_back(visits[i].date);
  return dates;
}

Trends computeTrends(const store::FamilyRecord& record, const FormLookup& forms,
                     const Period& period) {
  Trends trends;
  trends.period = period;
  std::vector<const model::Visit*> current;
  for (const auto& v : record.visits)
    if (countsAsCurrent(v)) current.push_back(&v);
  std::stable_sort(current.begin(), current.end(), [](const auto* a, const auto* b) {
    return a->date < b->date || (a->date == b->date && a->id < b->id);
  });
  const std::optional<Date> first_ever =
      current.empty() ? std::nullopt : std::optional<Date>(current.front()->date);

  std::vector<const model::Visit*> completed;
  std::vector<const forms::Form*> visit_forms;
  std::vector<Pair> pairs;
  for (const auto* v : current) {
    if (!period.contains(v->date)) continue;
    TrendVisit tv{v->id, v->date, v->outcome, v->status, v->amends_visit_id.has_value(),
                  false, v->notes};
    if (v->outcome == model::VisitOutcome::completed) {
      const forms::Form* form = forms ? forms(v->form_id, v->form_version) : nullptr;
      for (const auto& set : v->sets) {
        if (form && forms::concernFlagged(*form, set)) tv.concern = true;
        const Pair pair{set.caregiver_id, set.child_id};
        if (std::find(pairs.begin(), pairs.end(), pair) == pairs.end()) pairs.push_back(pair);
      }
      trends.completed.push_back(trends.visits.size());
      completed.push_back(v);
      visit_forms.push_back(form);
      if (tv.concern) trends.concern_visits.push_back(v->id);
    }
    trends.visits.push_back(std::move(tv));
  }
  if (!trends.completed.empty())
    trends.concern_on_latest = trends.visits[trends.completed.back()].concern;

  const Layout layout = layoutOf(visit_forms);
  for (const auto& pair : pairs)
    trends.pairs.push_back(pairTrend(pair, completed, visit_forms, layout));
  trends.sections = familySections(trends.pairs, layout, completed.size());
  trends.counts = countVisits(record, trends.visits, period, first_ever);

  std::map<Id, Date> visit_dates;
  for (const auto& v : record.visits) visit_dates[v.id] = v.date;
  for (const auto& goal : record.goals) {
    if (period.to && *period.to < goal.created_on) continue;
    if (goal.status != model::GoalStatus::open && period.from && goal.closed_at_visit_id) {
      const auto closed = visit_dates.find(*goal.closed_at_visit_id);
      if (closed != visit_dates.end() && closed->second < *period.from) continue;
    }
    trends.goals.push_back(goal);
  }
  for (const auto& referral : record.referrals) {
    if (period.to && *period.to < referral.created_on) continue;
    const bool open = referral.status == model::ReferralStatus::open;
    if (!open && period.from && referral.created_on < *period.from) continue;
    trends.referrals.push_back(referral);
    if (open) trends.open_referrals.push_back(referral);
  }
  return trends;
}

}  // namespace securebase::report
