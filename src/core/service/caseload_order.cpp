#include "securebase/service/caseload_order.h"

#include <algorithm>
#include <optional>
#include <string>
#include <variant>

namespace securebase::service {
namespace {

using Key = std::optional<std::variant<std::string, double>>;

Key keyOf(const CaseloadRow& row, CaseloadColumn column) {
  const auto& summary = row.summary;
  auto date = [](const std::optional<model::Date>& day) -> Key {
    if (!day) return std::nullopt;
    return static_cast<double>(day->dayNumber());
  };
  switch (column) {
    case CaseloadColumn::name:
      return foldForSearch(summary.family.display_name);
    case CaseloadColumn::language:
      return std::string(model::toString(summary.family.language));
    case CaseloadColumn::counselor:
      if (row.counselor_text.empty()) return std::nullopt;
      return row.counselor_text;
    case CaseloadColumn::last_visit:
      return date(summary.last_visit);
    case CaseloadColumn::next_due:
      if (summary.family.status != model::FamilyStatus::active) return std::nullopt;
      return date(summary.next_due);
    case CaseloadColumn::overdue:
      return static_cast<double>(row.days_overdue);
    case CaseloadColumn::trend:
      if (!summary.trend_points) return std::nullopt;
      return *summary.trend_points;
    case CaseloadColumn::referrals:
      return static_cast<double>(summary.open_referrals);
    case CaseloadColumn::flag:
      return summary.flagged ? 1.0 : 0.0;
    case CaseloadColumn::draft:
      return date(summary.draft_date);
  }
  return std::nullopt;
}

}  // namespace

void sortCaseloadPositions(const std::vector<CaseloadRow>& rows,
                           std::vector<std::size_t>& positions, CaseloadColumn column,
                           bool ascending) {
  // Keys computed once per row, not once per comparison (names are folded on the way).
  std::vector<Key> keys(rows.size());
  for (const std::size_t at : positions) keys[at] = keyOf(rows[at], column);
  std::stable_sort(positions.begin(), positions.end(), [&](std::size_t a, std::size_t b) {
    const Key& left = keys[a];
    const Key& right = keys[b];
    if (!left || !right) return left.has_value() && !right.has_value();  // absent last
    return ascending ? *left < *right : *right < *left;
  });
}

}  // namespace securebase::service
