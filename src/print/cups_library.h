// libcups, loaded the first time something is printed or the printers are listed. Linked
// directly it brings two dozen libraries (Kerberos, GnuTLS, Avahi, D-Bus…) into every start of
// the CLI, which made start-up a large part of a short command such as a handout batch.
#pragma once

#include <cups/cups.h>

namespace securebase::print::detail {

struct CupsLibrary {
  decltype(&::cupsLastError) lastError = nullptr;
  decltype(&::cupsLastErrorString) lastErrorString = nullptr;
  decltype(&::cupsFreeDests) freeDests = nullptr;
  decltype(&::cupsCopyDestInfo) copyDestInfo = nullptr;
  decltype(&::cupsCheckDestSupported) checkDestSupported = nullptr;
  decltype(&::cupsFreeDestInfo) freeDestInfo = nullptr;
  decltype(&::cupsSetServer) setServer = nullptr;
  decltype(&::cupsGetDests2) getDests2 = nullptr;
  decltype(&::cupsGetOption) getOption = nullptr;
  decltype(&::cupsAddOption) addOption = nullptr;
  decltype(&::cupsFreeOptions) freeOptions = nullptr;
  decltype(&::cupsPrintFile2) printFile2 = nullptr;
};

// The library's functions, or nullptr when libcups cannot be loaded.
const CupsLibrary* cupsLibrary();

}  // namespace securebase::print::detail
