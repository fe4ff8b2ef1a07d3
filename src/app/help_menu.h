// The Help menu: the user guide (HTML shipped in assets/help/<language>/, shown in the program
// with no network, or in the browser), the list of keyboard shortcuts, and About — version,
// licence, which database file is open, whether it is encrypted and where its backups go.
#pragma once

#include <wx/string.h>

#include <filesystem>

#include "securebase/model/enums.h"

class wxDialog;
class wxWindow;

namespace securebase::app {

class Session;

// The guide's file for `language` (English when that language has none).
std::filesystem::path userGuideFile(model::Language language);

// The guide in the interface's language, in a window of its own (non-modal, so it stays open
// beside the work); returns it.
wxWindow* showUserGuide(wxWindow* parent);
// The guide in the system's web browser; false when none could be started.
bool openUserGuideInBrowser();

// Every shortcut of the main window, the dialogs and the visit editor, as (keys, what) rows.
wxDialog* makeShortcutsDialog(wxWindow* parent);

// What About says: version, licence, and — when a database is open — its file, its encryption
// and the backup folder (`session` null while locked).
wxString aboutText(Session* session);
wxDialog* makeAboutDialog(wxWindow* parent, Session* session);

}  // namespace securebase::app
