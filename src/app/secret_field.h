// Reading a password field without leaving copies of the passphrase behind.
#pragma once

#include "securebase/core/secret_text.h"

class wxTextCtrl;

namespace securebase::app {

// The typed text of `field` as UTF-8. wxString::utf8_string() would free a converted copy
// without overwriting it, so the conversion is done here into the secret's own buffer, and the
// wxString the field returned is overwritten too. Callers empty the field when done with it
// (ChangeValue; GTK overwrites an entry's text as it deletes it). wx's own conversion from GTK's
// UTF-8, inside GetValue, still frees one wide copy unwiped: it cannot be reached from here.
SecretText secretTextOf(wxTextCtrl* field);

}  // namespace securebase::app
