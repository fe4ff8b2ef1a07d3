#include "list_rows_spoken.h"

#include <wx/listctrl.h>
#include <wx/translation.h>

#include <memory>

#include "accessible_names.h"

namespace securebase::app {
namespace {

// The row a screen reader user is on: the focused one when it is selected, else the first
// selected (a selection restored after a refresh moves no focus).
long currentRow(const wxListView& list) {
  const long focused = list.GetFocusedItem();
  if (focused >= 0 && list.IsSelected(focused)) return focused;
  return list.GetFirstSelected();
}

wxString spokenList(const wxListView& list, const wxString& list_name) {
  const long count = list.GetItemCount();
  const long row = currentRow(list);
  if (row < 0 || row >= count)
    return wxString::Format(wxPLURAL("%s, %ld row", "%s, %ld rows", count), list_name, count);
  return wxString::Format(_("%s, row %ld of %ld: %s"), list_name, row + 1, count,
                          spokenRow(list, row));
}

void update(wxListView& list, const wxString& list_name) {
  if (list.IsBeingDeleted()) return;
  const wxString text = spokenList(list, list_name);
  setAccessibleText(list, text);
  // The rows area is its own GTK widget, and the one that has the keyboard focus.
  for (wxWindow* part : list.GetChildren())
    if (part->AcceptsFocus()) setAccessibleText(*part, text);
}

}  // namespace

wxString spokenRow(const wxListCtrl& list, long row) {
  wxString words;
  for (int column = 0; column < list.GetColumnCount(); ++column) {
    const wxString cell = list.GetItemText(row, column).Strip(wxString::both);
    if (cell.empty()) continue;
    wxListItem title;
    title.SetMask(wxLIST_MASK_TEXT);
    list.GetColumn(column, title);
    const wxString heading = title.GetText().Strip(wxString::both);
    words += (words.empty() ? "" : ", ") + (heading.empty() ? cell : heading + ": " + cell);
  }
  return words;
}

void speakCurrentRow(wxListView& list, const wxString& list_name) {
  // Once, after the event: a selection event can come from inside a refill (a virtual list's
  // SetItemCount), before the list's owner has its new rows to give.
  auto pending = std::make_shared<bool>(false);
  auto refresh = [&list, list_name, pending] {
    if (*pending) return;
    *pending = true;
    list.CallAfter([&list, list_name, pending] {
      *pending = false;
      update(list, list_name);
    });
  };
  // (Not on "delete all items": a list sends it from its destructor, when a virtual list can no
  // longer give its cells.)
  for (const auto type :
       {wxEVT_LIST_ITEM_SELECTED, wxEVT_LIST_ITEM_DESELECTED, wxEVT_LIST_ITEM_FOCUSED})
    list.Bind(type, [refresh](wxListEvent& event) {
      event.Skip();
      refresh();
    });
  // Rows refilled or re-sorted by code send no selection event, but are always drawn again.
  for (wxWindow* part : list.GetChildren())
    if (part->AcceptsFocus())
      part->Bind(wxEVT_PAINT, [refresh](wxPaintEvent& event) {
        event.Skip();
        refresh();
      });
  refresh();
}

}  // namespace securebase::app
