#include "exchange_actions.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/display.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include <algorithm>

#include "exchange_field_names.h"
#include "list_columns.h"
#include "list_rows_spoken.h"
#include "problem_text.h"
#include "securebase/exchange/export.h"
#include "securebase/exchange/export_reader.h"
#include "securebase/pdf/render.h"
#include "session.h"
#include "ui_helpers.h"

namespace securebase::app {
namespace {

// A progress window that can be stopped, handed to the core as its Progress callback.
class StoppableProgress {
 public:
  StoppableProgress(wxWindow* parent, const wxString& title)
      : dialog_(title, _("Starting…"), 100, parent,
                wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_AUTO_HIDE) {}

  exchange::Progress callback() {
    return [this](std::size_t done, std::size_t total) {
      const wxString said = total > 0 ? wxString::Format(_("Family %zu of %zu"), done, total)
                                      : wxString::Format(_("%zu families read"), done);
      if (total == 0) return dialog_.Pulse(said);
      return dialog_.Update(static_cast<int>(done * 99 / total), said);
    };
  }
  void hide() { dialog_.Hide(); }

 private:
  wxProgressDialog dialog_;
};

// The kind of record in the interface's language (the core names it in English).
wxString recordTypeText(exchange::RecordType type) {
  switch (type) {
    case exchange::RecordType::setting:
      return _("setting");
    case exchange::RecordType::counselor:
      return _("counselor");
    case exchange::RecordType::form:
      return _("form");
    case exchange::RecordType::family:
      return _("family");
    case exchange::RecordType::caregiver:
      return _("caregiver");
    case exchange::RecordType::child:
      return _("child");
    case exchange::RecordType::visit:
      return _("visit");
    case exchange::RecordType::goal:
      return _("goal");
    case exchange::RecordType::referral:
      return _("referral");
  }
  return wxString::FromUTF8(std::string(exchange::toString(type)));
}

// Why the record is not imported, in the interface's language (the CLI prints
// Conflict::reasonText, in English). Differing fields are named as the window names them; ids
// are the file's own.
wxString conflictReasonText(const exchange::Conflict& conflict) {
  wxString names;
  for (const auto& name : conflict.names)
    names += (names.empty() ? "" : ", ") + exchangeFieldName(name);
  const wxString first = conflict.names.empty() ? wxString() : wx(conflict.names.front());
  const wxString second = conflict.names.size() < 2 ? wxString() : wx(conflict.names[1]);
  using Reason = exchange::ConflictReason;
  switch (conflict.reason) {
    case Reason::content_differs:
      return wxString::Format(_("Same record with other content: differs in %s"), names);
    case Reason::signed_visit_differs:
      return wxString::Format(
          _("Signed visit with other content: differs in %s (a signed visit is never changed)"),
          names);
    case Reason::other_family:
      return _("Belongs to another family in this database");
    case Reason::form_differs:
      return _("Another form under the same name and version");
    case Reason::uses_conflicting_form:
      return wxString::Format(_("Uses form %s, which differs"), first);
    case Reason::observes_conflicting_person:
      return wxString::Format(_("Observes %s, who differs"), first);
    case Reason::amends_conflicting_visit:
      return wxString::Format(_("Amends visit %s, which differs"), first);
    case Reason::refers_to_conflicting_visit:
      return wxString::Format(_("Refers to visit %s, which differs"), first);
    case Reason::amends_draft:
      return wxString::Format(_("Amends visit %s, a draft in this database"), first);
    case Reason::already_amended:
      return wxString::Format(_("Amends visit %s, which this database amends with visit %s"), first,
                              second);
  }
  return wx(conflict.reasonText());
}

}  // namespace

ExportDialog::ExportDialog(wxWindow* parent) : StandardDialog(parent, _("Export")) {
  auto* intro = new wxStaticText(this, wxID_ANY,
                                 _("Every family, visit, goal and referral of this database, for "
                                   "another SecureBase (JSON) or a spreadsheet (CSV). The file is "
                                   "not encrypted: keep it safe."));
  intro->Wrap(FromDIP(440));
  addIntro(intro);
  format_ = new wxChoice(this, wxID_ANY);
  format_->Append(_("JSON: one file, for import into SecureBase"));
  format_->Append(_("CSV: a folder with one file per table, for spreadsheets"));
  format_->SetSelection(0);
  addRow(_("Format:"), format_);
  deidentify_ = new wxCheckBox(this, wxID_ANY,
                               _("&De-identified (no names, contacts or notes; "
                                 "dates shifted)"));
  addRow(wxEmptyString, deidentify_);
  seed_ = new wxTextCtrl(this, wxID_ANY);
  seed_->SetHint(_("Optional: the same secret gives the same pseudonyms"));
  seed_->Enable(false);
  addRow(_("Secret:"), seed_);
  deidentify_->Bind(wxEVT_CHECKBOX,
                    [this](wxCommandEvent&) { seed_->Enable(deidentify_->GetValue()); });
  finishLayout();
  setOkLabel(_("&Export…"));
}

bool ExportDialog::csv() const {
  return format_->GetSelection() == 1;
}
bool ExportDialog::deidentify() const {
  return deidentify_->GetValue();
}
std::string ExportDialog::seed() const {
  return deidentify() ? toUtf8(seed_->GetValue().Strip(wxString::both)) : std::string();
}

void ExportDialog::apply() {}

ImportConflictsDialog::ImportConflictsDialog(wxWindow* parent,
                                             const std::vector<exchange::Conflict>& conflicts)
    : StandardDialog(parent, _("Import: records that differ")) {
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      wxString::Format(wxPLURAL("%zu record of the file differs from the one in this database. "
                                "This database keeps its own; nothing has been imported yet.",
                                "%zu records of the file differ from the ones in this database. "
                                "This database keeps its own; nothing has been imported yet.",
                                conflicts.size()),
                       conflicts.size()));
  intro->Wrap(FromDIP(560));
  addIntro(intro);
  list_ = makeReportList(this, {{_("Record"), 90}, {_("Which"), 260}, {_("Why"), 300}});
  speakCurrentRow(*list_, _("Import: records that differ"));
  for (const auto& conflict : conflicts) {
    const long row = list_->InsertItem(list_->GetItemCount(), recordTypeText(conflict.type));
    list_->SetItem(row, 1, wx(conflict.key));
    list_->SetItem(row, 2, conflictReasonText(conflict));
  }
  // Ids whole, the reasons in the rest (as wide as the screen allows; a cut one shows whole
  // as a tooltip).
  int wanted = 0;
  for (int column = 0; column < list_->GetColumnCount(); ++column)
    wanted += columnContentWidth(*list_, column);
  const int screen = wxDisplay(this).GetClientArea().width - FromDIP(80);
  list_->SetMinSize(
      wxSize(std::clamp(wanted + FromDIP(24), FromDIP(660), std::max(screen, FromDIP(660))),
             FromDIP(220)));
  addWide(list_, 1);
  fitColumns(*list_, 2);
  keepStretching(*list_, 2);
  showCutCellsAsTooltips(*list_);
  finishLayout();
  setOkLabel(_("&Import the Rest"));
}

