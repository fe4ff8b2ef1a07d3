// Many records vouched for by one audit row: the baseline written when a database moves to
// schema version 6, and each generated sample family. The row's content_hash is the digest of
// its entries in record_seals, so an entry changed, added or removed there is found too.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "record_hash.h"
#include "securebase/store/audit_chain.h"

namespace securebase::store {

// Audit actions whose content_hash is a seal digest rather than one record's hash.
bool isSealAction(std::string_view action);

struct SealEntry {
  std::string entity;
  model::Id entity_id = 0;
  std::string hash;
};

// "securebase-record-seal-v1\n" then entity, entity_id and hash of each entry as netstrings, the
// entries ordered by entity (bytewise), then id — the order of record_seals' primary key.
std::string sealDigest(const std::vector<SealEntry>& entries);

// Hashes `records` as they are now, appends `row` (action "baseline" or "generate") with their
// digest and stores the entries under it. Inside the caller's transaction.
void sealRecords(Database& db, AuditRowContent row,
                 const std::vector<std::pair<RecordKind, model::Id>>& records);

// The same under a "baseline" row of the database itself, by "securebase": records a migration
// found or made, vouched for as they are. `details` is the row's JSON.
void sealBaseline(Database& db, std::string details,
                  const std::vector<std::pair<RecordKind, model::Id>>& records);

}  // namespace securebase::store
