// Where the reader is in a list about to be filled again: the selected row and the first row
// shown, each remembered by the id of the record it shows. A refresh after a change (here or
// by another program) then keeps both, even when rows were added above them.
#pragma once

#include <wx/listctrl.h>

#include <optional>
#include <vector>

#include "securebase/model/entities.h"

namespace securebase::app {

class ListPlace {
 public:
  // `ids`: the record id of each row of `list`, in row order.
  ListPlace(const wxListView& list, const std::vector<model::Id>& ids);

  // After `list` was filled again with one row per id of `ids`: selects the row that was
  // selected and scrolls the row that was first back to the top. Rows gone are not replaced.
  void restore(wxListView& list, const std::vector<model::Id>& ids) const;

 private:
  std::optional<model::Id> selected_;
  std::optional<model::Id> top_;
};

}  // namespace securebase::app
