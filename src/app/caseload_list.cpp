#include "caseload_list.h"

#include <wx/translation.h>

#include "list_place.h"
#include "securebase/report/trends.h"
#include "ui_helpers.h"

namespace securebase::app {
namespace {

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

}  // namespace

CaseloadList::CaseloadList(wxWindow* parent)
    : wxListView(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
  AppendColumn(_("Family"), wxLIST_FORMAT_LEFT, FromDIP(148));
  AppendColumn(_("Lang."), wxLIST_FORMAT_LEFT, FromDIP(46));
  AppendColumn(_("Counselor"), wxLIST_FORMAT_LEFT, FromDIP(96));
  AppendColumn(_("Last visit"), wxLIST_FORMAT_LEFT, FromDIP(82));
  AppendColumn(_("Next due"), wxLIST_FORMAT_LEFT, FromDIP(82));
  AppendColumn(_("Overdue"), wxLIST_FORMAT_RIGHT, FromDIP(64));
  AppendColumn(_("Trend"), wxLIST_FORMAT_CENTER, FromDIP(46));
  AppendColumn(_("Referrals"), wxLIST_FORMAT_RIGHT, FromDIP(70));
  AppendColumn(_("Flag"), wxLIST_FORMAT_CENTER, FromDIP(38));
  AppendColumn(_("Draft"), wxLIST_FORMAT_LEFT, FromDIP(82));
  fitColumnsToTitles(*this);
  overdue_attr_.SetTextColour(wxColour(160, 40, 30));
  Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
    if (on_selected_)
      on_selected_(rows_[shown_[static_cast<std::size_t>(event.GetIndex())]].summary.family.id);
  });
  Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) {
    if (on_activated_)
      on_activated_(rows_[shown_[static_cast<std::size_t>(event.GetIndex())]].summary.family.id);
  });
}

void CaseloadList::setRows(std::vector<CaseloadRow> rows) {
  // New rows (a change here or by another program) keep the reader's place: the same family
  // selected, the same family first on screen.
  const ListPlace place(*this, shownFamilies());
  rows_ = std::move(rows);
  refresh(std::nullopt);
  place.restore(*this, shownFamilies());
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
      return summary.family.language == model::Language::es ? _("ES") : _("EN");
    case kCounselor:
      return wxString::FromUTF8(summary.counselor_name);
    case kLastVisit:
      return dateText(summary.last_visit);
    case kNextDue:
      return summary.family.status == model::FamilyStatus::active ? dateText(summary.next_due)
                                                                  : _("closed");
    case kOverdue:
      return row.days_overdue > 0 ? wxString::Format(_("%d d"), row.days_overdue) : wxString();
    case kTrend:
      return wxString::FromUTF8(
          std::string(report::arrowGlyph(report::trendArrow(summary.trend_points))));
    case kReferrals:
      return summary.open_referrals > 0 ? wxString::Format("%d", summary.open_referrals)
                                        : wxString();
    case kFlag:
      // U+2691 BLACK FLAG: the concern raised at the latest scored visit.
      return summary.flagged ? wxString::FromUTF8("\u2691") : wxString();
    case kDraft:
      // A visit in progress: it counts in nothing above until it is signed.
      return summary.draft_date ? wxString::FromUTF8(summary.draft_date->iso()) : wxString();
    default:
      return wxString();
  }
}

wxListItemAttr* CaseloadList::OnGetItemAttr(long item) const {
  return rows_[shown_[static_cast<std::size_t>(item)]].days_overdue > 0 ? &overdue_attr_ : nullptr;
}

}  // namespace securebase::app
