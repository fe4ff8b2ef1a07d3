// The visit editor's item rows, built a section at a time: opening the editor builds only the
// sections up to the row it starts on, and the rest follow one section per turn of the event
// loop once the window shows — a form's 30 rows are some 200 GTK controls, too many to build
// before the first paint. Asking for a row that is not built yet builds it (and every section
// above it, so nothing moves above what the counselor is looking at).
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "securebase/forms/form.h"

class wxScrolledWindow;
class wxSizer;

namespace securebase::app {

class ItemRow;

class VisitRows {
 public:
  // Called once for each row as it is built, to connect and fill it.
  using Setup = std::function<void(std::size_t index, ItemRow& row)>;

  VisitRows(wxScrolledWindow& scroller, const forms::Form& form, Setup setup);

  std::size_t size() const { return items_.size(); }
  const forms::Item& item(std::size_t index) const { return *items_[index]; }
  // The row, building it first when needed.
  ItemRow& row(std::size_t index);
  // The row when already built, else nullptr.
  ItemRow* ifBuilt(std::size_t index) const { return rows_[index]; }
  std::size_t builtCount() const;

  // Builds the next section not yet built; false when every section is.
  bool buildNext();

 private:
  struct Section {
    const forms::Section* section = nullptr;
    wxSizer* sizer = nullptr;
    std::size_t first = 0;  // index of its first row
    bool built = false;
  };
  void build(std::size_t section);

  wxScrolledWindow& scroller_;
  Setup setup_;
  std::vector<const forms::Item*> items_;
  std::vector<ItemRow*> rows_;  // nullptr until built
  std::vector<std::size_t> section_of_;
  std::vector<Section> sections_;
};

}  // namespace securebase::app
