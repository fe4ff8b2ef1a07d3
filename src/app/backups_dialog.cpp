#include "backups_dialog.h"

#include <wx/button.h>
#include <wx/filename.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include "list_rows_spoken.h"
#include "pdf_output.h"
#include "problem_text.h"
#include "ui_helpers.h"
#include "visit_dialogs.h"

namespace securebase::app {

BackupsDialog::BackupsDialog(wxWindow* parent, const std::filesystem::path& database_file,
                             const std::filesystem::path& folder, Actions actions)
    : StandardDialog(parent, _("Backups")),
      database_file_(database_file),
      folder_(folder),
      actions_(std::move(actions)) {
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      wxString::Format(_("Backups of %s go to the folder below. Each is encrypted like the "
                         "database and checked before it counts."),
                       pathText(database_file_.filename())));
  intro->Wrap(FromDIP(520));
  addIntro(intro);
  // A folder's path has no spaces to wrap at: on a line of its own, shortened in the middle
  // when it must be, and whole in its tooltip.
  auto* folder_line = new wxStaticText(this, wxID_ANY, pathText(folder_), wxDefaultPosition,
                                       wxDefaultSize, wxST_ELLIPSIZE_MIDDLE);
  folder_line->SetToolTip(pathText(folder_));
  addWide(folder_line);
  list_ = makeReportList(this, {{_("Taken (UTC)"), 200}, {_("Size"), 110}}, wxLC_SINGLE_SEL);
  list_->SetMinSize(FromDIP(wxSize(360, 200)));
  speakCurrentRow(*list_, _("Backups"));
  addWide(list_, 1);
  empty_ = new wxStaticText(this, wxID_ANY, _("There is no backup of this database yet."));
  addWide(empty_);

  auto* panel = new wxPanel(this);
  back_up_ = new wxButton(panel, wxID_ANY, _("Back Up &Now"));
  restore_ = new wxButton(panel, wxID_ANY, _("&Restore…"));
  open_folder_ = new wxButton(panel, wxID_ANY, _("Open &Folder"));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(back_up_);
  buttons->AddSpacer(FromDIP(8));
  buttons->Add(restore_);
  buttons->AddStretchSpacer();
  buttons->Add(open_folder_);
  panel->SetSizer(buttons);
  addWide(panel);

  back_up_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (actions_.back_up())
      fill();
    else
      showProblem(_("No backup was written: the message at the top of the main window says why."));
  });
  restore_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { restoreChosen(); });
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { restoreChosen(); });
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { restore_->Enable(); });
  list_->Bind(wxEVT_LIST_ITEM_DESELECTED,
              [this](wxListEvent&) { restore_->Enable(list_->GetFirstSelected() >= 0); });
  open_folder_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    std::error_code ignored;
    std::filesystem::create_directories(folder_, ignored);  // made by the first backup otherwise
    if (!openInViewer(folder_))
      wxMessageBox(wxString::Format(_("No file manager could be started. The backups are in %s"),
                                    pathText(folder_)),
                   _("Backups"), wxOK | wxICON_INFORMATION, this);
  });

  fill();
  finishLayout(wxCLOSE);
  SetEscapeId(wxID_CLOSE);
  setInitialFocus(list_);
}

void BackupsDialog::fill() {
  try {
    backups_ = actions_.list();
  } catch (const std::exception& e) {
    backups_.clear();
    showProblem(problemText(e));
  }
  list_->DeleteAllItems();
  for (const auto& backup : backups_) {
    const long row = list_->InsertItem(list_->GetItemCount(), wx(backup.taken));
    list_->SetItem(row, 1, wxFileName::GetHumanReadableSize(wxULongLong(backup.bytes)));
  }
  if (!backups_.empty()) {
    list_->Select(0);
    list_->Focus(0);
  }
  empty_->Show(backups_.empty());
  restore_->Enable(!backups_.empty());
  Layout();
}

void BackupsDialog::restoreChosen() {
  const long row = list_->GetFirstSelected();
  if (row < 0 || static_cast<std::size_t>(row) >= backups_.size()) return;
  const store::BackupInfo chosen = backups_[static_cast<std::size_t>(row)];
  ConfirmDialog confirm(
      this, _("Restore backup"),
      wxString::Format(_("Replace the database %s with the backup of %s UTC?\n\nChanges made "
                         "since then are not in it. The current file is set aside beside it, "
                         "not deleted."),
                       pathText(database_file_.filename()), wx(chosen.taken)),
      _("&Restore"), _("&Keep the Current File"));
  if (confirm.ShowModal() != wxID_OK) return;
  if (actions_.restore(chosen)) {
    EndModal(wxID_OK);
    return;
  }
  fill();
}

}  // namespace securebase::app
