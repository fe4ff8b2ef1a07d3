// The order of the caseload when a column of the list is chosen (the window's column headers):
// one comparison per column, so the same column always sorts the same way.
#pragma once

#include <cstddef>
#include <vector>

#include "securebase/service/caseload_filter.h"

namespace securebase::service {

enum class CaseloadColumn {
  name,
  language,
  counselor,
  last_visit,
  next_due,
  overdue,
  trend,
  referrals,
  flag,
  draft
};

// Sorts `positions` (indexes into `rows`) by `column`, ascending or descending. Names compare
// without case or accents; a family with no value in the column (no visit yet, no trend) comes
// last either way; ties keep the order they had (stable), so an earlier sort breaks them.
void sortCaseloadPositions(const std::vector<CaseloadRow>& rows,
                           std::vector<std::size_t>& positions, CaseloadColumn column,
                           bool ascending);

}  // namespace securebase::service
