// Which families a caseload shows — one rule for the window's list and the command line's
// `caseload`: search over the family name and the counselor (every word must match, accents
// and case ignored), a counselor matched by any part of the name, and a view (all, active,
// overdue, open referral, flagged, closed). Pure over prepared rows, so the window filters
// 10,000 families on every keystroke without asking the database again.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/model/date.h"
#include "securebase/store/store.h"

namespace securebase::service {

// open_referral: any family with a referral still open (it needs following up even after the
// family closed); flagged: active families whose latest signed visit raised a concern.
enum class CaseloadView { all, active, overdue, open_referral, flagged, closed };

struct CaseloadRow {
  store::FamilySummary summary;
  int days_overdue = 0;        // active families only
  std::string search_text;     // name and counselor, folded for matching
  std::string counselor_text;  // the counselor's name, folded
};

std::vector<CaseloadRow> prepareCaseload(std::vector<store::FamilySummary> families,
                                         model::Date today);

// model::foldAccentsAndCase: lower-cases ASCII and the accented Latin letters, dropping accents,
// so "garcia" finds "García", "NUNEZ" finds "Núñez" and "wisniewski" finds "Wiśniewski".
std::string foldForSearch(std::string_view text);

// True when every word of `wanted` (folded) is found in `folded_text`.
bool containsEveryWord(std::string_view folded_text, std::string_view wanted);

struct CaseloadFilter {
  std::string search;     // words over name and counselor
  std::string counselor;  // words over the counselor's name only ("Carmen" finds "Carmen Ortiz")
  CaseloadView view = CaseloadView::all;
};

// Indices into `rows` that match the filter, in list order.
std::vector<std::size_t> filterCaseload(const std::vector<CaseloadRow>& rows,
                                        const CaseloadFilter& filter);

}  // namespace securebase::service
