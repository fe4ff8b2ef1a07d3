// A date typed as YYYY-MM-DD (the way the window writes every date) with a calendar button
// beside it: picking a day writes it into the text, and a date typed moves the calendar. The
// text stays the value: a dialog reads and checks it as before.
#pragma once

#include <wx/panel.h>

#include <optional>

#include "securebase/model/date.h"

class wxTextCtrl;
class wxDatePickerCtrl;

namespace securebase::app {

class DateField : public wxPanel {
 public:
  DateField(wxWindow* parent, std::optional<model::Date> date);

  wxTextCtrl& text() { return *text_; }
  wxDatePickerCtrl& calendar() { return *calendar_; }

 private:
  wxTextCtrl* text_ = nullptr;
  wxDatePickerCtrl* calendar_ = nullptr;
};

}  // namespace securebase::app
