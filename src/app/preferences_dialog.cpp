#include "preferences_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include "accessible_names.h"
#include "idle_watch.h"
#include "interface_language.h"
#include "securebase/store/backup.h"
#include "securebase/store/settings.h"
#include "ui_helpers.h"

namespace securebase::app {

int lockMinutes(store::Store& store) {
  return store::settingNumber(store, store::setting::lock_minutes);
}

PreferencesDialog::PreferencesDialog(wxWindow* parent, store::Store& store,
                                     const std::filesystem::path& database_file)
    : StandardDialog(parent, _("Preferences")), store_(store), before_(store.settings()) {
  addText(store::setting::clinic_name, _("Clinic name:"));
  addText(store::setting::clinic_address, _("Clinic address:"));
  addText(store::setting::clinic_phone, _("Clinic phone:"));
  addText(store::setting::clinic_logo, _("Logo image file:"), false, Browse::file);
  addText(store::setting::clinic_help_lines, _("Local help lines:"), true);
  addText(store::setting::clinic_crisis_line, _("Crisis line:"));
  addText(store::setting::clinic_website, _("Clinic web address:"))
      ->SetHint(wxString::FromUTF8("https://"));
  addText(store::setting::counselor_name, _("Your name:"));
  addText(store::setting::counselor_email, _("Your email:"));
  addText(store::setting::counselor_phone, _("Your phone:"));
  language_ = new wxChoice(this, wxID_ANY);
  language_->Append(_("English"));
  language_->Append(_("Spanish"));
  language_->SetSelection(before_[store::setting::default_language] == "es" ? 1 : 0);
  addRow(_("Default handout language:"), language_);
  paper_ = new wxChoice(this, wxID_ANY);
  paper_->Append(_("US Letter"));
  paper_->Append(_("A4"));
  paper_->SetSelection(before_[store::setting::paper_size] == "a4" ? 1 : 0);
  addRow(_("Paper size:"), paper_);

  addRow(wxEmptyString, makeHeading(this, _("Backups and locking")));
  addText(store::setting::backup_folder, _("Backup folder:"), false, Browse::folder)
      ->SetHint(wxString::FromUTF8((database_file.parent_path() / "backups").string()));
  keep_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                         wxSP_ARROW_KEYS, 1, 365,
                         store::settingNumber(store, store::setting::backup_keep));
  addRow(_("Backups kept:"), keep_);
  lock_minutes_ = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                 wxSP_ARROW_KEYS, 0, 1440,
                                 store::settingNumber(store, store::setting::lock_minutes));
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
                                       bool multiline, Browse browse) {
  // A path can be typed or chosen: the text and a button beside it, in a row of their own.
  wxWindow* row = browse == Browse::none ? static_cast<wxWindow*>(this) : new wxPanel(this);
  auto* text = new wxTextCtrl(row, wxID_ANY, fromUtf8(before_[key]), wxDefaultPosition,
                              multiline ? FromDIP(wxSize(-1, 72)) : wxDefaultSize,
                              multiline ? wxTE_MULTILINE : 0);
  if (key == store::setting::clinic_help_lines)
    text->SetHint(_("One per line, e.g. Crisis line: 988"));
  texts_[key] = text;
  if (browse == Browse::none) {
    addRow(label, text);
    return text;
  }
  auto* button = new wxButton(row, wxID_ANY,
                              browse == Browse::file ? _("Choose &File…") : _("Choose Fol&der…"));
  browse_[key] = button;
  // The label sits in the dialog's grid, the field inside the row: named here, since the
  // walker (accessible_names.h) finds labels only beside a control in its own sizer.
  wxString name = wxStripMenuCodes(label);
  if (name.EndsWith(":")) name.RemoveLast();
  setAccessibleText(*text, name);
  auto* sizer = new wxBoxSizer(wxHORIZONTAL);
  sizer->Add(text, wxSizerFlags(1).CenterVertical());
  sizer->AddSpacer(FromDIP(6));
  sizer->Add(button, wxSizerFlags().CenterVertical());
  row->SetSizer(sizer);
  button->Bind(wxEVT_BUTTON, [this, text, browse](wxCommandEvent&) {
    const wxString now = text->GetValue().Strip(wxString::both);
    if (browse == Browse::file) {
      wxFileDialog choose(this, _("Choose the clinic's logo"), wxFileName(now).GetPath(),
                          wxFileName(now).GetFullName(),
                          _("Images (*.png;*.jpg;*.jpeg)|*.png;*.jpg;*.jpeg|All files|*"),
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
      if (choose.ShowModal() == wxID_OK) text->SetValue(choose.GetPath());
    } else {
      wxDirDialog choose(this, _("Choose the backup folder"),
                         now.empty() ? wxString(text->GetHint()) : now, wxDD_DEFAULT_STYLE);
      if (choose.ShowModal() == wxID_OK) text->SetValue(choose.GetPath());
    }
  });
  addRow(label, row);
  return text;
}

void PreferencesDialog::apply() {
  std::map<std::string, std::string> after;
  for (const auto& [key, text] : texts_)
    after[key] = toUtf8(text->GetValue().Strip(wxString::both));
  after[store::setting::default_language] = language_->GetSelection() == 1 ? "es" : "en";
  after[store::setting::paper_size] = paper_->GetSelection() == 1 ? "a4" : "letter";
  after[store::setting::backup_keep] = std::to_string(keep_->GetValue());
  after[store::setting::lock_minutes] = std::to_string(lock_minutes_->GetValue());
  // An unset setting reads as its default, so opening and closing the dialog writes nothing.
  auto stored = [this](const std::string& key) -> std::string {
    const auto it = before_.find(key);
    if (it != before_.end() && !it->second.empty()) return it->second;
    const store::SettingSpec* spec = store::findSettingSpec(key);
    return spec != nullptr ? spec->default_value : "";
  };
  storeInterfaceChoice(static_cast<InterfaceChoice>(interface_->GetSelection()));
  store_.database().transaction([&] {
    for (const auto& [key, value] : after)
      if (value != stored(key)) store_.setSetting(key, value);
  });
  before_ = store_.settings();
}

}  // namespace securebase::app
