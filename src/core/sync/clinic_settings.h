// The clinic's settings on the agency server (server schema 5): supervisor-owned. A
// supervisor's laptop sends each one changed here since the last sync; every laptop takes the
// server's at the pull, through import's writing of clinic settings (validated, audited, each
// change listed). The server wins: a clinic setting changed on a laptop and on the server since
// the last sync, or changed on a counselor's laptop at all, gives way to the server's. Personal
// and device settings never travel.
//
// The last agreement on each is kept beside the records' (synced_seals.h), under the key
// "setting <key>" and the SHA-256 of the value.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "securebase/server/connection.h"
#include "securebase/store/store.h"
#include "synced_seals.h"

namespace securebase::sync::detail {

using SettingValues = std::map<std::string, std::string>;  // value by key

// The clinic settings this laptop holds (only those set here).
SettingValues localClinicSettings(store::Store& store);

// The server's clinic settings this program knows, and the highest change number among them.
struct ServerClinicSettings {
  SettingValues values;
  long long highest_change = 0;
};
ServerClinicSettings readClinicSettings(server::Connection& server);

// Inside the push's transaction, on a supervisor's login only: writes to the server each
// clinic setting changed here alone since the last sync (or that the server lacks). Returns
// their keys; `agreed` gains what both sides hold once the push commits.
std::vector<std::string> pushClinicSettings(server::Connection& server, const SettingValues& here,
                                            const Seals& synced, Seals& agreed);

// After the pull wrote the server's values: the keys whose value here was changed since the
// last sync (or never agreed) and gave way to the server's. `agreed` gains the server's values.
std::vector<std::string> agreeClinicSettings(const SettingValues& before_pull,
                                             const SettingValues& server, const Seals& synced,
                                             Seals& agreed);

}  // namespace securebase::sync::detail
