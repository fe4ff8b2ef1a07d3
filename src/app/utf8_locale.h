// The program's texts are UTF-8 (accents, "…", "—"), and wx converts narrow strings with the
// C library's locale. Started without a UTF-8 locale (LANG unset, as under ctest or cron) those
// texts would come out empty, so the character type is switched to C.UTF-8 then.
#pragma once

namespace securebase::app {

// Call after wx has initialised GTK (which resets the locale from the environment).
void ensureUtf8Locale();

}  // namespace securebase::app
