#include "caseload_list.h"

#include <wx/config.h>
#include <wx/settings.h>
#include <wx/translation.h>

#include <algorithm>
#include <set>

#include "list_columns.h"
#include "list_place.h"
#include "securebase/report/trends.h"
#include "ui_helpers.h"
#include "window_config.h"

namespace securebase::app {
namespace {

constexpr const char* kSortColumnKey = "/Caseload/SortColumn";
constexpr const char* kSortAscendingKey = "/Caseload/SortAscending";

// In the order of service::CaseloadColumn, which sorts them.
enum Column {
  kName,
  kLanguage,
  kCounselor,
  kLastVisit,
  kNextDue,
  kOverdue,
  kTrend,
  kReferrals,
  kFlag,
  kDraft
};

wxString dateText(const std::optional<model::Date>& date) {
  return date ? wxString::FromUTF8(date->iso()) : wxString(wxS("—"));
}

wxString languageText(model::Language language) {
  return language == model::Language::es ? _("ES") : _("EN");
}

wxString overdueText(int days) {
  return days > 0 ? wxString::Format(_("%d d"), days) : wxString();
}

// U+2691 BLACK FLAG: the concern raised at the latest scored visit.
const wxString kFlagGlyph = wxString::FromUTF8("\u2691");
// U+270E LOWER RIGHT PENCIL: a visit in progress. Its date is on the family panel ("A visit of
// … is in progress"); a glyph keeps the column as narrow as its title.
const wxString kDraftGlyph = wxString::FromUTF8("\u270E");

struct ColumnPlan {
  wxString title;
  wxListColumnFormat align;
  // The widest texts the column shows (besides the counselors' names, which come with the rows).
  std::vector<wxString> widest;
};

// Titles in the context "caseload column": where a word is long and the column's content narrow
// (a number, an arrow, a date), the Spanish title is a short word of its own, so that ten columns
// and the family's name fit beside the family panel at 1280 px.
std::vector<ColumnPlan> columnPlans() {
  const wxString date = wxS("0000-00-00");
  return {
      {wxGETTEXT_IN_CONTEXT("caseload column", "Family"), wxLIST_FORMAT_LEFT, {}},
      {wxGETTEXT_IN_CONTEXT("caseload column", "Lang."),
       wxLIST_FORMAT_LEFT,
       {languageText(model::Language::en), languageText(model::Language::es)}},
      {wxGETTEXT_IN_CONTEXT("caseload column", "Counselor"), wxLIST_FORMAT_LEFT, {}},
      {wxGETTEXT_IN_CONTEXT("caseload column", "Last visit"), wxLIST_FORMAT_LEFT, {date}},
      {wxGETTEXT_IN_CONTEXT("caseload column", "Next due"),
       wxLIST_FORMAT_LEFT,
       {date, _("closed")}},
      {wxGETTEXT_IN_CONTEXT("caseload column", "Overdue"), wxLIST_FORMAT_RIGHT, {overdueText(999)}},
      {wxGETTEXT_IN_CONTEXT("caseload column", "Trend"),
       wxLIST_FORMAT_CENTER,
       {wxString::FromUTF8("\u2191")}},
      {wxGETTEXT_IN_CONTEXT("caseload column", "Referrals"), wxLIST_FORMAT_RIGHT, {wxS("99")}},
      {wxGETTEXT_IN_CONTEXT("caseload column", "Flag"), wxLIST_FORMAT_CENTER, {kFlagGlyph}},
      {wxGETTEXT_IN_CONTEXT("caseload column", "Draft"), wxLIST_FORMAT_CENTER, {kDraftGlyph}}};
}

}  // namespace

CaseloadList::CaseloadList(wxWindow* parent)
    : wxListView(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
  for (const auto& column : columnPlans()) AppendColumn(column.title, column.align);
  fitColumns();
  Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
    event.Skip();
    fitNameColumn();
  });
  overdue_attr_.SetTextColour(wxColour(160, 40, 30));
  Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
    if (on_selected_)
      on_selected_(rows_[shown_[static_cast<std::size_t>(event.GetIndex())]].summary.family.id);
  });
  Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) {
    if (on_activated_)
      on_activated_(rows_[shown_[static_cast<std::size_t>(event.GetIndex())]].summary.family.id);
  });
  // A click on a column's title sorts by it, a second click the other way round; the choice is
  // kept on this computer.
  Bind(wxEVT_LIST_COL_CLICK, [this](wxListEvent& event) {
    const int column = event.GetColumn();
    if (column < 0) return;
    sortBy(column, column == sort_column_ ? !sort_ascending_ : true);
  });
  auto& config = WindowConfig::instance().config();
  const long stored = config.ReadLong(kSortColumnKey, -1);
  if (stored >= 0 && stored < GetColumnCount()) {
    sort_column_ = static_cast<int>(stored);
    sort_ascending_ = config.ReadBool(kSortAscendingKey, true);
    ShowSortIndicator(sort_column_, sort_ascending_);
  }
  // A cell cut by its column's width shows whole as a tooltip (counselors' names are cut rather
  // than the family's).
  showCutCellsAsTooltips(*this, [this](long item, int column) { return cutText(item, column); });
}

void CaseloadList::sortBy(int column, bool ascending) {
  sort_column_ = column;
  sort_ascending_ = ascending;
  auto& config = WindowConfig::instance().config();
  config.Write(kSortColumnKey, static_cast<long>(column));
  config.Write(kSortAscendingKey, ascending);
  config.Flush();
  ShowSortIndicator(column, ascending);
  refresh(selectedFamily());
}

