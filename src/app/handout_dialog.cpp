#include "handout_dialog.h"

#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include "securebase/handout/builder.h"
#include "securebase/handout/content.h"
#include "securebase/handout/personal_inputs.h"
#include "session.h"

namespace securebase::app {

HandoutDialog::HandoutDialog(wxWindow* parent, Session& session, model::Id visit_id)
    : StandardDialog(parent, _("Handout")), session_(session), visit_id_(visit_id) {
  auto& store = session_.store();
  const model::Family family = store.family(store.visit(visit_id).family_id);
  language_ = new wxChoice(this, wxID_ANY);
  language_->Append(_("English"));
  language_->Append(_("Spanish (Español)"));
  language_->SetSelection(family.language == model::Language::es ? 1 : 0);
  addRow(_("Language:"), language_);
  paper_ = new wxChoice(this, wxID_ANY);
  paper_->Append(_("US Letter"));
  paper_->Append(_("A4"));
  paper_->SetSelection(handout::paperFromSettings(store) == pdf::PaperSize::a4 ? 1 : 0);
  addRow(_("Paper size:"), paper_);
  copies_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                           wxSP_ARROW_KEYS, 1, 100, 1);
  addRow(_("Copies:"), copies_);
  finishLayout();
  setOkLabel(_("&Save PDF…"));
}

void HandoutDialog::apply() {
  const auto language = language_->GetSelection() == 1 ? model::Language::es : model::Language::en;
  auto inputs =
      handout::personalInputsForVisit(session_.store(), session_.catalog(), visit_id_, language);
  inputs.basics.paper = paper_->GetSelection() == 1 ? pdf::PaperSize::a4 : pdf::PaperSize::letter;
  const auto content = handout::loadHandoutContent("infant-attachment", language);
  bytes_ = handout::renderHandout(handout::buildPersonalisedHandout(content, inputs),
                                  copies_->GetValue())
               .bytes;
}

}  // namespace securebase::app
