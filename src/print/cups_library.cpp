#include "cups_library.h"

#include <dlfcn.h>

namespace securebase::print::detail {

namespace {

template <typename Function>
bool find(void* handle, const char* name, Function& out) {
  out = reinterpret_cast<Function>(::dlsym(handle, name));
  return out != nullptr;
}

CupsLibrary load() {
  CupsLibrary cups;
  // Kept loaded for the life of the process (never dlclose'd: libcups keeps threads' state).
  void* handle = ::dlopen("libcups.so.2", RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) return cups;
  const bool all = find(handle, "cupsLastError", cups.lastError) &&
                   find(handle, "cupsLastErrorString", cups.lastErrorString) &&
                   find(handle, "cupsFreeDests", cups.freeDests) &&
                   find(handle, "cupsCopyDestInfo", cups.copyDestInfo) &&
                   find(handle, "cupsCheckDestSupported", cups.checkDestSupported) &&
                   find(handle, "cupsFreeDestInfo", cups.freeDestInfo) &&
                   find(handle, "cupsSetServer", cups.setServer) &&
                   find(handle, "cupsGetDests2", cups.getDests2) &&
                   find(handle, "cupsGetOption", cups.getOption) &&
                   find(handle, "cupsAddOption", cups.addOption) &&
                   find(handle, "cupsFreeOptions", cups.freeOptions) &&
                   find(handle, "cupsPrintFile2", cups.printFile2);
  if (!all) cups.lastError = nullptr;
  return cups;
}

}  // namespace

const CupsLibrary* cupsLibrary() {
  static const CupsLibrary cups = load();
  return cups.lastError != nullptr ? &cups : nullptr;
}

}  // namespace securebase::print::detail
