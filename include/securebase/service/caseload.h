// The caseload: every family a counselor or supervisor follows, with what needs attention —
// overdue visits, the direction practices are moving, open referrals, concern flags. Read from
// the summary the store keeps at hand, so 10,000 families list without rescoring any visit.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "securebase/service/caseload_filter.h"
#include "securebase/store/store.h"

namespace securebase::service {

enum class CaseloadSort { name, next_due, overdue, last_visit, trend };
std::optional<CaseloadSort> parseCaseloadSort(std::string_view text);

struct CaseloadQuery {
  store::FamilyFilter filter;  // set filter.overdue_on to list only overdue families
  CaseloadFilter words;        // search and counselor words (caseload_filter.h)
  CaseloadSort sort = CaseloadSort::overdue;
  model::Date today = model::Date::today();
};

// Families matching the query; ties in any order are broken by name, then id.
std::vector<CaseloadRow> caseload(store::Store& store, const CaseloadQuery& query);

}  // namespace securebase::service
