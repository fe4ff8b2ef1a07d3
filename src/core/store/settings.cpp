#include "securebase/store/settings.h"

#include <charconv>
#include <utility>

#include "securebase/core/error.h"
#include "securebase/core/utf8.h"
#include "securebase/store/store.h"

namespace securebase::store {
namespace {

using T = SettingType;
using S = SettingScope;

std::optional<int> wholeNumber(std::string_view value) {
  int number = 0;
  auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc{} || ptr != value.data() + value.size() || value.empty()) return std::nullopt;
  return number;
}

bool hasControl(std::string_view value, bool newlines_allowed) {
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u == '\n' && newlines_allowed) continue;
    if (u < 0x20 || u == 0x7f) return true;
  }
  return false;
}

// The setting is stored in the database and shown in Preferences: a password there would be
// read by anyone who opens either. libpq takes it from ~/.pgpass or from the question asked.
bool namesPassword(std::string_view value) {
  std::string lower(value);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower.find("password") != std::string::npos) return true;
  // postgresql://user:secret@host — a colon in the part before the @.
  for (const char* scheme : {"postgresql://", "postgres://"}) {
    if (lower.rfind(scheme, 0) != 0) continue;
    const auto rest = lower.substr(std::string_view(scheme).size());
    const auto at = rest.find('@');
    if (at != std::string::npos && rest.substr(0, at).find(':') != std::string::npos) return true;
  }
  return false;
}

bool endsWithPng(std::string_view value) {
  if (value.size() < 4) return false;
  std::string tail(value.substr(value.size() - 4));
  for (char& c : tail) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return tail == ".png";
}

[[noreturn]] void refuse(const SettingSpec& spec, ErrorText rule) {
  // TRANSLATORS: {1} a setting's key (clinic.phone), {2} what its value must be.
  throwBadInput(errorText("{1} {2}", std::string(spec.key), std::move(rule)));
}

}  // namespace

std::string_view toString(SettingScope scope) {
  switch (scope) {
    case S::clinic:
      return "clinic";
    case S::personal:
      return "personal";
    case S::device:
      return "device";
  }
  return "";
}

const std::vector<SettingSpec>& settingSpecs() {
  static const std::vector<SettingSpec> specs = {
      {setting::clinic_name, S::clinic, T::line, "", 0, 0, "the clinic's name on every page"},
      {setting::clinic_address, S::clinic, T::lines, "", 0, 0, "the clinic's address"},
      {setting::clinic_phone, S::clinic, T::line, "", 0, 0, "the clinic's phone"},
      {setting::clinic_logo, S::clinic, T::png_file, "", 0, 0, "a PNG file printed in the header"},
      {setting::clinic_help_lines, S::clinic, T::lines, "", 0, 0,
       "local help lines, one \"Name: number\" per line"},
      {setting::clinic_crisis_line, S::clinic, T::line, "", 0, 0, "the crisis line handouts name"},
      {setting::clinic_website, S::clinic, T::web_address, "", 0, 0, "the clinic's web address"},
      {setting::default_language, S::clinic, T::language, "en", 0, 0,
       "handout language when none is given (en or es)"},
      {setting::paper_size, S::clinic, T::paper, "letter", 0, 0, "letter or a4"},
      {setting::counselor_name, S::personal, T::line, "", 0, 0,
       "who is working, when no one is chosen"},
      {setting::counselor_email, S::personal, T::email, "", 0, 0, "your e-mail"},
      {setting::counselor_phone, S::personal, T::line, "", 0, 0, "your phone"},
      {setting::backup_folder, S::device, T::folder, "", 0, 0,
       "where backups go (default: backups/ beside the database)"},
      {setting::backup_keep, S::device, T::whole_number, "7", 1, 1000, "backups kept"},
      {setting::lock_minutes, S::device, T::whole_number, "10", 0, 1440,
       "minutes without input before the window locks (0: never)"},
      {setting::files_family_names, S::device, T::yes_no, "no", 0, 0,
       "yes: document file names carry the family's name, not only its number and the day"},
      {setting::sync_server, S::device, T::server, "", 0, 0,
       "the agency server sync talks to: a libpq connection string, URI or service=NAME"},
      {setting::sync_change_number, S::device, T::whole_number, "0", 0, 2147483647,
       "the agency server's change number this file has pulled up to (sync sets it)", false},
  };
  return specs;
}

const SettingSpec* findSettingSpec(std::string_view key) {
  for (const auto& spec : settingSpecs())
    if (key == spec.key) return &spec;
  return nullptr;
}

void validateSetting(std::string_view key, std::string_view value) {
  const SettingSpec* spec = findSettingSpec(key);
  if (spec == nullptr) throwBadInput(errorText("unknown setting \"{1}\"", std::string(key)));
  if (!isValidUtf8(value)) refuse(*spec, errorText("is not valid UTF-8 text"));
  if (hasControl(value, spec->type == T::lines))
    refuse(*spec, errorText("must not hold control characters"));
  switch (spec->type) {
    case T::line:
    case T::lines:
      return;
    case T::email:
      if (!value.empty() &&
          (value.find('@') == std::string_view::npos || value.find(' ') != std::string_view::npos))
        refuse(*spec, errorText("must be an e-mail address like name@example.org"));
      return;
    case T::web_address:
      if (!value.empty() && ((value.rfind("https://", 0) != 0 && value.rfind("http://", 0) != 0) ||
                             value.find(' ') != std::string_view::npos))
        refuse(*spec, errorText("must be a web address starting with https:// or http://"));
      return;
    case T::png_file:
      if (!value.empty() && (value.front() != '/' || !endsWithPng(value)))
        refuse(*spec, errorText("must be the full path of a PNG file (/…/logo.png)"));
      return;
    case T::folder:
      if (!value.empty() && value.front() != '/')
        refuse(*spec, errorText("must be the full path of a folder (/…)"));
      return;
    case T::language:
      if (value != "en" && value != "es") refuse(*spec, errorText("must be en or es"));
      return;
    case T::paper:
      if (value != "letter" && value != "a4") refuse(*spec, errorText("must be letter or a4"));
      return;
    case T::yes_no:
      if (value != "yes" && value != "no") refuse(*spec, errorText("must be yes or no"));
      return;
    case T::server:
      if (namesPassword(value))
        refuse(*spec, errorText("must not hold a password (it comes from ~/.pgpass or is asked "
                                "for at each sync)"));
      return;
    case T::whole_number: {
      const auto number = wholeNumber(value);
      if (!number || *number < spec->low || *number > spec->high)
        refuse(*spec, errorText("must be a whole number from {1} to {2}", spec->low, spec->high));
      return;
    }
  }
}

std::string settingValue(Store& store, const char* key) {
  const SettingSpec* spec = findSettingSpec(key);
  const auto stored = store.setting(key);
  if (stored && !stored->empty()) return *stored;
  return spec != nullptr ? spec->default_value : "";
}

int settingNumber(Store& store, const char* key) {
  const SettingSpec* spec = findSettingSpec(key);
  const std::string fallback = spec != nullptr ? spec->default_value : "0";
  const auto stored = store.setting(key);
  if (stored) {
    const auto number = wholeNumber(*stored);
    if (number && spec != nullptr && *number >= spec->low && *number <= spec->high) return *number;
  }
  return wholeNumber(fallback).value_or(0);
}

}  // namespace securebase::store