bool exportTo(wxWindow* parent, Session& session, const std::filesystem::path& target, bool csv,
              const exchange::ExportOptions& options) {
  StoppableProgress progress(parent, _("Export"));
  exchange::ExportOptions with_progress = options;
  with_progress.progress = progress.callback();
  try {
    if (csv) {
      exchange::exportCsvFolder(session.store(), with_progress, target);
    } else {
      pdf::writeFileAtomically(target, [&](const pdf::ByteSink& sink) {
        exchange::exportJson(session.store(), with_progress, sink);
      });
    }
  } catch (const exchange::Cancelled&) {
    return false;
  }
  progress.hide();
  return true;
}

std::optional<std::vector<ErrorText>> importFrom(wxWindow* parent, Session& session,
                                                 const std::filesystem::path& file) {
  exchange::ExportReader reader = exchange::ExportReader::ofFile(file, file.string());
  {
    wxBusyCursor busy;
    reader.check();  // the whole file, before the database is touched
  }
  exchange::ImportOptions options;
  std::vector<exchange::Conflict> conflicts;
  for (;;) {
    StoppableProgress progress(parent, _("Import"));
    options.progress = progress.callback();
    try {
      const auto plan = exchange::importFile(
          session.store(), reader, options,
          [&](const exchange::ImportPlan& planned) { conflicts = planned.conflicts; });
      progress.hide();
      return exchange::summaryTexts(plan, options);
    } catch (const exchange::Cancelled&) {
      return std::nullopt;
    } catch (const Error&) {
      // Conflicts refuse the whole import (nothing written), as on the command line; the
      // counselor sees them and may import the rest, like --skip-conflicts.
      if (conflicts.empty() || options.skip_conflicts) throw;
    }
    progress.hide();
    ImportConflictsDialog ask(parent, conflicts);
    if (ask.ShowModal() != wxID_OK) return std::nullopt;
    options.skip_conflicts = true;
  }
}

void exportDatabase(wxWindow* parent, Session& session) {
  ExportDialog dialog(parent);
  if (dialog.ShowModal() != wxID_OK) return;
  std::filesystem::path target;
  const wxString documents = wxStandardPaths::Get().GetDocumentsDir();
  if (dialog.csv()) {
    wxDirDialog where(parent, _("Folder for the CSV files"), documents, wxDD_DEFAULT_STYLE);
    if (where.ShowModal() != wxID_OK) return;
    target = where.GetPath().utf8_string();
  } else {
    wxFileDialog where(parent, _("Export to"), documents,
                       dialog.deidentify() ? "securebase-deidentified.json" : "securebase.json",
                       _("JSON files (*.json)|*.json"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (where.ShowModal() != wxID_OK) return;
    target = where.GetPath().utf8_string();
  }
  exchange::ExportOptions options;
  options.deidentify = dialog.deidentify();
  options.seed = dialog.seed();
  try {
    if (!exportTo(parent, session, target, dialog.csv(), options)) {
      wxMessageBox(_("Export stopped. Nothing was written."), _("Export"),
                   wxOK | wxICON_INFORMATION, parent);
      return;
    }
  } catch (const std::exception& e) {
    showProblemBox(parent, e);
    return;
  }
  wxMessageBox(wxString::Format(_("Exported to %s"), pathText(target)), _("Export"),
               wxOK | wxICON_INFORMATION, parent);
}

void importDatabase(wxWindow* parent, Session& session) {
  wxFileDialog which(parent, _("Import an export file"), wxEmptyString, wxEmptyString,
                     _("JSON files (*.json)|*.json|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (which.ShowModal() != wxID_OK) return;
  std::optional<std::vector<ErrorText>> summary;
  try {
    summary = importFrom(parent, session, which.GetPath().utf8_string());
  } catch (const std::exception& e) {
    showProblemBox(parent, e);
    return;
  }
  if (!summary) {
    wxMessageBox(_("Import cancelled. The database is unchanged."), _("Import"),
                 wxOK | wxICON_INFORMATION, parent);
    return;
  }
  wxString text = _("Imported:");
  for (const auto& line : *summary) text += "\n" + translatedText(line);
  wxMessageBox(text, _("Import"), wxOK | wxICON_INFORMATION, parent);
}

}  // namespace securebase::app
