#include "date_field.h"

#include <wx/button.h>
#include <wx/calctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

namespace securebase::app {
namespace {

wxDateTime toWx(model::Date date) {
  return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(date.day),
                    static_cast<wxDateTime::Month>(date.month - 1), date.year);
}

model::Date fromWx(const wxDateTime& date) {
  return {date.GetYear(), static_cast<int>(date.GetMonth()) + 1, date.GetDay()};
}

}  // namespace

CalendarDialog::CalendarDialog(wxWindow* parent, model::Date shown)
    : wxDialog(parent, wxID_ANY, _("Pick a date")) {
  calendar_ = new wxCalendarCtrl(this, wxID_ANY, toWx(shown), wxDefaultPosition, wxDefaultSize,
                                 wxCAL_SHOW_HOLIDAYS | wxCAL_SHOW_SURROUNDING_WEEKS);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(calendar_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
  sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL),
             wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
  SetSizerAndFit(sizer);
  calendar_->Bind(wxEVT_CALENDAR_DOUBLECLICKED, [this](wxCalendarEvent&) { EndModal(wxID_OK); });
  // Return picks the day under the cursor: the calendar itself would only move it.
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
    if ((event.GetKeyCode() == WXK_RETURN || event.GetKeyCode() == WXK_NUMPAD_ENTER) &&
        !event.HasAnyModifiers() && IsModal()) {
      EndModal(wxID_OK);
      return;
    }
    event.Skip();
  });
  CentreOnParent();
  calendar_->SetFocus();
}

model::Date CalendarDialog::picked() const {
  return fromWx(calendar_->GetDate());
}

DateField::DateField(wxWindow* parent, std::optional<model::Date> date) : wxPanel(parent) {
  text_ = new wxTextCtrl(this, wxID_ANY, date ? wxString::FromUTF8(date->iso()) : wxString());
  text_->SetHint(_("YYYY-MM-DD"));
  text_->SetToolTip(_("Type the date as YYYY-MM-DD, or press Alt+Down for a calendar"));
  button_ = new wxButton(this, wxID_ANY, _("Ca&lendar…"), wxDefaultPosition, wxDefaultSize,
                         wxBU_EXACTFIT);
  button_->SetToolTip(_("Pick the date on a calendar (Alt+Down)"));
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(text_, wxSizerFlags(1).CenterVertical());
  row->AddSpacer(FromDIP(6));
  row->Add(button_, wxSizerFlags().CenterVertical());
  SetSizer(row);
  button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { pickOnCalendar(); });
  text_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
    if ((event.GetKeyCode() == WXK_DOWN || event.GetKeyCode() == WXK_NUMPAD_DOWN) &&
        event.GetModifiers() == wxMOD_ALT) {
      pickOnCalendar();
      return;
    }
    event.Skip();
  });
}

bool DateField::pickOnCalendar() {
  const auto typed = model::Date::parse(text_->GetValue().Strip(wxString::both).utf8_string());
  CalendarDialog dialog(this, typed.value_or(model::Date::today()));
  const bool picked = dialog.ShowModal() == wxID_OK;
  if (picked) text_->SetValue(wxString::FromUTF8(dialog.picked().iso()));
  text_->SetFocus();
  return picked;
}

}  // namespace securebase::app
