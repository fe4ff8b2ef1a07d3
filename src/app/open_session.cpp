#include "open_session.h"

#include <wx/log.h>
#include <wx/translation.h>

#include "passphrase_dialogs.h"
#include "problem_text.h"
#include "securebase/core/error.h"
#include "securebase/core/passphrase.h"
#include "securebase/core/secret_text.h"
#include "securebase/store/database.h"
#include "securebase/store/recovery.h"

namespace securebase::app {
namespace {

namespace fs = std::filesystem;

wxString fileName(const fs::path& file) {
  return wxString::FromUTF8(file.filename().string());
}

std::unique_ptr<Session> createAsking(wxWindow* parent, const fs::path& file) {
  std::unique_ptr<Session> session;
  NewPassphraseDialog::Texts texts;
  texts.title = _("Create a passphrase");
  texts.intro =
      _("SecureBase keeps the families' records encrypted with a passphrase you "
        "choose now, and asks for it each time it starts or unlocks. A short sentence "
        "of at least 8 characters is easy to remember and hard to guess. New "
        "database:");
  texts.ok_label = _("&Create");
  texts.file = file;
  NewPassphraseDialog dialog(parent, texts, [&](const std::string&, const std::string& chosen) {
    session = std::make_unique<Session>(file, chosen);
  });
  if (dialog.ShowModal() != wxID_OK) return nullptr;
  return session;
}

std::unique_ptr<Session> unlockAsking(wxWindow* parent, const fs::path& file) {
  std::unique_ptr<Session> session;
  PassphraseDialog dialog(
      parent, wxString::Format(_("Unlock %s"), fileName(file)),
      wxString::Format(_("%s is encrypted. Type its passphrase to open it."), fileName(file)), file,
      [&](const std::string& passphrase) {
        session = std::make_unique<Session>(file, passphrase);
      });
  if (dialog.ShowModal() != wxID_OK) return nullptr;
  return session;
}

}  // namespace

std::unique_ptr<Session> openSessionAsking(wxWindow* parent, const fs::path& file,
                                           std::string* supplied) {
  // A change a crash interrupted is finished or undone before anything opens the file.
  for (const auto& done : store::finishInterruptedChange(file))
    wxLogMessage("%s", translatedText(done));
  if (!fs::exists(file) && !store::remainsOf(file).empty())
    throwNotFound(errorText(
        "database {1} is missing, but files of it remain beside it; nothing was done: restore a "
        "backup, or move those files away before creating a new database",
        file.string()));

  const store::FileKind kind = store::inspectDatabaseFile(file);
  if (supplied != nullptr) {
    SecretText key(*supplied);
    wipe(*supplied);
    if (kind == store::FileKind::plain) return std::make_unique<Session>(file, std::string());
    if (kind != store::FileKind::encrypted) checkNewPassphrase(key.text);
    return std::make_unique<Session>(file, key.text);
  }
  switch (kind) {
    case store::FileKind::missing:
    case store::FileKind::empty:
      return createAsking(parent, file);
    case store::FileKind::encrypted:
      return unlockAsking(parent, file);
    case store::FileKind::plain:
      break;
  }
  return std::make_unique<Session>(file, std::string());
}

}  // namespace securebase::app
