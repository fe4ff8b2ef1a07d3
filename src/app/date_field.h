// A date typed as YYYY-MM-DD (the way the window writes every date) with a calendar button
// beside it. The button — or Alt+↓ in the text — opens a month calendar on the date typed (today
// when none is); the day picked there (double-click, Return or OK) is written into the text. The
// text stays the value: a dialog reads and checks it as before, and typing is always allowed.
#pragma once

#include <wx/calctrl.h>  // wxCalendarCtrl is a macro on GTK: no forward declaration
#include <wx/dialog.h>
#include <wx/panel.h>

#include <optional>

#include "securebase/model/date.h"

class wxButton;
class wxTextCtrl;

namespace securebase::app {

// The month calendar the button opens: OK (or Return, or a double-click on a day) picks.
class CalendarDialog : public wxDialog {
 public:
  CalendarDialog(wxWindow* parent, model::Date shown);
  model::Date picked() const;
  wxCalendarCtrl& calendar() { return *calendar_; }

 private:
  wxCalendarCtrl* calendar_ = nullptr;
};

class DateField : public wxPanel {
 public:
  DateField(wxWindow* parent, std::optional<model::Date> date);

  wxTextCtrl& text() { return *text_; }
  wxButton& calendarButton() { return *button_; }
  // Shows the calendar and writes the day picked into the text; false when cancelled.
  bool pickOnCalendar();

 private:
  wxTextCtrl* text_ = nullptr;
  wxButton* button_ = nullptr;
};

}  // namespace securebase::app
