// Every setting SecureBase knows, declared once (DESIGN §11): its key, scope, type, range and
// default. `settings set`, the Preferences dialog and import all validate through
// validateSetting, and every reader names a key by the constants below — no other code spells
// a setting key.
//
// Scopes say who may write a setting:
// - clinic:   describes the clinic on every printed page; import writes them only when asked
//             (`import --with-clinic-settings`), listing each change.
// - personal: the counselor using this database; never imported.
// - device:   this computer's backups, lock and file names; never imported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace securebase::store {

class Store;

namespace setting {
inline constexpr const char* clinic_name = "clinic.name";
inline constexpr const char* clinic_address = "clinic.address";
inline constexpr const char* clinic_phone = "clinic.phone";
inline constexpr const char* clinic_logo = "clinic.logo";
inline constexpr const char* clinic_help_lines = "clinic.help_lines";
inline constexpr const char* clinic_crisis_line = "clinic.crisis_line";
inline constexpr const char* clinic_website = "clinic.website";
inline constexpr const char* default_language = "default.language";
inline constexpr const char* paper_size = "paper.size";
inline constexpr const char* counselor_name = "counselor.name";
inline constexpr const char* counselor_email = "counselor.email";
inline constexpr const char* counselor_phone = "counselor.phone";
inline constexpr const char* backup_folder = "backup.folder";
inline constexpr const char* backup_keep = "backup.keep";
inline constexpr const char* lock_minutes = "security.lock_minutes";
inline constexpr const char* files_family_names = "files.family_names";
inline constexpr const char* sync_change_number = "sync.change_number";
inline constexpr const char* sync_server = "sync.server";
}  // namespace setting

enum class SettingScope { clinic, personal, device };
std::string_view toString(SettingScope scope);

enum class SettingType {
  line,          // one line of text
  lines,         // several lines ("Name: number" per line)
  email,         // empty, or one address with an @
  web_address,   // empty, or http:// or https:// and no spaces
  png_file,      // empty, or an absolute path ending in .png
  folder,        // empty (the default), or an absolute path
  language,      // en or es
  paper,         // letter or a4
  whole_number,  // within [low, high]
  yes_no,        // yes or no
  server,        // empty, or a libpq connection string, URI or service=NAME without a password
};

struct SettingSpec {
  const char* key;
  SettingScope scope;
  SettingType type;
  const char* default_value;  // what an unset setting reads as
  int low = 0;                // whole_number only
  int high = 0;
  const char* description = "";
  // False for what the program keeps for itself (sync's watermark): no Preferences page shows
  // it and no export carries it, though `settings get` reads it like any other.
  bool in_preferences = true;
};

// In display order: clinic, personal, device.
const std::vector<SettingSpec>& settingSpecs();
// nullptr for an unknown key.
const SettingSpec* findSettingSpec(std::string_view key);

// Error(bad_input) with one line ("backup.keep must be a whole number from 1 to 1000") when
// `value` is not valid for `key`, or the key is unknown. Text is checked for UTF-8 and control
// characters here; the store adds its own printable-text check on entry.
void validateSetting(std::string_view key, std::string_view value);

// The stored value, else the declared default.
std::string settingValue(Store& store, const char* key);
// A whole-number setting's value; the default when unset or not a valid number.
int settingNumber(Store& store, const char* key);

}  // namespace securebase::store
