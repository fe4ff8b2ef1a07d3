#include "securebase/service/caseload.h"

#include <algorithm>

#include "securebase/model/visit_due.h"

namespace securebase::service {

std::optional<CaseloadSort> parseCaseloadSort(std::string_view text) {
  if (text == "name") return CaseloadSort::name;
  if (text == "due") return CaseloadSort::next_due;
  if (text == "overdue") return CaseloadSort::overdue;
  if (text == "last") return CaseloadSort::last_visit;
  if (text == "trend") return CaseloadSort::trend;
  return std::nullopt;
}

std::vector<CaseloadRow> caseload(store::Store& store, const CaseloadQuery& query) {
  std::vector<CaseloadRow> rows;
  {
    auto all = prepareCaseload(store.listFamilies(query.filter), query.today);
    const auto shown = filterCaseload(all, query.words);
    rows.reserve(shown.size());
    for (std::size_t i : shown) rows.push_back(std::move(all[i]));
  }
  // Sort positions, not rows (rows carry several strings each); listFamilies returns name
  // order, so a stable sort keeps name as the tie-break.
  std::vector<std::size_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto by = [&](auto key) {
    std::vector<decltype(key(rows[0]))> keys;
    keys.reserve(rows.size());
    for (const auto& row : rows) keys.push_back(key(row));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  };
  constexpr auto far = model::Date{9999, 12, 31};
  if (!rows.empty()) {
    switch (query.sort) {
      case CaseloadSort::name:
        break;
      case CaseloadSort::next_due:
        by([&](const CaseloadRow& r) { return r.summary.next_due.value_or(far).dayNumber(); });
        break;
      case CaseloadSort::overdue:
        by([](const CaseloadRow& r) { return -r.days_overdue; });
        break;
      case CaseloadSort::last_visit:
        by([](const CaseloadRow& r) {
          return r.summary.last_visit.value_or(model::Date{1, 1, 1}).dayNumber();
        });
        break;
      case CaseloadSort::trend:  // most worrying first: largest fall at the top, no trend last
        by([](const CaseloadRow& r) { return r.summary.trend_points.value_or(1e9); });
        break;
    }
  }
  std::vector<CaseloadRow> sorted;
  sorted.reserve(rows.size());
  for (std::size_t i : order) sorted.push_back(std::move(rows[i]));
  return sorted;
}

}  // namespace securebase::service
