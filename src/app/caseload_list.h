// The caseload: a virtual report list, so 10,000 families cost only the rows on screen. It
// shows CaseloadRow values filtered by the core's caseload filter (service/caseload_filter.h) —
// dates, days overdue, the trend arrow, open referrals, the concern flag and a draft in
// progress; selecting a row reports the family id.
#pragma once

#include <wx/listctrl.h>

#include <functional>
#include <optional>
#include <vector>

#include "securebase/service/caseload_filter.h"
#include "securebase/service/caseload_order.h"

namespace securebase::app {

using service::CaseloadRow;
using service::CaseloadView;

class CaseloadList : public wxListView {
 public:
  explicit CaseloadList(wxWindow* parent);

  // Replaces the rows, keeping the selected family and the one first on screen.
  void setRows(std::vector<CaseloadRow> rows);
  void setFilter(const std::string& search, CaseloadView view);
  std::size_t shownCount() const { return shown_.size(); }
  std::size_t totalCount() const { return rows_.size(); }

  // The width that shows every column whole, the families' names included (up to a limit):
  // what the main window gives the caseload when it can.
  int wantedWidth() const;

  std::optional<model::Id> selectedFamily() const;
  // Selects the family's row (when shown) and scrolls to it.
  void selectFamily(model::Id family_id);
  const CaseloadRow& shownRow(std::size_t index) const { return rows_[shown_[index]]; }

  // Sorts by a column (CaseloadColumn's order), as a click on its title does; remembered on this
  // computer. -1: the list's own order (by name).
  void sortBy(int column, bool ascending);
  int sortColumn() const { return sort_column_; }
  bool sortAscending() const { return sort_ascending_; }
  // The cell's whole text when the column is too narrow to show it (its tooltip), else "".
  wxString cutText(long item, int column) const;

  void onFamilySelected(std::function<void(model::Id)> callback) {
    on_selected_ = std::move(callback);
  }
  void onFamilyActivated(std::function<void(model::Id)> callback) {
    on_activated_ = std::move(callback);
  }

 private:
  wxString OnGetItemText(long item, long column) const override;
  wxListItemAttr* OnGetItemAttr(long item) const override;
  void refresh(std::optional<model::Id> keep_selected);
  // Column widths from the titles and the contents (see columnPlans in the .cpp).
  void fitColumns();
  void fitNameColumn();
  int otherColumnsWidth() const;
  int nameColumnWanted() const;
  int textWidth(const wxString& text) const;

  static constexpr int kWidestCounselor = 150;  // a longer name is cut rather than the family's
  static constexpr int kWidestName = 200;
  std::vector<model::Id> shownFamilies() const;

  std::vector<CaseloadRow> rows_;
  std::vector<std::size_t> shown_;
  std::string search_;
  CaseloadView view_ = CaseloadView::active;
  int sort_column_ = -1;
  bool sort_ascending_ = true;
  mutable wxListItemAttr overdue_attr_;
  std::function<void(model::Id)> on_selected_;
  std::function<void(model::Id)> on_activated_;
};

}  // namespace securebase::app
