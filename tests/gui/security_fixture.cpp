#include "security_fixture.h"

#include <wx/listctrl.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <fstream>

namespace securebase::testing {

const std::vector<std::string> kFamilyNames = {
    "Bui family", "Alvarez family", "Clarke family", "Lan", "Minh", "Jo", "Mia"};

std::string firstBytes(const fs::path& file, std::size_t count) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes(count, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(count));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

std::string oneLine(wxString text) {
  text.Replace("\n", " ");
  return text.utf8_string();
}

void pressOk(wxDialog& dialog) {
  wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
  dialog.FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(ok);
}

void click(wxButton& button) {
  wxCommandEvent event(wxEVT_BUTTON, button.GetId());
  event.SetEventObject(&button);
  button.GetEventHandler()->ProcessEvent(event);
}

// Every text a shown control of `window` (and of the windows in it) puts on the screen.
void collectShownText(wxWindow& window, std::vector<std::string>& texts) {
  if (!window.IsShown()) return;
  texts.push_back(window.GetLabel().utf8_string());
  if (auto* text = dynamic_cast<wxTextCtrl*>(&window))
    texts.push_back(text->GetValue().utf8_string());
  if (auto* list = dynamic_cast<wxListCtrl*>(&window))
    for (long row = 0; row < list->GetItemCount(); ++row)
      for (int column = 0; column < list->GetColumnCount(); ++column)
        texts.push_back(list->GetItemText(row, column).utf8_string());
  for (wxWindow* child : window.GetChildren()) collectShownText(*child, texts);
}

std::vector<std::string> shownFamilyText() {
  std::vector<std::string> texts;
  for (wxWindow* window : wxTopLevelWindows)
    if (!wxPendingDelete.Member(window)) collectShownText(*window, texts);
  std::vector<std::string> found;
  for (const auto& text : texts)
    for (const auto& name : kFamilyNames)
      if (text.find(name) != std::string::npos) found.push_back(text);
  return found;
}

}  // namespace securebase::testing
