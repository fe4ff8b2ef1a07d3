#include "preferences_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/notebook.h>
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

namespace {

// Wide enough for an address, a web address or a folder's path without scrolling.
constexpr int kFieldWidth = 440;

}  // namespace

PreferencesDialog::PreferencesDialog(wxWindow* parent, store::Store& store,
                                     const std::filesystem::path& database_file)
    : StandardDialog(parent, _("Preferences")), store_(store), before_(store.settings()) {
  pages_ = new wxNotebook(this, wxID_ANY);

  Page clinic = addPage(_("Clinic"), _("Printed on every handout and report, and the same for "
                                       "everyone who uses this database."));
  addText(clinic, store::setting::clinic_name, _("Clinic name:"));
  addText(clinic, store::setting::clinic_address, _("Clinic address:"));
  addText(clinic, store::setting::clinic_phone, _("Clinic phone:"));
  addText(clinic, store::setting::clinic_logo, _("Logo image file:"), false, Browse::file);
  addText(clinic, store::setting::clinic_help_lines, _("Local help lines:"), true);
  addText(clinic, store::setting::clinic_crisis_line, _("Crisis line:"));
  addText(clinic, store::setting::clinic_website, _("Clinic web address:"))
      ->SetHint(wxString::FromUTF8("https://"));
  language_ = new wxChoice(clinic.panel, wxID_ANY);
  language_->Append(_("English"));
  language_->Append(_("Spanish"));
  language_->SetSelection(before_[store::setting::default_language] == "es" ? 1 : 0);
  addRow(clinic, _("Default handout language:"), language_);
  paper_ = new wxChoice(clinic.panel, wxID_ANY);
  paper_->Append(_("US Letter"));
  paper_->Append(_("A4"));
  paper_->SetSelection(before_[store::setting::paper_size] == "a4" ? 1 : 0);
  addRow(clinic, _("Paper size:"), paper_);

  Page you = addPage(_("You"), _("Your own details, printed on the handouts you give."));
  addText(you, store::setting::counselor_name, _("Your name:"));
  addText(you, store::setting::counselor_email, _("Your email:"));
  addText(you, store::setting::counselor_phone, _("Your phone:"));

  Page computer = addPage(_("This computer"), _("How this computer keeps and shows the "
                                                "database; never taken by an import."));
  addText(computer, store::setting::backup_folder, _("Backup folder:"), false, Browse::folder)
      ->SetHint(wxString::FromUTF8((database_file.parent_path() / "backups").string()));
  keep_ = new wxSpinCtrl(computer.panel, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                         wxSP_ARROW_KEYS, 1, 365,
                         store::settingNumber(store, store::setting::backup_keep));
  addRow(computer, _("Backups kept:"), keep_);
  lock_minutes_ = new wxSpinCtrl(computer.panel, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                 wxDefaultSize, wxSP_ARROW_KEYS, 0, 1440,
                                 store::settingNumber(store, store::setting::lock_minutes));
  lock_minutes_->SetToolTip(_("0: never lock"));
  addRow(computer, _("Lock after (minutes idle):"), lock_minutes_);
  family_names_ = new wxCheckBox(computer.panel, wxID_ANY, _("Family &names in PDF file names"));
  family_names_->SetValue(store::settingValue(store, store::setting::files_family_names) == "yes");
  family_names_->SetToolTip(
      _("Print queues, recent-file lists and shared folders show file names. Without this, a "
        "file is named by the family's number and the day."));
  addRow(computer, wxEmptyString, family_names_);
  auto* server = addText(computer, store::setting::sync_server, _("Agency &server:"));
  server->SetHint(wxString::FromUTF8("host=db.agency.org dbname=securebase user=…"));
  server->SetToolTip(
      _("The agency server File › Sync Now talks to: a connection string or service=NAME. "
        "The password is asked for at each sync (or read from ~/.pgpass), never kept here."));
  // Kept on this computer, not in the database: colleagues sharing a file may read different
  // languages.
  interface_ = new wxChoice(computer.panel, wxID_ANY);
  interface_->Append(_("System language"));
  interface_->Append(wxString::FromUTF8("English"));  // each language named in itself
  interface_->Append(wxString::FromUTF8("Español"));
  interface_->SetSelection(static_cast<int>(storedInterfaceChoice()));
  interface_->SetToolTip(_("Takes effect the next time SecureBase starts."));
  addRow(computer, _("Interface language:"), interface_);

  addWide(pages_, 1);
  finishLayout();
  setInitialFocus(texts_.at(store::setting::clinic_name));
}

wxWindow& PreferencesDialog::control(const std::string& key) {
  if (const auto text = texts_.find(key); text != texts_.end()) return *text->second;
  const std::map<std::string, wxWindow*> others = {
      {store::setting::default_language, language_},
      {store::setting::paper_size, paper_},
      {store::setting::backup_keep, keep_},
      {store::setting::lock_minutes, lock_minutes_},
      {store::setting::files_family_names, family_names_}};
  return *others.at(key);
}

PreferencesDialog::Page PreferencesDialog::addPage(const wxString& title, const wxString& intro) {
  Page page;
  page.panel = new wxPanel(pages_);
  auto* explanation = new wxStaticText(page.panel, wxID_ANY, intro);
  explanation->Wrap(FromDIP(kFieldWidth + 160));
  page.form = new wxFlexGridSizer(2, wxSize(FromDIP(12), FromDIP(8)));
  page.form->AddGrowableCol(1, 1);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(explanation, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
  sizer->Add(page.form, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
  page.panel->SetSizer(sizer);
  pages_->AddPage(page.panel, title);
  return page;
}

void PreferencesDialog::addRow(Page& page, const wxString& label, wxWindow* control) {
  page.form->Add(new wxStaticText(page.panel, wxID_ANY, label),
                 wxSizerFlags().Align(wxALIGN_RIGHT | wxALIGN_CENTER_VERTICAL));
  page.form->Add(control, wxSizerFlags().Expand());
}

wxTextCtrl* PreferencesDialog::addText(Page& page, const std::string& key, const wxString& label,
                                       bool multiline, Browse browse) {
  // A path can be typed or chosen: the text and a button beside it, in a row of their own.
  wxWindow* row = browse == Browse::none ? page.panel : new wxPanel(page.panel);
  auto* text = new wxTextCtrl(row, wxID_ANY, fromUtf8(before_[key]), wxDefaultPosition,
                              FromDIP(wxSize(kFieldWidth, multiline ? 72 : -1)),
                              multiline ? wxTE_MULTILINE : 0);
  text->SetMinSize(wxSize(FromDIP(kFieldWidth), text->GetMinSize().y));
  if (key == store::setting::clinic_help_lines)
    text->SetHint(_("One per line, e.g. Crisis line: 988"));
  texts_[key] = text;
  if (browse == Browse::none) {
    addRow(page, label, text);
    return text;
  }
  auto* button = new wxButton(row, wxID_ANY,
                              browse == Browse::file ? _("Choose &File…") : _("Choose Fol&der…"));
  browse_[key] = button;
  // The label sits in the page's grid, the field inside the row: named here, since the
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
  addRow(page, label, row);
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
  after[store::setting::files_family_names] = family_names_->GetValue() ? "yes" : "no";
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
