#include "utf8_locale.h"

#include <langinfo.h>

#include <clocale>
#include <cstring>

namespace securebase::app {

void ensureUtf8Locale() {
  const char* codeset = nl_langinfo(CODESET);
  if (codeset != nullptr && std::strcmp(codeset, "UTF-8") == 0) return;
  if (std::setlocale(LC_CTYPE, "C.UTF-8") == nullptr) std::setlocale(LC_CTYPE, "en_US.UTF-8");
}

}  // namespace securebase::app
