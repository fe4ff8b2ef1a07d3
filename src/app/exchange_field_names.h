// The fields of an exchanged record, named in the interface's language: the import conflict list
// says "differs in name, phone", not the file's own keys ("display_name, phone").
#pragma once

#include <wx/string.h>

#include <string>

namespace securebase::app {

// The label of an export file's field key; a key the program does not know is shown as it is.
wxString exchangeFieldName(const std::string& key);

}  // namespace securebase::app
