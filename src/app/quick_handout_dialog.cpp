#include "quick_handout_dialog.h"

#include <wx/choice.h>
#include <wx/settings.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include <array>
#include <optional>

#include "pdf_output.h"
#include "problem_text.h"
#include "securebase/core/error.h"
#include "securebase/handout/builder.h"
#include "securebase/handout/content.h"
#include "securebase/handout/personal_inputs.h"
#include "securebase/pdf/text_check.h"
#include "securebase/store/settings.h"

namespace securebase::app {
namespace {

// The age choices in order, each as a whole number of months inside its band (content.h's
// ageBandFor); the first, "any age", prints the general version.
constexpr std::array<std::optional<int>, 5> kAgeChoiceMonths{std::nullopt, 0, 4, 7, 13};

}  // namespace

QuickHandoutDefaults quickHandoutDefaults(store::Store& store) {
  QuickHandoutDefaults defaults;
  defaults.language = handout::defaultLanguage(store);
  defaults.paper = handout::paperFromSettings(store);
  defaults.file_names = handout::familyNamesSetting(store);
  try {
    defaults.clinic = handout::clinicFromSettings(store);
  } catch (const Error& e) {
    defaults.clinic_problem = causePart(e);
    defaults.clinic.name = store.setting(store::setting::clinic_name).value_or("");
  }
  return defaults;
}

QuickHandoutDialog::QuickHandoutDialog(wxWindow* parent, QuickHandoutDefaults defaults)
    : StandardDialog(parent, _("Quick Handout")), defaults_(std::move(defaults)) {
  language_ = new wxChoice(this, wxID_ANY);
  language_->Append(_("English"));
  language_->Append(_("Spanish (Español)"));
  language_->SetSelection(defaults_.language == model::Language::es ? 1 : 0);
  addRow(_("Language:"), language_);
  child_name_ = new wxTextCtrl(this, wxID_ANY);
  child_name_->SetHint(_("Optional, e.g. Lucía"));
  addRow(_("Baby's first name:"), child_name_);
  // "Not said" first: the texts then need no agreement; ↓ picks girl or boy.
  sex_ = new wxChoice(this, wxID_ANY);
  sex_->Append(_("Not said"));
  sex_->Append(_("Girl"));
  sex_->Append(_("Boy"));
  sex_->SetSelection(0);
  addRow(_("Baby's sex:"), sex_);
  age_ = new wxChoice(this, wxID_ANY);
  age_->Append(_("Any age (general advice)"));
  age_->Append(_("Newborn to 3 months"));
  age_->Append(_("4 to 6 months"));
  age_->Append(_("7 to 12 months"));
  age_->Append(_("13 to 24 months"));
  age_->SetSelection(0);
  addRow(_("Baby's age:"), age_);
  copies_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                           wxSP_ARROW_KEYS, 1, 100, 1);
  addRow(_("Copies:"), copies_);

  const std::string& clinic = defaults_.clinic.name;
  auto* note = new wxStaticText(
      this, wxID_ANY,
      clinic.empty()
          ? _("No clinic name yet: add it in Preferences to print it on the page.")
          : wxString::Format(_("Printed with the details of %s (Preferences)."), fromUtf8(clinic)));
  note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  addWide(note);
  finishLayout();
  setOkLabel(_("&Save PDF…"));
}

wxString QuickHandoutDialog::suggestedFileName() const {
  return fromUtf8(handout::generalHandoutFileName(
      language_->GetSelection() == 1 ? model::Language::es : model::Language::en,
      toUtf8(child_name_->GetValue()), model::Date::today(), defaults_.file_names));
}

void QuickHandoutDialog::apply() {
  handout::GenericInputs inputs;
  inputs.basics.language =
      language_->GetSelection() == 1 ? model::Language::es : model::Language::en;
  if (!defaults_.clinic_problem.wording.empty()) throwBadInput(defaults_.clinic_problem);
  inputs.basics.paper = defaults_.paper;
  inputs.basics.clinic = defaults_.clinic;
  inputs.basics.printed_on = model::Date::today();
  const std::string child = toUtf8(child_name_->GetValue().Strip(wxString::both));
  if (!child.empty()) inputs.child_name = pdf::printableText(child, "The baby's first name");
  constexpr std::array<model::Sex, 3> kSexChoices{model::Sex::unknown, model::Sex::female,
                                                  model::Sex::male};
  inputs.sex = kSexChoices.at(static_cast<std::size_t>(sex_->GetSelection()));
  inputs.age_months = kAgeChoiceMonths.at(static_cast<std::size_t>(age_->GetSelection()));
  const auto content = handout::loadHandoutContent("infant-attachment", inputs.basics.language);
  bytes_ =
      handout::renderHandout(handout::buildGenericHandout(content, inputs), copies_->GetValue())
          .bytes;
}

std::optional<std::filesystem::path> quickHandout(wxWindow* parent,
                                                  const QuickHandoutDefaults& defaults) {
  QuickHandoutDialog dialog(parent, defaults);
  if (dialog.ShowModal() != wxID_OK) return std::nullopt;
  return savePdf(parent, dialog.pdfBytes(), dialog.suggestedFileName(), _("Handout"));
}

}  // namespace securebase::app
