// How the program tells the user that something was refused: the core's one-line message in
// the interface's language (a core Error made with errorText() is looked up by its wording and
// its names, dates and numbers filled in), starting with a capital letter, in a message box or
// a dialog's problem line.
#pragma once

#include <wx/string.h>

#include <exception>
#include <filesystem>
#include <string>

#include "securebase/core/error.h"

class wxWindow;

namespace securebase::app {

wxString problemText(const std::exception& error);
// A core sentence (errorText) in the interface's language, as it is (no capital, no full stop).
wxString translatedText(const ErrorText& text);

void showProblemBox(wxWindow* parent, const std::exception& error);

// `message` with the full path of `file`, and any other absolute path, replaced by the file
// name: for a narrow place, or a window that already shows where the file is.
std::string withFileName(std::string message, const std::filesystem::path& file);
// The same for the parts of a core message that are shown as they are (paths among them).
ErrorText withFileName(ErrorText message, const std::filesystem::path& file);

}  // namespace securebase::app
