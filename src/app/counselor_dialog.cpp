#include "counselor_dialog.h"

#include <wx/choice.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include "securebase/core/error.h"
#include "securebase/service/counselor.h"
#include "window_config.h"

namespace securebase::app {

CounselorDialog::CounselorDialog(wxWindow* parent, Session& session)
    : StandardDialog(parent, _("Who Is Working?")), session_(session) {
  auto* intro = new wxStaticText(this, wxID_ANY,
                                 _("Visits you sign and every change in the audit trail name the "
                                   "counselor chosen here. This computer remembers the choice; "
                                   "File › Switch Counselor… changes it."));
  intro->Wrap(FromDIP(420));
  addIntro(intro);
  choice_ = new wxChoice(this, wxID_ANY);
  for (const auto& counselor : session_.store().counselors())
    choice_->Append(fromUtf8(counselor.name));
  const int current = choice_->FindString(fromUtf8(session_.counselorName()));
  choice_->SetSelection(current != wxNOT_FOUND ? current : (choice_->IsEmpty() ? wxNOT_FOUND : 0));
  addRow(_("Counselor:"), choice_);
  new_name_ = new wxTextCtrl(this, wxID_ANY);
  new_name_->SetHint(_("Or type a new counselor's full name"));
  addRow(_("New counselor:"), new_name_);
  finishLayout();
}

void CounselorDialog::apply() {
  std::string name = toUtf8(new_name_->GetValue().Strip(wxString::both));
  if (!name.empty()) {
    if (!session_.store().findCounselorByName(name)) {
      model::Counselor counselor;
      counselor.name = name;
      session_.store().addCounselor(counselor);
    }
  } else if (choice_->GetSelection() != wxNOT_FOUND) {
    name = toUtf8(choice_->GetStringSelection());
  } else {
    throwBadInput(_("Choose a counselor or type a new one's name.").utf8_string());
  }
  session_.workAs(name);
  WindowConfig::instance().setCounselor(fromUtf8(name));
}

bool workAsRemembered(Session& session) {
  const std::string name = WindowConfig::instance().counselor().utf8_string();
  if (name.empty() || !session.store().findCounselorByName(name)) return false;
  session.workAs(name);
  return true;
}

bool chooseCounselor(wxWindow* parent, Session& session) {
  CounselorDialog dialog(parent, session);
  return dialog.ShowModal() == wxID_OK;
}

bool askWhoIsWorkingUnlessRemembered(wxWindow* parent, Session& session) {
  return workAsRemembered(session) || chooseCounselor(parent, session);
}

}  // namespace securebase::app
