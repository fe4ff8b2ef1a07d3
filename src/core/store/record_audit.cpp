// Record content against the audit trail (securebase/store/record_audit.h), and the seals that
// vouch for many records at once (record_seals.h).
#include "securebase/store/record_audit.h"

#include <algorithm>
#include <map>
#include <utility>

#include "netstring.h"
#include "record_hash.h"
#include "record_seals.h"
#include "securebase/core/sha256.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"

namespace securebase::store {
namespace {

using RecordKey = std::pair<RecordKind, model::Id>;

// The newest statement about a record: which audit row made it, and the hash it vouches for.
struct Explanation {
  model::Id audit_id = 0;
  std::string hash;
  bool record_exists = false;
};

void explain(std::map<RecordKey, Explanation>& explained, const RecordKey& key, model::Id audit_id,
             std::string hash) {
  auto& slot = explained[key];
  if (audit_id >= slot.audit_id) slot = {audit_id, std::move(hash), false};
}

RecordProblem problem(RecordKind kind, model::Id id, bool is_signed, std::string_view what) {
  const std::string name = std::string(is_signed ? "signed " : "") +
                           std::string(recordKindName(kind)) + " " + std::to_string(id);
  return {std::string(recordKindName(kind)), id,
          name + " was " + std::string(what) + " outside SecureBase"};
}

// Checks every seal's entries against the digest its audit row carries, and takes the entries
// as explanations of their records.
void readSeals(Database& db, const std::map<model::Id, std::string>& seal_rows,
               std::map<RecordKey, Explanation>& explained, std::vector<RecordProblem>& problems) {
  std::map<model::Id, std::vector<SealEntry>> entries;
  auto s = db.prepare(
      "SELECT audit_id, entity, entity_id, hash FROM record_seals "
      "ORDER BY audit_id, entity, entity_id");
  while (s.step()) {
    SealEntry entry{s.text(1), s.integer(2), s.text(3)};
    if (const auto kind = recordKindOfEntity(entry.entity))
      explain(explained, {*kind, entry.entity_id}, s.integer(0), entry.hash);
    entries[s.integer(0)].push_back(std::move(entry));
  }
  for (const auto& [audit_id, digest] : seal_rows) {
    const auto found = entries.find(audit_id);
    const std::string actual =
        sealDigest(found == entries.end() ? std::vector<SealEntry>{} : found->second);
    if (actual != digest)
      problems.push_back({"audit", audit_id,
                          "the record hashes sealed by audit row " + std::to_string(audit_id) +
                              " were changed outside SecureBase"});
  }
  for (const auto& [audit_id, list] : entries)
    if (!seal_rows.count(audit_id))
      problems.push_back({"audit", audit_id,
                          "record hashes under audit row " + std::to_string(audit_id) +
                              " were added outside SecureBase"});
}

}  // namespace

bool isSealAction(std::string_view action) {
  return action == "baseline" || action == "generate";
}

std::string sealDigest(const std::vector<SealEntry>& entries) {
  std::string message = "securebase-record-seal-v1\n";
  for (const auto& entry : entries) {
    appendNetstring(message, entry.entity);
    appendNetstring(message, std::to_string(entry.entity_id));
    appendNetstring(message, entry.hash);
  }
  return sha256Hex(message);
}

void sealBaseline(Database& db, std::string details,
                  const std::vector<std::pair<RecordKind, model::Id>>& records) {
  AuditRowContent row;
  row.at = nowTimestamp();
  row.actor = "securebase";
  row.entity = "database";
  row.action = "baseline";
  row.details = std::move(details);
  sealRecords(db, std::move(row), records);
}

void sealRecords(Database& db, AuditRowContent row,
                 const std::vector<std::pair<RecordKind, model::Id>>& records) {
  std::vector<SealEntry> entries;
  entries.reserve(records.size());
  for (const auto& [kind, id] : records)
    if (auto hash = recordHash(db, kind, id))
      entries.push_back({std::string(recordKindName(kind)), id, std::move(*hash)});
  std::sort(entries.begin(), entries.end(), [](const SealEntry& a, const SealEntry& b) {
    return std::tie(a.entity, a.entity_id) < std::tie(b.entity, b.entity_id);
  });
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const SealEntry& a, const SealEntry& b) {
                              return a.entity == b.entity && a.entity_id == b.entity_id;
                            }),
                entries.end());
  row.content_hash = sealDigest(entries);
  const model::Id audit_id = appendAuditRow(db, std::move(row));
  auto insert = db.prepare(
      "INSERT INTO record_seals (audit_id, entity, entity_id, hash) VALUES (?, ?, ?, ?)");
  for (const auto& entry : entries) {
    insert.reset();
    insert.bind(1, audit_id).bind(2, entry.entity).bind(3, entry.entity_id).bind(4, entry.hash);
    insert.run();
  }
}

std::string RecordContentReport::summary() const {
  std::string line;
  for (const auto& p : problems) {
    if (!line.empty()) line += "; ";
    line += p.message;
  }
  return line;
}

RecordContentReport verifyRecordContent(Database& db) {
  RecordContentReport report;
  std::map<RecordKey, Explanation> explained;
  std::map<model::Id, std::string> seal_rows;
  auto rows = db.prepare(
      "SELECT id, entity, entity_id, action, content_hash FROM audit_log "
      "WHERE content_hash IS NOT NULL ORDER BY id");
  while (rows.step()) {
    if (isSealAction(rows.text(3))) {
      seal_rows[rows.integer(0)] = rows.text(4);
      continue;
    }
    const auto kind = recordKindOfEntity(rows.text(1));
    if (kind && !rows.isNull(2))
      explain(explained, {*kind, rows.integer(2)}, rows.integer(0), rows.text(4));
  }
  readSeals(db, seal_rows, explained, report.problems);

  for (const RecordKind kind : kRecordKinds) {
    const bool visits = kind == RecordKind::visit;
    auto ids = db.prepare(std::string("SELECT id, ") + (visits ? "status = 'signed'" : "0") +
                          " FROM " + recordTable(kind) + " ORDER BY id");
    while (ids.step()) {
      const RecordKey key{kind, ids.integer(0)};
      const bool is_signed = ids.integer(1) != 0;
      ++report.records_checked;
      const auto found = explained.find(key);
      if (found == explained.end()) {
        report.problems.push_back(problem(kind, key.second, is_signed, "added"));
        continue;
      }
      found->second.record_exists = true;
      // An empty hash: the newest row discarded the record, so it should not be here.
      if (found->second.hash.empty()) {
        report.problems.push_back(problem(kind, key.second, is_signed, "added"));
        continue;
      }
      if (recordHash(db, kind, key.second) != found->second.hash)
        report.problems.push_back(problem(kind, key.second, is_signed, "changed"));
    }
  }
  for (const auto& [key, explanation] : explained)
    if (!explanation.record_exists && !explanation.hash.empty())
      report.problems.push_back(problem(key.first, key.second, false, "deleted"));
  return report;
}

}  // namespace securebase::store
