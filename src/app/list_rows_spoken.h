// The rows of a report list, for a screen reader. wxListView on GTK is drawn by wx itself: its
// rows are pixels that AT-SPI cannot see, so Orca would read only the list's name. Here the list
// (and the rows area that holds the keyboard focus) is named after its current row — "Families,
// row 2 of 14: Family: Aaron family, Last visit: 2026-11-02, …" — and renamed whenever the
// selection, the focused row or the contents change, which Orca reads out as it happens.
#pragma once

#include <wx/string.h>

class wxListCtrl;
class wxListView;

namespace securebase::app {

// From now on, `list` is read as "<list_name>, row K of N: <its cells>" (or "<list_name>, N
// rows" with no row current). Nothing happens without an accessibility bus.
void speakCurrentRow(wxListView& list, const wxString& list_name);

// One row as words: "<column title>: <cell>" for every cell that shows something.
wxString spokenRow(const wxListCtrl& list, long row);

}  // namespace securebase::app