wxString CaseloadList::cutText(long item, int column) const {
  if (item < 0 || static_cast<std::size_t>(item) >= shown_.size()) return {};
  const wxString text = OnGetItemText(item, column);
  return textWidth(text) > GetColumnWidth(column) ? text : wxString();
}

void CaseloadList::setRows(std::vector<CaseloadRow> rows) {
  // New rows (a change here or by another program) keep the reader's place: the same family
  // selected, the same family first on screen.
  const ListPlace place(*this, shownFamilies());
  rows_ = std::move(rows);
  fitColumns();
  refresh(std::nullopt);
  place.restore(*this, shownFamilies());
}

int CaseloadList::textWidth(const wxString& text) const {
  return columnTextWidth(*this, text);
}

void CaseloadList::fitColumns() {
  // Each column as wide as its title and its widest content; the counselors' names from the
  // rows, measured once per name (a caseload has many families but few counselors).
  std::set<std::string> counselors;
  for (const auto& row : rows_) counselors.insert(row.summary.counselor_name);
  const auto plans = columnPlans();
  for (std::size_t i = 0; i < plans.size(); ++i) {
    int width = textWidth(plans[i].title);
    for (const auto& text : plans[i].widest) width = std::max(width, textWidth(text));
    if (i == kCounselor)
      for (const auto& name : counselors)
        width = std::max(width,
                         std::min(textWidth(wxString::FromUTF8(name)), FromDIP(kWidestCounselor)));
    if (i != kName) SetColumnWidth(static_cast<int>(i), width);
  }
  fitNameColumn();
}

int CaseloadList::otherColumnsWidth() const {
  int width = 0;
  for (int i = 0; i < GetColumnCount(); ++i)
    if (i != kName) width += GetColumnWidth(i);
  return width;
}

int CaseloadList::nameColumnWanted() const {
  int width = textWidth(columnPlans()[kName].title);
  for (const auto& row : rows_)
    width = std::max(width, textWidth(wxString::FromUTF8(row.summary.family.display_name)));
  return std::min(width, FromDIP(kWidestName));
}

void CaseloadList::fitNameColumn() {
  // The family's name takes the room the other columns leave, so nothing needs a horizontal
  // scroll; never narrower than its title.
  const int room = GetClientSize().x - otherColumnsWidth();
  SetColumnWidth(kName, std::max(room, textWidth(columnPlans()[kName].title)));
}

int CaseloadList::wantedWidth() const {
  const int frame = GetSize().x - GetClientSize().x;
  return otherColumnsWidth() + nameColumnWanted() + frame +
         wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this);
}

std::vector<model::Id> CaseloadList::shownFamilies() const {
  std::vector<model::Id> ids;
  ids.reserve(shown_.size());
  for (const std::size_t index : shown_) ids.push_back(rows_[index].summary.family.id);
  return ids;
}

void CaseloadList::setFilter(const std::string& search, CaseloadView view) {
  search_ = search;
  view_ = view;
  refresh(selectedFamily());
}

void CaseloadList::refresh(std::optional<model::Id> keep_selected) {
  shown_ = service::filterCaseload(rows_, {search_, "", view_});
  if (sort_column_ >= 0)
    service::sortCaseloadPositions(
        rows_, shown_, static_cast<service::CaseloadColumn>(sort_column_), sort_ascending_);
  SetItemCount(static_cast<long>(shown_.size()));
  // Selection in a virtual list is by index: clear it so no other family looks selected.
  for (long item = GetFirstSelected(); item != -1; item = GetNextSelected(item))
    SetItemState(item, 0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  Refresh();
  if (keep_selected) selectFamily(*keep_selected);
}

std::optional<model::Id> CaseloadList::selectedFamily() const {
  const long item = GetFirstSelected();
  if (item < 0 || static_cast<std::size_t>(item) >= shown_.size()) return std::nullopt;
  return rows_[shown_[static_cast<std::size_t>(item)]].summary.family.id;
}

void CaseloadList::selectFamily(model::Id family_id) {
  for (std::size_t i = 0; i < shown_.size(); ++i) {
    if (rows_[shown_[i]].summary.family.id != family_id) continue;
    const long item = static_cast<long>(i);
    SetItemState(item, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    EnsureVisible(item);
    return;
  }
}

wxString CaseloadList::OnGetItemText(long item, long column) const {
  const CaseloadRow& row = rows_[shown_[static_cast<std::size_t>(item)]];
  const auto& summary = row.summary;
  switch (column) {
    case kName:
      return wxString::FromUTF8(summary.family.display_name);
    case kLanguage:
      return languageText(summary.family.language);
    case kCounselor:
      return wxString::FromUTF8(summary.counselor_name);
    case kLastVisit:
      return dateText(summary.last_visit);
    case kNextDue:
      return summary.family.status == model::FamilyStatus::active ? dateText(summary.next_due)
                                                                  : _("closed");
    case kOverdue:
      return overdueText(row.days_overdue);
    case kTrend:
      return wxString::FromUTF8(
          std::string(report::arrowGlyph(report::trendArrow(summary.trend_points))));
    case kReferrals:
      return summary.open_referrals > 0 ? wxString::Format("%d", summary.open_referrals)
                                        : wxString();
    case kFlag:
      return summary.flagged ? kFlagGlyph : wxString();
    case kDraft:
      // A visit in progress: it counts in nothing above until it is signed.
      return summary.draft_date ? kDraftGlyph : wxString();
    default:
      return wxString();
  }
}

wxListItemAttr* CaseloadList::OnGetItemAttr(long item) const {
  return rows_[shown_[static_cast<std::size_t>(item)]].days_overdue > 0 ? &overdue_attr_ : nullptr;
}

}  // namespace securebase::app
