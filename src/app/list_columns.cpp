#include "list_columns.h"

#include <wx/listctrl.h>
#include <wx/tooltip.h>

#include <algorithm>
#include <utility>

namespace securebase::app {
namespace {

// Room around a title or a cell's text (DIP): the header insets its label by 5 px on each side,
// the cells by a little more.
constexpr int kColumnPadding = 12;

wxString titleOf(const wxListCtrl& list, int column) {
  wxListItem header;
  header.SetMask(wxLIST_MASK_TEXT);
  list.GetColumn(column, header);
  return header.GetText();
}

void stretch(wxListCtrl& list, int column) {
  int others = 0;
  for (int i = 0; i < list.GetColumnCount(); ++i)
    if (i != column) others += list.GetColumnWidth(i);
  const int room = list.GetClientSize().x - others;
  list.SetColumnWidth(column, std::max(room, columnTextWidth(list, titleOf(list, column))));
}

// The row and column under a point of the rows window, or item -1. wx's own list counts
// HitTest in the rows window's coordinates but GetSubItemRect in the list's (below the header);
// and it finds the row but not the column (HitTest leaves that at -1), so the column is the one
// whose cell holds the point.
std::pair<long, int> cellAt(wxListCtrl& list, wxWindow& rows, const wxPoint& at) {
  int flags = 0;
  const long item = list.HitTest(at, flags);
  if (item < 0) return {-1, -1};
  const wxPoint in_list = list.ScreenToClient(rows.ClientToScreen(at));
  for (int column = 0; column < list.GetColumnCount(); ++column) {
    wxRect cell;
    if (list.GetSubItemRect(item, column, cell) && cell.Contains(in_list)) return {item, column};
  }
  return {-1, -1};
}

}  // namespace

int columnTextWidth(const wxListCtrl& list, const wxString& text) {
  return list.GetTextExtent(text).x + list.FromDIP(kColumnPadding);
}

int columnContentWidth(const wxListCtrl& list, int column) {
  int width = columnTextWidth(list, titleOf(list, column));
  for (long item = 0; item < list.GetItemCount(); ++item)
    width = std::max(width, columnTextWidth(list, list.GetItemText(item, column)));
  return width;
}

void fitColumns(wxListCtrl& list, int stretch_column) {
  for (int i = 0; i < list.GetColumnCount(); ++i)
    if (i != stretch_column) list.SetColumnWidth(i, columnContentWidth(list, i));
  stretch(list, stretch_column);
}

void keepStretching(wxListCtrl& list, int stretch_column) {
  list.Bind(wxEVT_SIZE, [&list, stretch_column](wxSizeEvent& event) {
    event.Skip();
    stretch(list, stretch_column);
  });
}

wxString cutCellText(const wxListCtrl& list, long item, int column) {
  if (item < 0 || item >= list.GetItemCount() || column < 0 || column >= list.GetColumnCount())
    return {};
  const wxString text = list.GetItemText(item, column);
  return columnTextWidth(list, text) > list.GetColumnWidth(column) ? text : wxString();
}

wxWindow* rowsWindow(wxListCtrl& list) {
#if !defined(__WXMSW__) && !defined(__WXQT__)
  // wx's own list scrolls the inner window that draws its rows. That window has no class
  // info of its own (GetClassName() says "wxWindow"), so it cannot be found by class name.
  if (wxWindow* rows = list.GetTargetWindow(); rows != nullptr) return rows;
#endif
  return &list;
}

void showCutCellsAsTooltips(wxListCtrl& list, CutCellText cut) {
  if (!cut) cut = [&list](long item, int column) { return cutCellText(list, item, column); };
  wxWindow* rows = rowsWindow(list);
  const wxString own = list.GetToolTipText();
  rows->Bind(wxEVT_MOTION, [&list, rows, own, cut](wxMouseEvent& event) {
    event.Skip();
    const auto [item, column] = cellAt(list, *rows, event.GetPosition());
    wxString tip = item >= 0 ? cut(item, column) : wxString();
    if (tip.empty()) tip = own;
    if (tip == rows->GetToolTipText()) return;
    if (tip.empty())
      rows->UnsetToolTip();
    else
      rows->SetToolTip(tip);
  });
}

}  // namespace securebase::app
