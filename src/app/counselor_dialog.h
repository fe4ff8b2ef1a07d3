// "Who is working?": choose one of the database's counselors or add a new one. The choice is
// the session's counselor (Session::workAs) — who signs, amends and is named on audit rows —
// and is remembered on this computer (WindowConfig) for the next start or unlock.
#pragma once

#include <string>

#include "session.h"
#include "standard_dialog.h"

class wxChoice;
class wxTextCtrl;

namespace securebase::app {

class CounselorDialog : public StandardDialog {
 public:
  CounselorDialog(wxWindow* parent, Session& session);

  // The controls, for tests.
  wxChoice& choice() { return *choice_; }
  wxTextCtrl& newName() { return *new_name_; }

 private:
  void apply() override;

  Session& session_;
  wxChoice* choice_ = nullptr;
  wxTextCtrl* new_name_ = nullptr;
};

// Makes the counselor remembered on this computer the one at work; false when none is
// remembered or the remembered one is not a counselor record of this database.
bool workAsRemembered(Session& session);

// Asks who is working (CounselorDialog); false when cancelled.
bool chooseCounselor(wxWindow* parent, Session& session);

// After the passphrase (program start, File › Open, unlock): the remembered counselor goes on
// working; otherwise asks who is working. Cancelled, the personal setting stands in and signing
// asks again. True when someone was chosen or remembered.
bool askWhoIsWorkingUnlessRemembered(wxWindow* parent, Session& session);

}  // namespace securebase::app
