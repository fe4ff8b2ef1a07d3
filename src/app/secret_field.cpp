#include "secret_field.h"

#include <wx/textctrl.h>

#include <cstdint>
#include <cstring>

namespace securebase::app {
namespace {

void appendUtf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

SecretText secretTextOf(wxTextCtrl* field) {
  wxString typed = field->GetValue();
  SecretText secret;
  // Room for the longest encoding up front, so the string never moves to a larger buffer.
  secret.text.reserve(typed.length() * 4 + 1);
  for (const wxUniChar c : typed) appendUtf8(secret.text, c.GetValue());
  // wxString keeps wide characters in its own buffer; wc_str() is that buffer in this build.
  ::explicit_bzero(const_cast<wchar_t*>(typed.wc_str()), typed.length() * sizeof(wchar_t));
  return secret;
}

}  // namespace securebase::app
