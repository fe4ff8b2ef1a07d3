// What `securebase` does when there is no display to open a window on (a server, an SSH
// session, CI): it says so on stderr and, instead of failing, writes a sample generic handout
// and a progress report, printing their paths, so the first command of the README shows what
// the program makes. It uses the default database when that has families (read only), else a
// small demo database in a temporary folder. An encrypted database is opened only with the
// passphrase given by --passphrase-fd or --passphrase-file — nothing waits for one to be typed:
// without it only the generic handout is written, and one line says why.
// Wx-free: GTK is never initialised on this path.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

namespace securebase::app {

// DISPLAY or WAYLAND_DISPLAY set and not empty.
bool displayAvailable();

// The exit code: 0 when the documents were written, else 1 after a one-line message.
// `passphrase` (wiped here) opens an encrypted database.
int runWithoutDisplay(const std::optional<std::string>& database_option,
                      std::optional<std::string>& passphrase, std::ostream& out, std::ostream& err);

}  // namespace securebase::app
