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

}  // namespace securebase::app
