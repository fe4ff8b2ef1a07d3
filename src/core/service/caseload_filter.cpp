#include "securebase/service/caseload_filter.h"

#include <algorithm>

#include "securebase/model/latin_letters.h"
#include "securebase/model/visit_due.h"

namespace securebase::service {
namespace {

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : foldForSearch(text)) {
    if (c == ' ' || c == '\t' || c == ',') {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

bool containsAll(std::string_view text, const std::vector<std::string>& wanted) {
  for (const auto& word : wanted)
    if (text.find(word) == std::string_view::npos) return false;
  return true;
}

bool inView(const CaseloadRow& row, CaseloadView view) {
  const bool active = row.summary.family.status == model::FamilyStatus::active;
  switch (view) {
    case CaseloadView::all:
      return true;
    case CaseloadView::active:
      return active;
    case CaseloadView::overdue:
      return active && row.days_overdue > 0;
    case CaseloadView::open_referral:
      return row.summary.open_referrals > 0;
    case CaseloadView::flagged:
      return active && row.summary.flagged;
    case CaseloadView::closed:
      return !active;
  }
  return true;
}

}  // namespace

std::string foldForSearch(std::string_view text) {
  return model::foldAccentsAndCase(text);
}

bool containsEveryWord(std::string_view folded_text, std::string_view wanted) {
  return containsAll(folded_text, words(wanted));
}

std::vector<CaseloadRow> prepareCaseload(std::vector<store::FamilySummary> families,
                                         model::Date today) {
  std::vector<CaseloadRow> rows;
  rows.reserve(families.size());
  for (auto& summary : families) {
    CaseloadRow row;
    row.counselor_text = foldForSearch(summary.counselor_name);
    row.search_text = foldForSearch(summary.family.display_name) + " " + row.counselor_text;
    if (summary.family.status == model::FamilyStatus::active)
      row.days_overdue = model::daysOverdue(summary.next_due, today);
    row.summary = std::move(summary);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::size_t> filterCaseload(const std::vector<CaseloadRow>& rows,
                                        const CaseloadFilter& filter) {
  const auto search = words(filter.search);
  const auto counselor = words(filter.counselor);
  std::vector<std::size_t> shown;
  shown.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (inView(rows[i], filter.view) && containsAll(rows[i].search_text, search) &&
        containsAll(rows[i].counselor_text, counselor))
      shown.push_back(i);
  return shown;
}

}  // namespace securebase::service
