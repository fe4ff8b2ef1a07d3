#include "interface_language.h"

#include <wx/config.h>
#include <wx/intl.h>
#include <wx/translation.h>

#include <clocale>
#include <cstdlib>
#include <string_view>

#include "securebase/core/paths.h"
#include "window_config.h"

namespace securebase::app {
namespace {

constexpr const char* kKey = "/Interface/Language";
constexpr const char* kDomain = "securebase";

model::Language& activeLanguage() {
  static model::Language language = model::Language::en;
  return language;
}

// GTK translates its own words (stock buttons such as Cancel and Close, file choosers, message
// box buttons) through the C library's gettext, which follows LC_MESSAGES and LANGUAGE, not wx.
// A Spanish choice on an English system (or the reverse) therefore sets both for this process.
// LC_MESSAGES falls back to C.UTF-8 when the system has no Spanish locale: gettext ignores
// LANGUAGE only under the plain "C" locale.
void followInGtk(const char* language) {
  bool found = false;
  if (std::string_view(language) == "es")
    for (const char* name : {"es_MX.UTF-8", "es_US.UTF-8", "es_ES.UTF-8"})
      if (std::setlocale(LC_MESSAGES, name) != nullptr) {
        found = true;
        break;
      }
  if (!found) std::setlocale(LC_MESSAGES, "C.UTF-8");
  setenv("LANGUAGE", language, 1);
}

}  // namespace

InterfaceChoice storedInterfaceChoice() {
  const wxString value = WindowConfig::instance().config().Read(kKey, "system");
  if (value == "en") return InterfaceChoice::english;
  if (value == "es") return InterfaceChoice::spanish;
  return InterfaceChoice::system;
}

void storeInterfaceChoice(InterfaceChoice choice) {
  auto& config = WindowConfig::instance().config();
  config.Write(kKey, choice == InterfaceChoice::english   ? "en"
                     : choice == InterfaceChoice::spanish ? "es"
                                                          : "system");
  config.Flush();
}

std::filesystem::path catalogFolder() {
  // Installed (or SECUREBASE_DATA_DIR) first; in a build tree the catalogs the build compiled.
  const auto installed = dataDir() / "locale";
  std::error_code ec;
  if (std::filesystem::exists(installed / "es" / "LC_MESSAGES" / "securebase.mo", ec))
    return installed;
  return SECUREBASE_BUILD_LOCALE_DIR;
}

void setUpInterfaceLanguage() {
  wxFileTranslationsLoader::AddCatalogLookupPathPrefix(
      wxString::FromUTF8(catalogFolder().string()));
  auto* translations = new wxTranslations;
  wxTranslations::Set(translations);  // owns it
  switch (storedInterfaceChoice()) {
    case InterfaceChoice::english:
      translations->SetLanguage(wxLANGUAGE_ENGLISH_US);
      followInGtk("en");
      break;
    case InterfaceChoice::spanish:
      translations->SetLanguage("es");
      followInGtk("es");
      break;
    case InterfaceChoice::system:
      break;  // wx reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG
  }
  translations->AddStdCatalog();  // "Cancel", "OK" and the other stock labels
  const bool loaded = translations->AddCatalog(kDomain, wxLANGUAGE_ENGLISH_US);
  activeLanguage() =
      loaded && translations->GetBestTranslation(kDomain, wxLANGUAGE_ENGLISH_US).StartsWith("es")
          ? model::Language::es
          : model::Language::en;
}

model::Language interfaceLanguage() {
  return activeLanguage();
}

}  // namespace securebase::app
