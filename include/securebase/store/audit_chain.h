// The audit trail as a hash chain, so an edited or deleted row can be found and named.
//
// Each audit_log row stores prev_hash (the hash of the row before it; for the first row, 64
// zeros) and hash, the lower-case hex SHA-256 of
//
//   "securebase-audit-v1\n" followed by eight netstrings, in this order:
//   prev_hash, id, at, actor, entity, entity_id, action, details
//
// Rows written since schema 5 that carry any of counselor_id (the counselor at work), os_user
// (the operating-system login, a second field) or, since schema 6, content_hash (the hash of the
// record the row changed as it stood after the change; securebase/store/record_audit.h) are
// hashed as "securebase-audit-v2\n" followed by the same eight netstrings and three more:
// counselor_id (decimal), os_user and content_hash, each empty when NULL. Older rows keep their
// v1 hashes, so a chain spanning the upgrade verifies unchanged.
//
// What the check finds on its own: a row whose content no longer matches its hash (edited), a
// missing number or a first row that is not 1 (deleted), a row that does not link to the one
// before it (the chain was rewritten there), a row with no hash (written outside SecureBase).
// What it cannot find on its own: the last rows deleted, or the whole chain recomputed after an
// edit — the hash is not keyed, so anyone who can write the file can rebuild a consistent chain.
// Against those, the head hash printed on signed visit summaries and progress reports is the
// anchor: a hash once printed must stay in the chain (auditRowWithHash).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/model/entities.h"

namespace securebase::store {

class Database;

// prev_hash of the first row, and the head of an empty trail.
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// What one row's hash covers.
struct AuditRowContent {
  model::Id id = 0;
  std::string prev_hash;
  std::string at;
  std::string actor;
  std::string entity;
  std::optional<model::Id> entity_id;
  std::string action;
  std::string details;
  // Since schema 5 (audit-v2): who was working and, as a second field, the system login.
  std::optional<model::Id> counselor_id;
  std::optional<std::string> os_user;
  // Since schema 6: the hash of the record the row changed, as it stood after the change.
  std::optional<std::string> content_hash;
};

// The hash defined above.
std::string auditRowHash(const AuditRowContent& row);

enum class AuditProblemKind {
  edited,    // the row's content does not match its hash
  deleted,   // one or more rows before this one are missing
  unlinked,  // prev_hash is not the previous row's hash: the chain was rewritten there
  unsealed,  // no hash at all: the row was written outside SecureBase
};

struct AuditProblem {
  AuditProblemKind kind = AuditProblemKind::edited;
  model::Id row_id = 0;  // the row where the check failed
  std::string message;   // one line naming the row(s), e.g. "audit row 17 was changed after…"
};

struct AuditChainReport {
  std::int64_t rows_checked = 0;  // rows read up to and including the first problem
  model::Id head_row_id = 0;      // the last row (0 for an empty trail)
  std::string head_hash;          // its stored hash, or kAuditGenesisHash when empty
  std::optional<AuditProblem> problem;
  bool ok() const { return !problem; }
};

// Reads the whole trail in id order and stops at the first problem. Read-only.
AuditChainReport verifyAuditChain(Database& db);

// The hash of the last row (kAuditGenesisHash for an empty trail), as printed on paper.
// Cheap: one indexed read, no check.
std::string auditHead(Database& db);

// The row whose hash is `hash_or_prefix` (lower- or upper-case hex, at least 16 digits, spaces
// between groups ignored), if any: a head printed earlier is found again however many rows were
// written since. Throws Error(bad_input) for anything else.
std::optional<model::Id> auditRowWithHash(Database& db, std::string_view hash_or_prefix);

// The prev_hash and id the next row takes. Call inside the transaction that inserts it.
struct AuditLink {
  model::Id next_id = 1;
  std::string prev_hash{kAuditGenesisHash};
};
AuditLink nextAuditLink(Database& db);

// Appends `row` to the trail (its id and prev_hash are taken from the last row, inside one
// transaction joined with the caller's) and returns its id.
model::Id appendAuditRow(Database& db, AuditRowContent row);
// Appends `rows` in order, each linked to the one before, a few dozen per INSERT; sets their ids
// and prev_hash.
void appendAuditRows(Database& db, std::vector<AuditRowContent>& rows);

}  // namespace securebase::store
