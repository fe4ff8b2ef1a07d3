#include "help_menu.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/filename.h>
#include <wx/frame.h>
#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/renderer.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "interface_language.h"
#include "list_rows_spoken.h"
#include "securebase/core/paths.h"
#include "securebase/store/backup.h"
#include "session.h"
#include "ui_helpers.h"
#include "window_config.h"

namespace securebase::app {
namespace {

// A window of text with one Close button, closed by Esc as well.
wxDialog* makeCloseDialog(wxWindow* parent, const wxString& title, wxWindow*& body_parent,
                          wxBoxSizer*& body) {
  auto* dialog = new wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize,
                              wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
  body_parent = dialog;
  body = new wxBoxSizer(wxVERTICAL);
  return dialog;
}

void finishCloseDialog(wxDialog* dialog, wxBoxSizer* body) {
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(body, wxSizerFlags(1).Expand().Border(wxALL, dialog->FromDIP(16)));
  auto* close = new wxButton(dialog, wxID_CLOSE, _("&Close"));
  outer->Add(close,
             wxSizerFlags().Right().Border(wxLEFT | wxRIGHT | wxBOTTOM, dialog->FromDIP(16)));
  close->SetDefault();
  dialog->SetEscapeId(wxID_CLOSE);
  dialog->SetAffirmativeId(wxID_CLOSE);
  dialog->SetSizerAndFit(outer);
  dialog->CentreOnParent();
  close->SetFocus();  // nothing to type here: Return or Esc closes
}

}  // namespace

std::filesystem::path userGuideFile(model::Language language) {
  const auto folder = assetsDir() / "help";
  const auto localised = folder / (language == model::Language::es ? "es" : "en") / "index.html";
  if (std::filesystem::exists(localised)) return localised;
  return folder / "en" / "index.html";
}

wxWindow* showUserGuide(wxWindow* parent) {
  auto* frame = new wxFrame(parent, wxID_ANY, _("SecureBase User Guide"));
  auto* html = new wxHtmlWindow(frame, wxID_ANY);
  auto* browser = new wxButton(frame, wxID_ANY, _("Open in &Browser"));
  auto* close = new wxButton(frame, wxID_CLOSE, _("&Close"));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(browser);
  buttons->AddStretchSpacer();
  buttons->Add(close);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(html, wxSizerFlags(1).Expand());
  sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, frame->FromDIP(8)));
  frame->SetSizer(sizer);
  const auto file = userGuideFile(interfaceLanguage());
  html->LoadFile(wxFileName(wxString::FromUTF8(file.string())));
  browser->Bind(wxEVT_BUTTON, [](wxCommandEvent&) { openUserGuideInBrowser(); });
  close->Bind(wxEVT_BUTTON, [frame](wxCommandEvent&) { frame->Close(); });
  frame->Bind(wxEVT_CHAR_HOOK, [frame](wxKeyEvent& event) {
    if (event.GetKeyCode() == WXK_ESCAPE)
      frame->Close();
    else
      event.Skip();
  });
  WindowConfig::instance().restore(*frame, "Guide", frame->FromDIP(wxSize(760, 640)));
  frame->Bind(wxEVT_CLOSE_WINDOW, [frame](wxCloseEvent& event) {
    WindowConfig::instance().save(*frame, "Guide");
    event.Skip();
  });
  frame->Show();
  html->SetFocus();  // arrows and Page Down scroll at once
  return frame;
}

bool openUserGuideInBrowser() {
  const auto file = userGuideFile(interfaceLanguage());
  return wxLaunchDefaultBrowser(wxFileName::FileNameToURL(wxString::FromUTF8(file.string())));
}

