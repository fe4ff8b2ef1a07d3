#include "clinic_settings.h"

#include <algorithm>

#include "securebase/core/sha256.h"
#include "securebase/store/settings.h"

namespace securebase::sync::detail {
namespace {

bool isClinicSetting(const std::string& key) {
  const store::SettingSpec* spec = store::findSettingSpec(key);
  return spec != nullptr && spec->scope == store::SettingScope::clinic;
}

std::string agreementKey(const std::string& key) {
  return "setting " + key;
}

std::string agreedSeal(const Seals& synced, const std::string& key) {
  const auto found = synced.find(agreementKey(key));
  return found == synced.end() ? std::string() : found->second;
}

SettingValues serverValues(server::Connection& server, ServerClinicSettings* numbers = nullptr) {
  auto rows = server.exec("SELECT key, value, change_number FROM securebase.clinic_settings");
  SettingValues values;
  for (int i = 0; i < rows.rows(); ++i) {
    // A key a newer program added: not one this laptop could hold.
    if (!isClinicSetting(rows.text(i, 0))) continue;
    values[rows.text(i, 0)] = rows.text(i, 1);
    if (numbers != nullptr)
      numbers->highest_change = std::max(numbers->highest_change, std::stoll(rows.text(i, 2)));
  }
  return values;
}

}  // namespace

SettingValues localClinicSettings(store::Store& store) {
  SettingValues values;
  for (auto& [key, value] : store.settings())
    if (isClinicSetting(key)) values.emplace(key, std::move(value));
  return values;
}

ServerClinicSettings readClinicSettings(server::Connection& server) {
  ServerClinicSettings read;
  read.values = serverValues(server, &read);
  return read;
}

std::vector<std::string> pushClinicSettings(server::Connection& server, const SettingValues& here,
                                            const Seals& synced, Seals& agreed) {
  const SettingValues held = serverValues(server);
  std::vector<std::string> sent;
  for (const auto& [key, value] : here) {
    const auto on_server = held.find(key);
    const std::string seal = sha256Hex(value);
    if (on_server == held.end()) {
      server.exec("INSERT INTO securebase.clinic_settings (key, value) VALUES ($1, $2)",
                  {key, value});
    } else {
      // Changed on the server too, or never agreed: the server's stays, and the pull takes it.
      if (whoChanged(seal, sha256Hex(on_server->second), agreedSeal(synced, key)) !=
          Changed::here) {
        continue;
      }
      server.exec("UPDATE securebase.clinic_settings SET value = $2 WHERE key = $1", {key, value});
    }
    sent.push_back(key);
    agreed[agreementKey(key)] = seal;
  }
  return sent;
}

std::vector<std::string> agreeClinicSettings(const SettingValues& before_pull,
                                             const SettingValues& server, const Seals& synced,
                                             Seals& agreed) {
  std::vector<std::string> replaced;
  for (const auto& [key, value] : server) {
    const std::string seal = sha256Hex(value);
    const std::string last = agreedSeal(synced, key);
    const auto here = before_pull.find(key);
    if (here != before_pull.end() && here->second != value && sha256Hex(here->second) != last)
      replaced.push_back(key);
    if (seal != last) agreed[agreementKey(key)] = seal;
  }
  return replaced;
}

}  // namespace securebase::sync::detail
