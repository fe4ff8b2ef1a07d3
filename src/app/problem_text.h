// How the program tells the user that something was refused: the core's one-line message,
// starting with a capital letter, in a message box or a dialog's problem line.
#pragma once

#include <wx/string.h>

#include <exception>

class wxWindow;

namespace securebase::app {

wxString problemText(const std::exception& error);
void showProblemBox(wxWindow* parent, const std::exception& error);

}  // namespace securebase::app
