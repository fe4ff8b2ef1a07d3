#include "demo_offer.h"

#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/translation.h>

#include "problem_text.h"
#include "securebase/demo/demo.h"
#include "session.h"

namespace securebase::app {

bool offerDemoFamilies(wxWindow* parent, Session& session) {
  const forms::Form* form = session.formForNewVisits();
  if (form == nullptr) return false;
  wxMessageDialog ask(parent,
                      _("This database has no families yet.\n\nAdd 20 sample families with "
                        "visits, goals and referrals, to try SecureBase? You can close them "
                        "later."),
                      _("Welcome to SecureBase"), wxYES_NO | wxICON_QUESTION);
  ask.SetYesNoLabels(_("&Add sample families"), _("&Start empty"));
  if (ask.ShowModal() != wxID_YES) return false;
  wxProgressDialog progress(_("Adding sample families"), _("Writing families and visits…"), 20,
                            parent, wxPD_APP_MODAL | wxPD_AUTO_HIDE);
  try {
    demo::DemoOptions options;
    options.families = 20;
    demo::generateDemo(session.store(), *form, options, [&](int done, int) {
      progress.Update(done);
      return true;
    });
  } catch (const std::exception& e) {
    showProblemBox(parent, e);
    return false;
  }
  return true;
}

}  // namespace securebase::app
