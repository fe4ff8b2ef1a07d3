#include "securebase/model/visit_due.h"

namespace securebase::model {

std::optional<Date> nextVisitDue(const std::optional<LatestCompletedVisit>& latest,
                                 int visit_frequency_days) {
  if (!latest) return std::nullopt;
  if (latest->next_planned) return latest->next_planned;
  return latest->date.plusDays(visit_frequency_days);
}

int daysOverdue(const std::optional<Date>& due, Date today) {
  if (!due || !(*due < today)) return 0;
  return static_cast<int>(daysBetween(*due, today));
}

}  // namespace securebase::model
