// What this laptop last agreed on with the server (store schema 11): each synced family's,
// caregiver's, child's, goal's and referral's seal as both sides held it at the last sync.
// Against it a sync tells who changed a record: this laptop, the server, or both (a conflict).
#pragma once

#include <map>
#include <string>

#include "securebase/exchange/exchange_data.h"
#include "securebase/store/database.h"

namespace securebase::sync::detail {

using Seals = std::map<std::string, std::string>;  // seal by record uuid

// The editable records of `data` (families, people, goals, referrals) with their seals now.
Seals editableSeals(const exchange::ExchangeData& data);

Seals readSyncedSeals(store::Database& db);
// Records `agreed` as the last agreement, in one local transaction. Call only once the other
// side committed.
void writeSyncedSeals(store::Database& db, const Seals& agreed);

// Who changed a record since the last sync, from its seal here, on the server and as agreed
// ("" when never agreed). Without an agreement two different seals cannot be told apart: both.
enum class Changed { neither, here, server, both };
Changed whoChanged(const std::string& here, const std::string& server, const std::string& agreed);

}  // namespace securebase::sync::detail
