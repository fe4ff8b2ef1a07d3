// The caseload: a virtual report list, so 10,000 families cost only the rows on screen. It
// shows CaseloadRow values filtered by caseload_filter.h — dates, days overdue, the trend arrow,
// open referrals and the concern flag; selecting a row reports the family id.
#pragma once

#include <wx/listctrl.h>

#include <functional>
#include <optional>
#include <vector>

#include "caseload_filter.h"

namespace securebase::app {

class CaseloadList : public wxListView {
 public:
  explicit CaseloadList(wxWindow* parent);

  // Replaces the rows, keeping the selected family and the one first on screen.
  void setRows(std::vector<CaseloadRow> rows);
  void setFilter(const std::string& search, CaseloadView view);
  std::size_t shownCount() const { return shown_.size(); }
  std::size_t totalCount() const { return rows_.size(); }

  std::optional<model::Id> selectedFamily() const;
  // Selects the family's row (when shown) and scrolls to it.
  void selectFamily(model::Id family_id);
  const CaseloadRow& shownRow(std::size_t index) const { return rows_[shown_[index]]; }

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
  std::vector<model::Id> shownFamilies() const;

  std::vector<CaseloadRow> rows_;
  std::vector<std::size_t> shown_;
  std::string search_;
  CaseloadView view_ = CaseloadView::active;
  mutable wxListItemAttr overdue_attr_;
  std::function<void(model::Id)> on_selected_;
  std::function<void(model::Id)> on_activated_;
};

}  // namespace securebase::app
