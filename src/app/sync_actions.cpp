#include "sync_actions.h"

#include <wx/busyinfo.h>
#include <wx/msgdlg.h>
#include <wx/textctrl.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include "passphrase_dialogs.h"
#include "problem_text.h"
#include "secret_field.h"
#include "securebase/core/error.h"
#include "securebase/store/settings.h"
#include "session.h"

namespace securebase::app {

ServerPasswordDialog::ServerPasswordDialog(wxWindow* parent, std::string conninfo)
    : StandardDialog(parent, _("Sync Now")), conninfo_(std::move(conninfo)) {
  addIntro(explanation(this, _("The agency server asks for your password. It is used for this "
                               "sync only and is not kept.")));
  addIntro(explanation(this, fromUtf8(conninfo_)));
  password_ = passwordField(this);
  addRow(_("Server password:"), password_);
  finishLayout();
  setOkLabel(_("&Sync"));
  setInitialFocus(password_);
}

void ServerPasswordDialog::apply() {
  SecretText typed = secretTextOf(password_);
  password_->ChangeValue(wxEmptyString);
  password_->SetFocus();
  if (typed.text.empty()) throwBadInput(wxTRANSLATE("type your password for the agency server"));
  wxBusyCursor busy;
  connection_ = std::make_unique<server::Connection>(conninfo_, typed.text);
}

SyncResultDialog::SyncResultDialog(wxWindow* parent, const sync::SyncResult& result)
    : StandardDialog(parent, _("Sync Now")) {
  wxString text;
  for (const auto& line : sync::summaryTexts(result)) text += translatedText(line) + "\n";
  const auto& conflicts = result.pull.plan.conflicts;
  if (!conflicts.empty()) {
    text += "\n" +
            wxString::Format(wxPLURAL("%d record differs here and on the server; it is "
                                      "kept as it is here:",
                                      "%d records differ here and on the server; they are "
                                      "kept as they are here:",
                                      static_cast<int>(conflicts.size())),
                             static_cast<int>(conflicts.size())) +
            "\n";
    for (const auto& conflict : conflicts) text += wxString::FromUTF8(conflict.describe()) + "\n";
  }
  text.Trim();
  addIntro(explanation(this, conflicts.empty() ? _("Synced with the agency server.")
                                               : _("Synced with the agency server, with "
                                                   "conflicts for a supervisor to resolve.")));
  details_ = new wxTextCtrl(this, wxID_ANY, text, wxDefaultPosition, FromDIP(wxSize(640, 220)),
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
  addWide(details_, 1);
  finishLayout(wxOK);
}

bool serverIsSet(Session& session) {
  return !store::settingValue(session.store(), store::setting::sync_server).empty();
}

std::optional<sync::SyncResult> syncWithServer(wxWindow* parent, Session& session) {
  const std::string conninfo = store::settingValue(session.store(), store::setting::sync_server);
  std::unique_ptr<server::Connection> connection;
  try {
    wxBusyCursor busy;
    connection = std::make_unique<server::Connection>(conninfo);  // ~/.pgpass, if any
  } catch (const std::exception& e) {
    if (!server::isPasswordMissing(e)) throw;
    ServerPasswordDialog ask(parent, conninfo);
    if (ask.ShowModal() != wxID_OK) return std::nullopt;
    connection = ask.takeConnection();
  }
  // The core's sync reports no progress: a window says what is happening while it runs.
  wxBusyCursor busy;
  wxBusyInfo working(
      wxBusyInfoFlags()
          .Parent(parent)
          .Title(_("Sync Now"))
          .Text(_(
              "Sending this computer's work to the agency server and bringing back what is new…")));
  return sync::sync(session.store(), *connection);
}

wxString syncNowHelp(bool server_missing) {
  if (server_missing)
    return _("Name the agency server in Preferences › This computer to sync with it");
  return _("Send this computer's work to the agency server and bring back what is new");
}

void syncNow(wxWindow* parent, Session& session) {
  std::optional<sync::SyncResult> result;
  try {
    result = syncWithServer(parent, session);
  } catch (const std::exception& e) {
    showProblemBox(parent, e);
    return;
  }
  if (!result) return;
  SyncResultDialog dialog(parent, *result);
  dialog.ShowModal();
}

}  // namespace securebase::app
