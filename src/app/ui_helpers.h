// Small building blocks every view uses, so headings and lists look the same everywhere.
#pragma once

#include <wx/string.h>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

class wxWindow;
class wxStaticText;
class wxListView;
class wxDC;
class wxButton;

namespace securebase::app {

inline wxString wx(const std::string& utf8) {
  return wxString::FromUTF8(utf8);
}

// A file's path as the window shows it (paths are UTF-8 on Debian).
inline wxString pathText(const std::filesystem::path& file) {
  return wxString::FromUTF8(file.string());
}

// A bold heading, `scale` times the normal font size.
wxStaticText* makeHeading(wxWindow* parent, const wxString& text, double scale = 1.0);

// Widens each column of a report list to at least its own title: titles are translated, and a
// Spanish one is often longer than the English width planned for it.
void fitColumnsToTitles(wxListView& list);

// A report list with the given (title, width in DIP) columns, none narrower than its title.
wxListView* makeReportList(wxWindow* parent,
                           std::initializer_list<std::pair<wxString, int>> columns,
                           long extra_style = 0);

// The help line of a command greyed because the family was reassigned to `held_by` on the
// agency server.
wxString readOnlyHelp(const std::string& held_by);

// The commands that change a family, on — or off, each saying `refused_because` as its tooltip
// (the family was reassigned away on the agency server).
void allowChanges(std::initializer_list<wxButton*> commands,
                  const std::optional<wxString>& refused_because);

// `text` broken into lines (at spaces) that each fit `width` pixels in `dc`'s font, for text a
// window draws itself (wxStaticText wraps on its own). A word wider than `width` keeps a line
// of its own.
wxString wrapToWidth(const wxDC& dc, const wxString& text, int width);

}  // namespace securebase::app
