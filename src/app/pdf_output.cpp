#include "pdf_output.h"

#include <wx/filedlg.h>
#include <wx/filefn.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include "print_dialog.h"
#include "problem_text.h"
#include "securebase/pdf/render.h"

namespace securebase::app {
namespace {

std::optional<std::filesystem::path>& folderWithoutAsking() {
  static std::optional<std::filesystem::path> folder;
  return folder;
}

wxString documentsFolder() {
  const wxString documents = wxStandardPaths::Get().GetDocumentsDir();
  return wxDirExists(documents) ? documents : wxGetHomeDir();
}

std::optional<std::filesystem::path> askWhere(wxWindow* parent, const wxString& suggested_name,
                                              const wxString& title) {
  wxFileDialog dialog(parent, wxString::Format(_("Save %s as PDF"), title.Lower()),
                      documentsFolder(), suggested_name, _("PDF documents (*.pdf)|*.pdf"),
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (dialog.ShowModal() != wxID_OK) return std::nullopt;
  wxString path = dialog.GetPath();
  if (!path.Lower().EndsWith(".pdf")) path += ".pdf";
  return std::filesystem::path(path.utf8_string());
}

void offerOpenOrPrint(wxWindow* parent, const std::filesystem::path& file, const wxString& title) {
  wxMessageDialog done(
      parent, wxString::Format(_("%s saved as\n%s"), title, wxString::FromUTF8(file.string())),
      title, wxYES_NO | wxCANCEL | wxICON_INFORMATION);
  done.SetYesNoCancelLabels(_("&Open"), _("&Print"), _("&Close"));
  switch (done.ShowModal()) {
    case wxID_YES:
      if (!openInViewer(file))
        wxMessageBox(_("No PDF viewer could be started: xdg-open (Debian package xdg-utils) is "
                       "not installed. Open the file from its folder instead."),
                     title, wxOK | wxICON_WARNING, parent);
      break;
    case wxID_NO:
      printPdf(parent, file);
      break;
    default:
      break;
  }
}

}  // namespace

bool pdfSavedWithoutAsking() {
  return folderWithoutAsking().has_value();
}

void setPdfFolderWithoutAsking(std::optional<std::filesystem::path> folder) {
  folderWithoutAsking() = std::move(folder);
}

std::optional<std::filesystem::path> savePdf(wxWindow* parent, std::string_view bytes,
                                             const wxString& suggested_name,
                                             const wxString& title) {
  const auto& fixed = folderWithoutAsking();
  const auto file = fixed ? std::optional(*fixed / suggested_name.utf8_string())
                          : askWhere(parent, suggested_name, title);
  if (!file) return std::nullopt;
  try {
    pdf::writeFileAtomically(*file, bytes);
  } catch (const std::exception& e) {
    showProblemBox(parent, e);
    return std::nullopt;
  }
  if (!fixed) offerOpenOrPrint(parent, *file, title);
  return file;
}

bool openInViewer(const std::filesystem::path& file) {
  // xdg-open (xdg-utils) hands the file to the desktop's PDF viewer, whatever it is.
  wxPathList path;
  path.AddEnvList("PATH");
  const wxString opener = path.FindAbsoluteValidPath("xdg-open");
  if (opener.empty()) return false;
  const std::string program = opener.utf8_string();
  const std::string name = file.string();
  const char* argv[] = {program.c_str(), name.c_str(), nullptr};  // no shell: names may hold quotes
  return wxExecute(argv, wxEXEC_ASYNC) > 0;
}

}  // namespace securebase::app
