#include "problem_text.h"

#include <wx/msgdlg.h>
#include <wx/translation.h>

namespace securebase::app {

wxString problemText(const std::exception& error) {
  wxString text = wxString::FromUTF8(error.what());
  if (!text.empty()) text[0] = wxToupper(text[0]);
  if (!text.empty() && !text.EndsWith(".")) text += ".";
  return text;
}

void showProblemBox(wxWindow* parent, const std::exception& error) {
  wxMessageDialog box(parent, problemText(error), _("SecureBase"), wxOK | wxICON_WARNING);
  box.ShowModal();
}

std::string withFileName(std::string message, const std::filesystem::path& file) {
  const std::string full = file.string();
  const std::string name = file.filename().string();
  if (full.empty() || full == name) return message;
  for (auto at = message.find(full); at != std::string::npos; at = message.find(full, at))
    message.replace(at, full.size(), name);
  return message;
}

}  // namespace securebase::app
