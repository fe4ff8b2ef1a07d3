// Opening a database file from the window, asking for what the file needs: a new (missing or
// empty) file gets a passphrase chosen in NewPassphraseDialog and is created encrypted; an
// encrypted file asks for its passphrase until it opens or the counselor cancels; an older
// unencrypted file opens as it is (the main window then offers to encrypt it).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "session.h"

class wxWindow;

namespace securebase::app {

// nullptr when the counselor cancelled. `supplied` (from --passphrase-fd or --passphrase-file)
// is used instead of asking, and wiped; a wrong one then throws like any failure to open.
std::unique_ptr<Session> openSessionAsking(wxWindow* parent, const std::filesystem::path& file,
                                           std::string* supplied = nullptr);

}  // namespace securebase::app
