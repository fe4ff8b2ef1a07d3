#include "preferences_dialog.h"

#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include <charconv>

#include "idle_watch.h"
#include "interface_language.h"
#include "securebase/store/backup.h"
#include "ui_helpers.h"

namespace securebase::app {

namespace {

int storedNumber(const std::map<std::string, std::string>& settings, const std::string& key,
                 int fallback) {
  const auto it = settings.find(key);
  if (it == settings.end()) return fallback;
  int value = 0;
  const auto [end, problem] =
      std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
  return problem == std::errc{} && end == it->second.data() + it->second.size() ? value : fallback;
}

}  // namespace

int lockMinutes(store::Store& store) {
  std::map<std::string, std::string> one;
  if (auto value = store.setting("security.lock_minutes")) one["security.lock_minutes"] = *value;
  return storedNumber(one, "security.lock_minutes", kDefaultLockMinutes);
}

PreferencesDialog::PreferencesDialog(wxWindow* parent, store::Store& store,
                                     const std::filesystem::path& database_file)
    : StandardDialog(parent, _("Preferences")), store_(store), before_(store.settings()) {
  addText("clinic.name", _("Clinic name:"));
  addText("clinic.address", _("Clinic address:"));
  addText("clinic.phone", _("Clinic phone:"));
  addText("clinic.logo", _("Logo image file:"));
  addText("clinic.help_lines", _("Local help lines:"), true);
  addText("counselor.name", _("Your name:"));
  addText("counselor.email", _("Your email:"));
  addText("counselor.phone", _("Your phone:"));
  language_ = new wxChoice(this, wxID_ANY);
  language_->Append(_("English"));
  language_->Append(_("Spanish"));
  language_->SetSelection(before_["default.language"] == "es" ? 1 : 0);
  addRow(_("Default handout language:"), language_);
  paper_ = new wxChoice(this, wxID_ANY);
  paper_->Append(_("US Letter"));
  paper_->Append(_("A4"));
  paper_->SetSelection(before_["paper.size"] == "a4" ? 1 : 0);
  addRow(_("Paper size:"), paper_);

  addRow(wxEmptyString, makeHeading(this, _("Backups and locking")));
  addText("backup.folder", _("Backup folder:"))
      ->SetHint(wxString::FromUTF8((database_file.parent_path() / "backups").string()));
  keep_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                         wxSP_ARROW_KEYS, 1, 365,
                         storedNumber(before_, "backup.keep", store::kDefaultBackupsKept));
  addRow(_("Backups kept:"), keep_);
  lock_minutes_ = new wxSpinCtrl(
      this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 1440,
      storedNumber(before_, "security.lock_minutes", kDefaultLockMinutes));
  lock_minutes_->SetToolTip(_("0: never lock"));
  addRow(_("Lock after (minutes idle):"), lock_minutes_);

  // Kept on this computer, not in the database: colleagues sharing a file may read different
  // languages.
  addRow(wxEmptyString, makeHeading(this, _("This computer")));
  interface_ = new wxChoice(this, wxID_ANY);
  interface_->Append(_("System language"));
  interface_->Append(wxString::FromUTF8("English"));  // each language named in itself
  interface_->Append(wxString::FromUTF8("Español"));
  interface_->SetSelection(static_cast<int>(storedInterfaceChoice()));
  interface_->SetToolTip(_("Takes effect the next time SecureBase starts."));
  addRow(_("Interface language:"), interface_);
  finishLayout();
}

wxTextCtrl* PreferencesDialog::addText(const std::string& key, const wxString& label,
                                       bool multiline) {
  auto* text = new wxTextCtrl(this, wxID_ANY, fromUtf8(before_[key]), wxDefaultPosition,
                              multiline ? FromDIP(wxSize(-1, 72)) : wxDefaultSize,
                              multiline ? wxTE_MULTILINE : 0);
  if (key == "clinic.help_lines") text->SetHint(_("One per line, e.g. Crisis line: 988"));
  texts_[key] = text;
  addRow(label, text);
  return text;
}

void PreferencesDialog::apply() {
  std::map<std::string, std::string> after;
  for (const auto& [key, text] : texts_)
    after[key] = toUtf8(text->GetValue().Strip(wxString::both));
  after["default.language"] = language_->GetSelection() == 1 ? "es" : "en";
  after["paper.size"] = paper_->GetSelection() == 1 ? "a4" : "letter";
  after["backup.keep"] = std::to_string(keep_->GetValue());
  after["security.lock_minutes"] = std::to_string(lock_minutes_->GetValue());
  // An unset setting reads as its default, so opening and closing the dialog writes nothing.
  auto stored = [this](const std::string& key) -> std::string {
    const auto it = before_.find(key);
    const std::string value = it == before_.end() ? "" : it->second;
    if (value.empty() && key == "default.language") return "en";
    if (value.empty() && key == "paper.size") return "letter";
    if (value.empty() && key == "backup.keep") return std::to_string(store::kDefaultBackupsKept);
    if (value.empty() && key == "security.lock_minutes") return std::to_string(kDefaultLockMinutes);
    return value;
  };
  storeInterfaceChoice(static_cast<InterfaceChoice>(interface_->GetSelection()));
  store_.database().transaction([&] {
    for (const auto& [key, value] : after)
      if (value != stored(key)) store_.setSetting(key, value);
  });
  before_ = store_.settings();
}

}  // namespace securebase::app
