#include "list_place.h"

#include <algorithm>

namespace securebase::app {
namespace {

std::optional<model::Id> idAt(const std::vector<model::Id>& ids, long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= ids.size()) return std::nullopt;
  return ids[static_cast<std::size_t>(row)];
}

long rowOf(const std::vector<model::Id>& ids, std::optional<model::Id> id) {
  if (!id) return -1;
  const auto found = std::find(ids.begin(), ids.end(), *id);
  return found == ids.end() ? -1 : static_cast<long>(found - ids.begin());
}

}  // namespace

ListPlace::ListPlace(const wxListView& list, const std::vector<model::Id>& ids)
    : selected_(idAt(ids, list.GetFirstSelected())), top_(idAt(ids, list.GetTopItem())) {}

void ListPlace::restore(wxListView& list, const std::vector<model::Id>& ids) const {
  if (const long top = rowOf(ids, top_); top >= 0) {
    // Scrolling the row a page below into view puts `top` first; then `top` itself, in case
    // the list is shorter than a page from there.
    const long last = static_cast<long>(ids.size()) - 1;
    list.EnsureVisible(std::min(last, top + std::max(list.GetCountPerPage(), 1) - 1));
    list.EnsureVisible(top);
  }
  if (const long selected = rowOf(ids, selected_);
      selected >= 0 && selected != list.GetFirstSelected())
    list.Select(selected);
}

}  // namespace securebase::app
