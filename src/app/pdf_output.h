// What happens to every PDF the program makes (handouts, reports): the user picks where to save
// it (the documents folder and a meaningful name are proposed), it is written atomically, then
// "Open" shows it in the default viewer and "Print" sends it to the printer.
#pragma once

#include <wx/string.h>

#include <filesystem>
#include <optional>
#include <string_view>

class wxWindow;

namespace securebase::app {

// Saves `bytes`; nullopt when the user cancelled or the file could not be written (after
// saying why). `title` names the document in the dialogs ("Handout", "Progress report").
std::optional<std::filesystem::path> savePdf(wxWindow* parent, std::string_view bytes,
                                             const wxString& suggested_name, const wxString& title);

// Where savePdf writes without asking, and without offering Open/Print afterwards: for tests
// and scripted runs. nullopt (the default) asks.
void setPdfFolderWithoutAsking(std::optional<std::filesystem::path> folder);
// True while a folder is set above: nothing is asked then (a handout takes its defaults).
bool pdfSavedWithoutAsking();

// The default viewer, through xdg-open; false when none could be started.
bool openInViewer(const std::filesystem::path& file);
// Print is printPdf() in print_dialog.h (CUPS).

}  // namespace securebase::app
