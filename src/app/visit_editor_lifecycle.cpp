// What happens to the visit as a whole from its window: signing, discarding a draft, amending
// a signed visit, its handout, and telling the main window's views. Each asks before it acts
// where it cannot be taken back; visit_editor.cpp builds the window, visit_editor_answers.cpp
// writes its answers.
#include <wx/translation.h>

#include "counselor_dialog.h"
#include "handout_actions.h"
#include "main_frame.h"
#include "new_visit.h"
#include "problem_text.h"
#include "securebase/service/visits.h"
#include "session.h"
#include "visit_dialogs.h"
#include "visit_editor.h"

namespace securebase::app {

bool VisitEditor::sign(bool ask) {
  if (readOnly() || discarded_) return false;
  flushPending();
  try {
    visit_ = session_.store().visit(visit_.id);
    const auto missing = service::unansweredBeforeSigning(form_, visit_);
    if (ask) {
      // Always asked: signing cannot be taken back, and a stray Ctrl+Return must not sign.
      wxString message =
          _("Signing is final: a signed visit can no longer be edited, only "
            "amended.");
      if (!missing.empty())
        message = wxString::Format(wxPLURAL("%zu item is still unanswered.",
                                            "%zu items are still unanswered.", missing.size()),
                                   missing.size()) +
                  "\n\n" + message;
      ConfirmDialog box(this, _("Sign visit"), message,
                        missing.empty() ? _("&Sign") : _("&Sign Anyway"), _("&Keep Editing"));
      if (box.ShowModal() != wxID_OK) {
        setStatus(_("Not signed. The draft is kept."));
        return false;
      }
    }
    // Signed by the counselor at work: ask who that is when nobody is named yet.
    if (session_.counselorName().empty() && !chooseCounselor(this, session_)) return false;
    session_.store().signVisit(visit_.id);
    visit_ = session_.store().visit(visit_.id);
  } catch (const std::exception& e) {
    setStatus(problemText(e), true);
    return false;
  }
  applyReadOnly();
  setStatus(_("Signed. The visit is now read-only."));
  notifyMainWindow();
  return true;
}

bool VisitEditor::discardDraft(bool ask) {
  if (!canDiscard() || discarded_) return false;
  flushPending();
  if (ask) {
    ConfirmDialog box(
        this, _("Discard draft"),
        visit_.amends_visit_id
            ? _("Discard this amendment? Its changes are lost; the signed visit it corrects "
                "stays as it is.")
            : _("Discard this draft visit? Every answer and note in it is lost. The audit trail "
                "keeps a record that it was discarded, and by whom."),
        _("&Discard Draft"), _("&Keep Draft"));
    if (box.ShowModal() != wxID_OK) return false;
  }
  try {
    session_.store().discardVisit(visit_.id);
  } catch (const std::exception& e) {
    setStatus(problemText(e), true);
    return false;
  }
  discarded_ = true;
  notifyMainWindow();
  Close(true);
  return true;
}

std::optional<model::Id> VisitEditor::amend() {
  if (!canAmend()) return std::nullopt;
  try {
    if (session_.counselorName().empty() && !chooseCounselor(this, session_)) return std::nullopt;
    AmendReasonDialog dialog(this, session_.store(), visit_.id);
    if (dialog.ShowModal() != wxID_OK || !dialog.amendment()) return std::nullopt;
    const model::Id draft = *dialog.amendment();
    notifyMainWindow();
    openVisitEditor(GetParent(), session_, draft);
    Close();
    return draft;
  } catch (const std::exception& e) {
    setStatus(problemText(e), true);
    return std::nullopt;
  }
}

std::optional<std::filesystem::path> VisitEditor::handout() {
  if (discarded_) return std::nullopt;
  flushPending();  // the handout shows every answer given, the last note included
  return personalisedHandout(this, session_, visit_.id);
}

void VisitEditor::notifyMainWindow() {
  // Every view that shows this visit: the caseload's draft column, the family's overview,
  // visits and referrals.
  if (auto* frame = dynamic_cast<MainFrame*>(GetParent())) frame->refreshViews();
}

}  // namespace securebase::app
