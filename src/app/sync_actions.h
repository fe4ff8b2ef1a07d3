// File › Sync Now: what `securebase-cli sync` does, through the same core call (sync/sync.h),
// against the server named by this computer's setting sync.server. The server's password is
// asked for only when libpq finds none (~/.pgpass) and is kept no longer than the connection
// takes. The result — what was sent and received, the conflicts left as they are here — is
// shown in one dialog; a server that cannot be reached is one line, and nothing changes here.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "securebase/server/connection.h"
#include "securebase/sync/sync.h"
#include "standard_dialog.h"

class wxTextCtrl;

namespace securebase::app {

class Session;

// Asks the login's password for `conninfo` and connects with it; a refused password is said on
// the dialog's problem line and can be typed again.
class ServerPasswordDialog : public StandardDialog {
 public:
  ServerPasswordDialog(wxWindow* parent, std::string conninfo);

  // The connection made with the typed password (after OK).
  std::unique_ptr<server::Connection> takeConnection() { return std::move(connection_); }
  wxTextCtrl& password() { return *password_; }

 private:
  void apply() override;

  std::string conninfo_;
  wxTextCtrl* password_ = nullptr;
  std::unique_ptr<server::Connection> connection_;
};

// What a sync did: the summary lines, then the conflicts, each on its own line.
class SyncResultDialog : public StandardDialog {
 public:
  SyncResultDialog(wxWindow* parent, const sync::SyncResult& result);

  wxTextCtrl& details() { return *details_; }

 private:
  void apply() override {}
  wxTextCtrl* details_ = nullptr;
};

// True when this computer names an agency server (Sync Now can run).
bool serverIsSet(Session& session);

// Connects to the server (asking its password when needed; nullptr when the counselor
// cancelled) and syncs. Throws securebase::Error — the server unreachable, the login refused —
// with nothing changed here.
std::optional<sync::SyncResult> syncWithServer(wxWindow* parent, Session& session);

// The menu item's help line: what it does, or (`server_missing`) where to name the server.
wxString syncNowHelp(bool server_missing);

// The menu command: sync, then say what happened (or the one-line problem).
void syncNow(wxWindow* parent, Session& session);

}  // namespace securebase::app
