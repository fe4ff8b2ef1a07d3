#include "ui_helpers.h"

#include <wx/button.h>
#include <wx/dc.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/tokenzr.h>
#include <wx/translation.h>

namespace securebase::app {

wxStaticText* makeHeading(wxWindow* parent, const wxString& text, double scale) {
  auto* heading = new wxStaticText(parent, wxID_ANY, text);
  wxFont font = heading->GetFont().Bold();
  if (scale != 1.0) font.SetFractionalPointSize(font.GetFractionalPointSize() * scale);
  heading->SetFont(font);
  return heading;
}

wxListView* makeReportList(wxWindow* parent,
                           std::initializer_list<std::pair<wxString, int>> columns,
                           long extra_style) {
  auto* list = new wxListView(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                              wxLC_REPORT | wxLC_SINGLE_SEL | extra_style);
  for (const auto& [title, width] : columns)
    list->AppendColumn(title, wxLIST_FORMAT_LEFT, parent->FromDIP(width));
  fitColumnsToTitles(*list);
  return list;
}

void fitColumnsToTitles(wxListView& list) {
  for (int i = 0; i < list.GetColumnCount(); ++i) {
    wxListItem column;
    column.SetMask(wxLIST_MASK_TEXT | wxLIST_MASK_WIDTH);
    list.GetColumn(i, column);
    const int needed = list.GetTextExtent(column.GetText()).x + list.FromDIP(22);
    if (column.GetWidth() < needed) list.SetColumnWidth(i, needed);
  }
}

wxString wrapToWidth(const wxDC& dc, const wxString& text, int width) {
  wxString wrapped;
  wxString line;
  for (const wxString& word : wxSplit(text, ' ', '\0')) {
    if (word.empty()) continue;
    const wxString longer = line.empty() ? word : line + ' ' + word;
    if (!line.empty() && dc.GetTextExtent(longer).x > width) {
      wrapped += (wrapped.empty() ? "" : "\n") + line;
      line = word;
    } else {
      line = longer;
    }
  }
  if (!line.empty()) wrapped += (wrapped.empty() ? "" : "\n") + line;
  return wrapped;
}

wxString readOnlyHelp(const std::string& held_by) {
  return wxString::Format(
      _("Reassigned to %s on the agency server: this family is read-only on this computer"),
      wx(held_by));
}

void allowChanges(std::initializer_list<wxButton*> commands,
                  const std::optional<wxString>& refused_because) {
  for (wxButton* command : commands) {
    command->Enable(!refused_because);
    command->SetToolTip(refused_because.value_or(wxString()));
  }
}

}  // namespace securebase::app
