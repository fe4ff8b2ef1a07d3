#include "securebase/store/audit_chain.h"

#include <cctype>
#include <utility>

#include "batch_insert.h"
#include "netstring.h"
#include "securebase/core/error.h"
#include "securebase/core/sha256.h"
#include "securebase/store/database.h"

namespace securebase::store {
namespace {

std::string rowRange(model::Id first, model::Id last) {
  if (first == last) return "audit row " + std::to_string(first) + " was deleted";
  return "audit rows " + std::to_string(first) + " to " + std::to_string(last) + " were deleted";
}

AuditProblem problem(AuditProblemKind kind, model::Id row_id, std::string message) {
  return {kind, row_id, std::move(message)};
}

// The first problem of `row` given the row before it (none for the first row), or nullopt.
std::optional<AuditProblem> checkRow(const AuditRowContent& row,
                                     const std::optional<std::string>& stored_hash,
                                     bool prev_hash_null, model::Id previous_id,
                                     const std::string& previous_hash) {
  const std::string id = std::to_string(row.id);
  if (!stored_hash || prev_hash_null)
    return problem(AuditProblemKind::unsealed, row.id,
                   "audit row " + id + " has no chain hash: it was written outside SecureBase");
  if (auditRowHash(row) != *stored_hash)
    return problem(AuditProblemKind::edited, row.id,
                   "audit row " + id + " was changed after it was written");
  if (row.id != previous_id + 1) {
    if (row.id > previous_id + 1)
      return problem(AuditProblemKind::deleted, row.id, rowRange(previous_id + 1, row.id - 1));
    return problem(AuditProblemKind::unlinked, row.id,
                   "audit row " + id + " is out of order after row " + std::to_string(previous_id));
  }
  if (row.prev_hash != previous_hash) {
    if (previous_id == 0)
      return problem(AuditProblemKind::unlinked, row.id,
                     "audit row 1 does not start the chain: the trail was rewritten");
    return problem(AuditProblemKind::unlinked, row.id,
                   "audit row " + id + " does not follow row " + std::to_string(previous_id) +
                       ": the trail was rewritten there");
  }
  return std::nullopt;
}

std::string normalizedHashPrefix(std::string_view text) {
  std::string prefix;
  for (const char c : text) {
    if (c == ' ') continue;  // as printed on paper, in groups
    if (!std::isxdigit(static_cast<unsigned char>(c)))
      throwBadInput("an audit chain hash is hex digits 0-9 and a-f, not \"" + std::string(text) +
                    "\"");
    prefix += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (prefix.size() < 16 || prefix.size() > kAuditGenesisHash.size())
    throwBadInput("give at least 16 and at most 64 hex digits of the audit chain hash, not " +
                  std::to_string(prefix.size()));
  return prefix;
}

}  // namespace

std::string auditRowHash(const AuditRowContent& row) {
  const bool v2 = row.counselor_id || row.os_user || row.content_hash;
  std::string message = v2 ? "securebase-audit-v2\n" : "securebase-audit-v1\n";
  appendNetstring(message, row.prev_hash);
  appendNetstring(message, std::to_string(row.id));
  appendNetstring(message, row.at);
  appendNetstring(message, row.actor);
  appendNetstring(message, row.entity);
  appendNetstring(message, row.entity_id ? std::to_string(*row.entity_id) : std::string());
  appendNetstring(message, row.action);
  appendNetstring(message, row.details);
  if (v2) {
    appendNetstring(message, row.counselor_id ? std::to_string(*row.counselor_id) : std::string());
    appendNetstring(message, row.os_user.value_or(""));
    appendNetstring(message, row.content_hash.value_or(""));
  }
  return sha256Hex(message);
}

AuditChainReport verifyAuditChain(Database& db) {
  AuditChainReport report;
  report.head_hash = std::string(kAuditGenesisHash);
  auto s = db.prepare(
      "SELECT id, prev_hash, hash, at, actor, entity, entity_id, action, details, counselor_id, "
      "os_user, content_hash FROM audit_log ORDER BY id");
  while (s.step()) {
    AuditRowContent row{s.integer(0),       s.text(1),         s.text(3),
                        s.text(4),          s.text(5),         s.optionalInteger(6),
                        s.text(7),          s.text(8),         s.optionalInteger(9),
                        s.optionalText(10), s.optionalText(11)};
    const auto stored_hash = s.optionalText(2);
    ++report.rows_checked;
    report.problem = checkRow(row, stored_hash, s.isNull(1), report.head_row_id, report.head_hash);
    if (report.problem) return report;
    report.head_row_id = row.id;
    report.head_hash = *stored_hash;
  }
  return report;
}

std::string auditHead(Database& db) {
  auto s = db.prepare("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
  if (!s.step()) return std::string(kAuditGenesisHash);
  return s.text(0);
}

std::optional<model::Id> auditRowWithHash(Database& db, std::string_view hash_or_prefix) {
  const std::string prefix = normalizedHashPrefix(hash_or_prefix);
  auto s = db.prepare("SELECT id FROM audit_log WHERE substr(hash, 1, ?1) = ?2 ORDER BY id");
  s.bind(1, static_cast<std::int64_t>(prefix.size())).bind(2, prefix);
  if (!s.step()) return std::nullopt;
  return s.integer(0);
}

AuditLink nextAuditLink(Database& db) {
  auto s = db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  if (!s.step()) return {};
  return {s.integer(0) + 1, s.text(1)};
}

model::Id appendAuditRow(Database& db, AuditRowContent row) {
  std::vector<AuditRowContent> rows{std::move(row)};
  appendAuditRows(db, rows);
  return rows.front().id;
}

void appendAuditRows(Database& db, std::vector<AuditRowContent>& rows) {
  if (rows.empty()) return;
  // Reading the last row and appending to it must be one transaction, so that two programs
  // writing at once cannot both link to the same row; callers' transactions are joined.
  db.transaction([&] {
    AuditLink link = nextAuditLink(db);
    std::vector<std::string> hashes;
    hashes.reserve(rows.size());
    for (auto& row : rows) {
      row.id = link.next_id++;
      row.prev_hash = std::move(link.prev_hash);
      hashes.push_back(auditRowHash(row));
      link.prev_hash = hashes.back();
    }
    insertRows(
        db,
        "INSERT OR FAIL INTO audit_log (id, prev_hash, hash, at, actor, entity, entity_id, action, "
        "details, counselor_id, os_user, content_hash)",
        12, rows.size(), [&](Statement& s, int p, std::size_t i) {
          const AuditRowContent& row = rows[i];
          s.bind(p, row.id)
              .bind(p + 1, row.prev_hash)
              .bind(p + 2, hashes[i])
              .bind(p + 3, row.at)
              .bind(p + 4, row.actor)
              .bind(p + 5, row.entity)
              .bind(p + 6, row.entity_id)
              .bind(p + 7, row.action)
              .bind(p + 8, row.details)
              .bind(p + 9, row.counselor_id)
              .bind(p + 10, row.os_user)
              .bind(p + 11, row.content_hash);
        });
  });
}

}  // namespace securebase::store
