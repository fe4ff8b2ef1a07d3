// Tamper-evident records: every record's current content must be explained by the audit trail.
//
// From schema version 6 on, each audit row that changes a record (counselor, family, caregiver,
// child, visit with its observations, goal, referral) carries content_hash: the hash of that
// record as it stood after the change (the definition is in src/core/store/record_hash.h). Signing
// a visit writes such a row, so a signature covers the visit's content and observations; signing
// an amendment writes a second row for the original it supersedes. Records vouched for in bulk —
// those already in a database when it moved to version 6 ("baseline") and generated sample
// families ("generate") — have their hashes in the table record_seals, under one audit row whose
// content_hash is the digest of those entries. A draft discarded by the store (Store::discardVisit)
// has a "discard" row with an empty content_hash: the record is gone on purpose.
//
// verifyRecordContent recomputes every record's hash and compares it with the newest audit row
// (or sealed entry) for that record: a record changed with raw SQL — a signed visit's rating,
// a superseded_by link, a family's phone — or added or deleted outside SecureBase is named.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "securebase/model/entities.h"

namespace securebase::store {

class Database;

struct RecordProblem {
  std::string entity;  // "family", "visit", …
  model::Id id = 0;
  std::string message;  // "signed visit 2 was changed outside SecureBase"
};

struct RecordContentReport {
  std::int64_t records_checked = 0;
  std::vector<RecordProblem> problems;  // by kind, then id
  bool ok() const { return problems.empty(); }
  // One line naming every problem, for an error message.
  std::string summary() const;
};

// Reads every record and the audit trail. Read-only. Assumes the chain itself was verified
// (verifyAuditChain): a row edited in place is that check's to name.
RecordContentReport verifyRecordContent(Database& db);

}  // namespace securebase::store
