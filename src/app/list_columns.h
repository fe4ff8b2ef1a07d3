// Report lists whose cells read whole: each column as wide as its title and its widest cell,
// one column taking the width the others leave, and the whole text of a cell that is cut anyway
// shown as a tooltip while the mouse is over it. The caseload, the family's goals and referrals
// and the import's conflict list use it.
#pragma once

#include <wx/string.h>

#include <functional>

class wxListCtrl;
class wxWindow;

namespace securebase::app {

// The width a column needs to show `text` whole in `list`'s font: the text and the room the
// header and the cells keep around it.
int columnTextWidth(const wxListCtrl& list, const wxString& text);

// The width a column needs for its title and every cell of a (non-virtual) list.
int columnContentWidth(const wxListCtrl& list, int column);

// Every column but `stretch` as wide as its content (columnContentWidth); `stretch` takes the
// rest of the list's client width, never less than its title. Call after each fill.
void fitColumns(wxListCtrl& list, int stretch);
// `stretch` takes the rest of the client width again whenever the list is resized.
void keepStretching(wxListCtrl& list, int stretch);

// The cell's whole text when its column is too narrow to show it, else "".
wxString cutCellText(const wxListCtrl& list, long item, int column);

// The inner window that draws the rows of wx's own list (the one under the header), which gets
// the mouse over them; the list itself for a native one.
wxWindow* rowsWindow(wxListCtrl& list);

// While the mouse is over a cut cell, that cell's whole text is the rows' tooltip; elsewhere the
// list's own tooltip, if it has one. `cut` gives the whole text of a cut cell ("" for a whole
// one); cutCellText by default.
using CutCellText = std::function<wxString(long item, int column)>;
void showCutCellsAsTooltips(wxListCtrl& list, CutCellText cut = {});

}  // namespace securebase::app
