// "Next visit due" — the one rule the CLI, the desktop program and the reports all use
// (DESIGN §4): the planned next visit date of the latest completed visit if set, otherwise that
// visit's date plus the family's visit frequency. Missed and cancelled visits do not move it.
#pragma once

#include <optional>

#include "securebase/model/date.h"

namespace securebase::model {

struct LatestCompletedVisit {
  Date date;
  std::optional<Date> next_planned;
};

// nullopt when the family has no completed visit yet (nothing to count from).
std::optional<Date> nextVisitDue(const std::optional<LatestCompletedVisit>& latest,
                                 int visit_frequency_days);

// Days past due on `today` (0 when not yet due or nothing is due).
int daysOverdue(const std::optional<Date>& due, Date today);

}  // namespace securebase::model
