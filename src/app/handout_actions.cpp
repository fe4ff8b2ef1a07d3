#include "handout_actions.h"

#include <wx/dirdlg.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#include "handout_dialog.h"
#include "pdf_output.h"
#include "problem_text.h"
#include "securebase/handout/batch.h"
#include "securebase/handout/builder.h"
#include "securebase/handout/file_names.h"
#include "session.h"

namespace securebase::app {
std::optional<std::filesystem::path> personalisedHandout(wxWindow* parent, Session& session,
                                                         model::Id visit_id) {
  std::string bytes;
  std::string name;
  try {
    HandoutDialog dialog(parent, session, visit_id);
    if (pdfSavedWithoutAsking()) {
      dialog.makeWithDefaults();
    } else if (dialog.ShowModal() != wxID_OK) {
      return std::nullopt;
    }
    bytes = dialog.pdfBytes();
    // Named by the family's number and the day, its name only if allowed (file_names.h).
    name = handout::documentFileName(
        "handout", session.store().family(session.store().visit(visit_id).family_id),
        model::Date::today(), handout::familyNamesSetting(session.store()));
  } catch (const std::exception& e) {
    showProblemBox(parent, e);
    return std::nullopt;
  }
  return savePdf(parent, bytes, wxString::FromUTF8(name), _("Handout"));
}

std::optional<std::filesystem::path> latestVisitHandout(wxWindow* parent, Session& session,
                                                        model::Id family_id) {
  std::optional<model::Id> latest;
  try {
    for (const auto& visit : session.store().loadFamily(family_id).visits)
      if (visit.isCurrent() && visit.outcome == model::VisitOutcome::completed)
        latest = visit.id;  // visits come oldest first
  } catch (const std::exception& e) {
    showProblemBox(parent, e);
    return std::nullopt;
  }
  if (!latest) {
    wxMessageBox(_("This family has no completed visit yet. Record a visit first, or use Quick "
                   "Handout for the general handout."),
                 _("Handout"), wxOK | wxICON_INFORMATION, parent);
    return std::nullopt;
  }
  return personalisedHandout(parent, session, *latest);
}

void batchHandouts(wxWindow* parent, Session& session) {
  wxDirDialog where(parent, _("Folder for the handouts (one PDF per family)"),
                    wxStandardPaths::Get().GetDocumentsDir(), wxDD_DEFAULT_STYLE);
  if (where.ShowModal() != wxID_OK) return;
  const std::filesystem::path folder = where.GetPath().utf8_string();
  std::vector<model::Id> ids;
  try {
    store::FamilyFilter active;
    active.status = model::FamilyStatus::active;
    for (const auto& row : session.store().listFamilies(active)) ids.push_back(row.family.id);
  } catch (const std::exception& e) {
    showProblemBox(parent, e);
    return;
  }
  if (ids.empty()) return;
  wxProgressDialog progress(
      _("Handouts for every family"), _("Preparing…"), static_cast<int>(ids.size()), parent,
      wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_REMAINING_TIME | wxPD_AUTO_HIDE);
  handout::BatchResult result;
  try {
    result = handout::writeFamilyHandouts(
        session.store(), session.catalog(), ids, folder, {},
        [&progress](std::size_t done, std::size_t total) {
          return progress.Update(static_cast<int>(done) - 1,
                                 wxString::Format(_("Family %zu of %zu"), done, total));
        });
  } catch (const std::exception& e) {
    showProblemBox(parent, e);
    return;
  }
  progress.Hide();
  wxString summary = wxString::Format(
      wxPLURAL("%zu handout written to\n%s", "%zu handouts written to\n%s", result.written.size()),
      result.written.size(), wxString::FromUTF8(folder.string()));
  if (!result.skipped.empty())
    summary += "\n\n" + wxString::Format(wxPLURAL("%zu family had no visit to personalise from.",
                                                  "%zu families had no visit to personalise from.",
                                                  result.skipped.size()),
                                         result.skipped.size());
  if (result.cancelled) summary += "\n\n" + _("Stopped before the end, as asked.");
  wxMessageBox(summary, _("Handouts for every family"), wxOK | wxICON_INFORMATION, parent);
}

}  // namespace securebase::app
