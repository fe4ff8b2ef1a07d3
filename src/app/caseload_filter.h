// Which families the caseload list shows: search as you type over the family name and the
// counselor, and a view (all, active, overdue for a visit, open referral, flagged, closed). Wx-free
// and pure, so the list stays fast at 10,000 families: rows are prepared once, each keystroke only
// scans them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/model/date.h"
#include "securebase/store/store.h"

namespace securebase::app {

// open_referral: any family with a referral still open (it needs following up even after the
// family closed); flagged: active families whose latest scored visit raised a concern.
enum class CaseloadView { all, active, overdue, open_referral, flagged, closed };

struct CaseloadRow {
  store::FamilySummary summary;
  int days_overdue = 0;     // active families only
  std::string search_text;  // name and counselor, folded for matching
  std::string trend_glyph;  // "↑", "↓", "→" or "" (report::arrowGlyph)
};

std::vector<CaseloadRow> prepareCaseload(std::vector<store::FamilySummary> families,
                                         model::Date today);

// Lower-cases ASCII and the accented Latin-1 letters, and drops their accents, so "garcia"
// finds "García" and "NUNEZ" finds "Núñez".
std::string foldForSearch(std::string_view text);

// Indices into `rows` that match every word of `search` and the view, in list order.
std::vector<std::size_t> filterCaseload(const std::vector<CaseloadRow>& rows,
                                        std::string_view search, CaseloadView view);

}  // namespace securebase::app
