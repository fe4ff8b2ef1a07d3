#include "family_dialog.h"

#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include "securebase/store/settings.h"

namespace securebase::app {

FamilyDialog::FamilyDialog(wxWindow* parent, store::Store& store,
                           std::optional<model::Id> family_id)
    : StandardDialog(parent, family_id ? _("Edit family") : _("New family")), store_(store) {
  if (family_id) {
    family_ = store_.family(*family_id);
  } else if (auto language = store_.setting(store::setting::default_language)) {
    family_.language = model::parseLanguage(*language).value_or(model::Language::en);
  }
  name_ = new wxTextCtrl(this, wxID_ANY, fromUtf8(family_.display_name));
  name_->SetHint(_("e.g. García family"));
  language_ = new wxChoice(this, wxID_ANY);
  language_->Append(_("English"));
  language_->Append(_("Spanish"));
  language_->SetSelection(family_.language == model::Language::es ? 1 : 0);
  frequency_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                              wxSP_ARROW_KEYS, 1, 365, family_.visit_frequency_days);
  counselor_ = new wxComboBox(this, wxID_ANY);
  for (const auto& c : store_.counselors()) {
    counselor_->Append(fromUtf8(c.name));
    if (family_.counselor_id == c.id) counselor_->SetValue(fromUtf8(c.name));
  }
  if (!family_id)
    counselor_->SetValue(fromUtf8(store_.setting(store::setting::counselor_name).value_or("")));
  address_ = new wxTextCtrl(this, wxID_ANY, fromUtf8(family_.address));
  phone_ = new wxTextCtrl(this, wxID_ANY, fromUtf8(family_.phone));

  addRow(_("Family name:"), name_);
  addRow(_("Handout language:"), language_);
  addRow(_("Visit every (days):"), frequency_);
  addRow(_("Counselor:"), counselor_);
  addRow(_("Address:"), address_);
  addRow(_("Phone:"), phone_);
  finishLayout();
  name_->SetFocus();
}

void FamilyDialog::apply() {
  model::Family family = family_;
  family.display_name = toUtf8(name_->GetValue().Strip(wxString::both));
  family.language = language_->GetSelection() == 1 ? model::Language::es : model::Language::en;
  family.visit_frequency_days = frequency_->GetValue();
  family.address = toUtf8(address_->GetValue().Strip(wxString::both));
  family.phone = toUtf8(phone_->GetValue().Strip(wxString::both));
  const std::string counselor = toUtf8(counselor_->GetValue().Strip(wxString::both));
  store_.database().transaction([&] {
    family.counselor_id.reset();
    if (!counselor.empty()) {
      if (auto found = store_.findCounselorByName(counselor)) {
        family.counselor_id = found->id;
      } else {
        model::Counselor added;
        added.name = counselor;
        family.counselor_id = store_.addCounselor(added);
      }
    }
    if (family.id == 0) {
      family.id = store_.addFamily(family);
    } else {
      store_.updateFamily(family);
    }
  });
  family_ = family;
}

}  // namespace securebase::app
