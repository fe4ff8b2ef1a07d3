#include "problem_text.h"

#include <wx/msgdlg.h>
#include <wx/translation.h>

#include <utility>

#include "securebase/core/error.h"

namespace securebase::app {

wxString translatedText(const ErrorText& text) {
  return wxString::FromUTF8(text.render([](const std::string& wording) {
    return wxGetTranslation(wxString::FromUTF8(wording)).utf8_string();
  }));
}

wxString problemText(const std::exception& error) {
  // A core message made with errorText(): its wording from the catalog, the names, dates and
  // numbers filled in. Other messages of fixed wording are in the catalog too (marked
  // wxTRANSLATE or errorPhrase where they are made); the rest keep the core's English.
  const auto* core = dynamic_cast<const Error*>(&error);
  wxString text = core != nullptr && !core->text().wording.empty()
                      ? translatedText(core->text())
                      : wxGetTranslation(wxString::FromUTF8(error.what()));
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
  if (!full.empty() && full != name)
    for (auto at = message.find(full); at != std::string::npos; at = message.find(full, at))
      message.replace(at, full.size(), name);
  // Any other absolute path (a backup's, say) by its last part too: an unbreakable path would
  // run off a window's edge.
  for (std::size_t at = message.find('/'); at != std::string::npos; at = message.find('/', at)) {
    const bool starts_word = at == 0 || message[at - 1] == ' ' || message[at - 1] == '(';
    std::size_t end = message.find_first_of(" ),;:", at);
    if (end == std::string::npos) end = message.size();
    if (end > at + 1 && message[end - 1] == '.') --end;
    if (!starts_word || end <= at + 1) {
      ++at;
      continue;
    }
    std::filesystem::path path(message.substr(at, end - at));
    if (!path.has_filename()) path = path.parent_path();
    const std::string shown = path.filename().string();
    message.replace(at, end - at, shown);
    at += shown.size();
  }
  return message;
}

ErrorText withFileName(ErrorText message, const std::filesystem::path& file) {
  if (!message.translated) message.wording = withFileName(std::move(message.wording), file);
  for (auto& part : message.parts) part = withFileName(std::move(part), file);
  return message;
}

}  // namespace securebase::app
