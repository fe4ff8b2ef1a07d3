#include "person_dialogs.h"

#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include <array>

#include "date_field.h"
#include "securebase/core/error.h"

namespace securebase::app {
namespace {

constexpr std::array<model::Sex, 3> kSexChoices{model::Sex::unknown, model::Sex::female,
                                                model::Sex::male};

wxString sexChoiceLabel(model::Sex sex) {
  switch (sex) {
    case model::Sex::female:
      return _("Girl");
    case model::Sex::male:
      return _("Boy");
    case model::Sex::unknown:
      break;
  }
  return _("Not recorded");
}

}  // namespace

CaregiverDialog::CaregiverDialog(wxWindow* parent, store::Store& store, model::Id family_id,
                                 std::optional<model::Caregiver> existing)
    : StandardDialog(parent, existing ? _("Edit caregiver") : _("Add caregiver")),
      store_(store),
      family_id_(family_id),
      existing_(std::move(existing)) {
  name_ = new wxTextCtrl(this, wxID_ANY);
  relationship_ = new wxComboBox(this, wxID_ANY);
  for (const auto& word : {_("mother"), _("father"), _("grandmother"), _("grandfather"),
                           _("foster parent"), _("aunt"), _("uncle")})
    relationship_->Append(word);
  addRow(_("Name:"), name_);
  addRow(_("Relationship:"), relationship_);
  if (existing_) {
    name_->SetValue(wxString::FromUTF8(existing_->name));
    relationship_->SetValue(wxString::FromUTF8(existing_->relationship));
  }
  finishLayout();
  name_->SetFocus();
}

void CaregiverDialog::apply() {
  model::Caregiver caregiver;
  caregiver.family_id = family_id_;
  caregiver.name = toUtf8(name_->GetValue().Strip(wxString::both));
  caregiver.relationship = toUtf8(relationship_->GetValue().Strip(wxString::both));
  if (existing_) {
    caregiver.id = existing_->id;
    store_.updateCaregiver(caregiver);
    return;
  }
  store_.addCaregiver(caregiver);
}

ChildDialog::ChildDialog(wxWindow* parent, store::Store& store, model::Id family_id,
                         std::optional<model::Child> existing)
    : StandardDialog(parent, existing ? _("Edit child") : _("Add child")),
      store_(store),
      family_id_(family_id),
      existing_(std::move(existing)) {
  name_ = new wxTextCtrl(this, wxID_ANY);
  auto* born = new DateField(this, std::nullopt);
  born_ = &born->text();
  gestation_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                              wxSP_ARROW_KEYS, 22, 44, 40);
  // "Not recorded" first, as it is the default: ↓ then reaches girl and boy.
  sex_ = new wxChoice(this, wxID_ANY);
  for (const model::Sex sex : kSexChoices) sex_->Append(sexChoiceLabel(sex));
  sex_->SetSelection(0);
  addRow(_("Name:"), name_);
  addRow(_("Date of birth:"), born);
  addRow(_("Weeks of gestation at birth:"), gestation_);
  addRow(_("Sex:"), sex_);
  if (existing_) {
    name_->SetValue(wxString::FromUTF8(existing_->name));
    born_->SetValue(wxString::FromUTF8(existing_->birth_date.iso()));
    gestation_->SetValue(existing_->gestation_weeks);
    for (std::size_t i = 0; i < kSexChoices.size(); ++i)
      if (kSexChoices[i] == existing_->sex) sex_->SetSelection(static_cast<int>(i));
  }
  finishLayout();
  name_->SetFocus();
}

void ChildDialog::apply() {
  model::Child child;
  child.family_id = family_id_;
  child.name = toUtf8(name_->GetValue().Strip(wxString::both));
  const auto born = model::Date::parse(toUtf8(born_->GetValue().Strip(wxString::both)));
  if (!born) throwBadInput(wxTRANSLATE("date of birth must be a date written as YYYY-MM-DD"));
  if (model::Date::today() < *born) throwBadInput(wxTRANSLATE("date of birth is in the future"));
  child.birth_date = *born;
  child.gestation_weeks = gestation_->GetValue();
  child.sex = kSexChoices.at(static_cast<std::size_t>(sex_->GetSelection()));
  if (existing_) {
    child.id = existing_->id;
    store_.updateChild(child);
    return;
  }
  store_.addChild(child);
}

}  // namespace securebase::app
