// The language of the window's own words (menus, dialogs, messages, form labels), chosen per
// computer: the system's language by default, or English or Spanish from Preferences, taking
// effect at the next start. Handouts and reports keep following the family's or the clinic's
// language; the CLI stays English.
#pragma once

#include <wx/string.h>

#include <filesystem>

#include "securebase/model/enums.h"

namespace securebase::app {

enum class InterfaceChoice { system, english, spanish };

// Stored in the per-computer window.ini (WindowConfig), key /Interface/Language.
InterfaceChoice storedInterfaceChoice();
void storeInterfaceChoice(InterfaceChoice choice);

// Loads the program's catalog and wx's own (stock buttons) for the stored choice. Call once,
// after wxApp::OnInit and before any window is made.
void setUpInterfaceLanguage();

// The language the interface ended up in: Spanish only when its catalog was found and chosen.
model::Language interfaceLanguage();

// Where securebase.mo is looked for: <lang>/LC_MESSAGES/securebase.mo under it.
std::filesystem::path catalogFolder();

}  // namespace securebase::app