wxDialog* makeShortcutsDialog(wxWindow* parent) {
  wxWindow* owner = nullptr;
  wxBoxSizer* body = nullptr;
  wxDialog* dialog = makeCloseDialog(parent, _("Keyboard Shortcuts"), owner, body);
  const std::vector<std::pair<wxString, wxString>> rows = {
      {wxString::FromUTF8("Ctrl+N"), _("New visit with the selected family")},
      {_("Ctrl+Shift+N"), _("New family")},
      {wxString::FromUTF8("Ctrl+F"), _("Find a family")},
      {wxString::FromUTF8("Ctrl+H"), _("Quick handout")},
      {_("Ctrl+Shift+H"), _("Handout for the latest visit")},
      {wxString::FromUTF8("Ctrl+R"), _("Progress report")},
      {wxString::FromUTF8("Ctrl+O"), _("Open another database")},
      {wxString::FromUTF8("Ctrl+,"), _("Preferences")},
      {wxString::FromUTF8("Ctrl+L"), _("Lock now")},
      {wxString::FromUTF8("F5"), _("Read the database again")},
      {wxString::FromUTF8("F1"), _("User guide")},
      {wxString::FromUTF8("Ctrl+Q"), _("Quit")},
      {wxString::FromUTF8("0, 1, 2"), _("Visit: rate the item (not yet, sometimes, clearly)")},
      {wxString::FromUTF8("N"), _("Visit: not observed")},
      {wxString::FromUTF8("↑ ↓"), _("Visit: previous or next item")},
      {_("Tab"), _("Next field")},
      {_("Return"), _("The dialog's main button, from any field")},
      {_("Esc"), _("Close a dialog without saving")},
      {_("Alt + underlined letter"), _("That button or menu")},
      {wxString::FromUTF8("Alt+↓"), _("Date field: pick the day on a calendar")},
      {_("Ctrl+Return"), _("Visit: sign it (asks first)")},
      {wxString::FromUTF8("Ctrl+P"), _("Visit: its parent handout")},
      {wxString::FromUTF8("Ctrl+Z"), _("Visit: undo the last answer or note change")},
      {_("Ctrl+Shift+Z"), _("Visit: redo")},
      {wxString::FromUTF8("Ctrl+W"), _("Visit: close the window")},
  };
  auto* list = makeReportList(owner, {{_("Keys"), 170}, {_("What it does"), 380}});
  speakCurrentRow(*list, _("Keyboard Shortcuts"));
  for (const auto& [keys, what] : rows) {
    const long row = list->InsertItem(list->GetItemCount(), keys);
    list->SetItem(row, 1, what);
  }
  list->SetColumnWidth(0, wxLIST_AUTOSIZE);
  list->SetColumnWidth(1, wxLIST_AUTOSIZE);
  fitColumnsToTitles(*list);
  int width = 0;
  for (int c = 0; c < list->GetColumnCount(); ++c) width += list->GetColumnWidth(c);
  // Tall enough for every row, so nothing hides below a scroll bar (up to most of the screen).
  wxRect row;
  const int row_height = list->GetItemRect(0, row) ? row.height : list->GetCharHeight() + 8;
  const int header = wxRendererNative::Get().GetHeaderButtonHeight(list);
  const int wanted = header + row_height * list->GetItemCount() + dialog->FromDIP(8);
  const int most = wxGetDisplaySize().GetHeight() * 3 / 4;
  list->SetMinSize(wxSize(width + dialog->FromDIP(24), std::min(wanted, most)));
  body->Add(list, wxSizerFlags(1).Expand());
  finishCloseDialog(dialog, body);
  return dialog;
}

wxString aboutText(Session* session) {
  wxString text = wxString::Format(_("SecureBase %s"), wxString::FromUTF8(version())) + "\n" +
                  _("Observations, parent handouts and progress reports for home visitors.") +
                  "\n\n" + _("Licence: MIT (see the LICENSE file installed with the program).") +
                  "\n" + _("Fonts: DejaVu (free licence, installed beside it).");
  if (session == nullptr) return text + "\n\n" + _("The database is locked.");
  const auto file = wxString::FromUTF8(session->file().string());
  text += "\n\n" + wxString::Format(_("Database: %s"), file) + "\n";
  text += session->encrypted() ? _("Encrypted with a passphrase.")
                               : _("Not encrypted: File › Encrypt Database… protects it.");
  wxString folder;
  try {
    folder =
        wxString::FromUTF8(store::backupPolicy(session->store(), session->file()).folder.string());
  } catch (const std::exception&) {
    folder = _("(could not be read)");
  }
  text += "\n" + wxString::Format(_("Backups go to: %s"), folder);
  return text;
}

wxDialog* makeAboutDialog(wxWindow* parent, Session* session) {
  wxWindow* owner = nullptr;
  wxBoxSizer* body = nullptr;
  wxDialog* dialog = makeCloseDialog(parent, _("About SecureBase"), owner, body);
  body->Add(makeHeading(owner, _("SecureBase"), 1.6));
  body->AddSpacer(owner->FromDIP(8));
  auto* text = new wxStaticText(owner, wxID_ANY, aboutText(session));
  text->Wrap(owner->FromDIP(520));
  body->Add(text, wxSizerFlags(1).Expand());
  finishCloseDialog(dialog, body);
  return dialog;
}

}  // namespace securebase::app
