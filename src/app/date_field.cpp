#include "date_field.h"

#include <wx/datectrl.h>
#include <wx/dateevt.h>
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

DateField::DateField(wxWindow* parent, std::optional<model::Date> date) : wxPanel(parent) {
  text_ = new wxTextCtrl(this, wxID_ANY, date ? wxString::FromUTF8(date->iso()) : wxString());
  text_->SetHint(_("YYYY-MM-DD"));
  calendar_ =
      new wxDatePickerCtrl(this, wxID_ANY, date ? toWx(*date) : wxDateTime::Today(),
                           wxDefaultPosition, wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
  calendar_->SetToolTip(_("Pick the date on a calendar"));
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(text_, wxSizerFlags(1).CenterVertical());
  row->AddSpacer(FromDIP(6));
  row->Add(calendar_, wxSizerFlags().CenterVertical());
  SetSizer(row);
  calendar_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent& event) {
    if (event.GetDate().IsValid())
      text_->ChangeValue(wxString::FromUTF8(fromWx(event.GetDate()).iso()));
  });
  text_->Bind(wxEVT_TEXT, [this](wxCommandEvent& event) {
    event.Skip();
    if (const auto typed =
            model::Date::parse(text_->GetValue().Strip(wxString::both).utf8_string()))
      calendar_->SetValue(toWx(*typed));
  });
}

}  // namespace securebase::app
