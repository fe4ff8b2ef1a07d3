// Families reassigned away on the agency server: read-only here, and pruned on request
// (store schema 12, schema_v12.cpp).
#include <boost/json/serialize.hpp>

#include "rows.h"
#include "securebase/core/error.h"
#include "securebase/store/store.h"

namespace securebase::store {
namespace json = boost::json;

namespace {

constexpr const char* kReadOnlySelect =
    "SELECT r.family_id, f.uuid, f.display_name, r.held_by, r.since FROM read_only_families r "
    "JOIN families f ON f.id = r.family_id";

std::string readOnlySelect(std::string_view tail) {
  std::string sql(kReadOnlySelect);
  sql += tail;
  return sql;
}

ReadOnlyFamily readOnlyRow(Statement& s) {
  return {s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4)};
}

std::vector<Id> idsOf(Database& db, const std::string& sql, Id family_id) {
  auto s = db.prepare(sql);
  s.bind(1, family_id);
  std::vector<Id> ids;
  while (s.step()) ids.push_back(s.integer(0));
  return ids;
}

}  // namespace

std::optional<ReadOnlyFamily> Store::readOnlyFamily(Id family_id) {
  auto s = db_.prepare(readOnlySelect(" WHERE r.family_id = ?"));
  s.bind(1, family_id);
  if (!s.step()) return std::nullopt;
  return readOnlyRow(s);
}

std::vector<ReadOnlyFamily> Store::readOnlyFamilies() {
  auto s = db_.prepare(readOnlySelect(" ORDER BY f.display_name, f.id"));
  std::vector<ReadOnlyFamily> list;
  while (s.step()) list.push_back(readOnlyRow(s));
  return list;
}

void Store::requireWritable(Id family_id) {
  if (const auto held = readOnlyFamily(family_id))
    throwBadInput(
        errorText("family {1} was reassigned to {2} on the agency server; it is read-only here",
                  held->display_name, held->held_by));
}

void Store::markReadOnly(Id family_id, const std::string& held_by) {
  db_.transaction([&] {
    const auto before = readOnlyFamily(family_id);
    if (before && before->held_by == held_by) return;
    family(family_id);  // Error(not_found) for no such family
    db_.prepare(
           "INSERT OR REPLACE INTO read_only_families (family_id, held_by, since) VALUES (?, ?, "
           "?)")
        .bind(1, family_id)
        .bind(2, held_by)
        .bind(3, before ? before->since : nowTimestamp())
        .run();
    audit("family", family_id, "read-only", json::serialize(json::object{{"held_by", held_by}}));
  });
}

void Store::markWritable(Id family_id) {
  db_.transaction([&] {
    const auto before = readOnlyFamily(family_id);
    if (!before) return;
    db_.prepare("DELETE FROM read_only_families WHERE family_id = ?").bind(1, family_id).run();
    audit("family", family_id, "writable",
          json::serialize(json::object{{"was_held_by", before->held_by}}));
  });
}

void Store::pruneFamily(Id family_id) {
  db_.transaction([&] {
    const auto held = readOnlyFamily(family_id);
    if (!held)
      throwBadInput(errorText(
          "family {1} is not read-only here: only a family reassigned away on the agency server "
          "is pruned",
          family_id));
    // Every record removed, by kind, children of a record before the record.
    struct Part {
      const char* entity;
      const char* table;
      std::vector<Id> ids;
    };
    std::vector<Part> parts = {{"referral", "referrals", {}},
                               {"goal", "goals", {}},
                               {"visit", "visits", {}},
                               {"caregiver", "caregivers", {}},
                               {"child", "children", {}}};
    for (auto& part : parts)
      part.ids = idsOf(
          db_, std::string("SELECT id FROM ") + part.table + " WHERE family_id = ? ORDER BY id",
          family_id);
    std::vector<AuditRowContent> rows;
    const AuditRowContent common = auditRow("family", std::nullopt, "prune", std::string());
    std::size_t records = 0;
    for (const auto& part : parts)
      for (const Id id : part.ids) {
        auto uuid = db_.prepare(std::string("SELECT uuid FROM ") + part.table + " WHERE id = ?");
        uuid.bind(1, id);
        uuid.step();
        AuditRowContent& row = rows.emplace_back(common);
        row.entity = part.entity;
        row.entity_id = id;
        row.details = json::serialize(json::object{{"uuid", uuid.text(0)}});
        row.content_hash = std::string();  // gone on purpose (record_audit.h)
        db_.prepare("DELETE FROM sync_seals WHERE uuid = ?").bind(1, uuid.text(0)).run();
        ++records;
      }
    // The signed visits' delete refusal gives way for this family, inside this transaction.
    db_.prepare("UPDATE read_only_families SET pruning = 1 WHERE family_id = ?")
        .bind(1, family_id)
        .run();
    for (const char* sql : {
             "DELETE FROM referrals WHERE family_id = ?1",
             "DELETE FROM goals WHERE family_id = ?1",
             "DELETE FROM observations WHERE set_id IN (SELECT s.id FROM observation_sets s "
             "JOIN visits v ON v.id = s.visit_id WHERE v.family_id = ?1)",
             "DELETE FROM observation_sets WHERE visit_id IN "
             "(SELECT id FROM visits WHERE family_id = ?1)",
             "DELETE FROM visit_section_scores WHERE visit_id IN "
             "(SELECT id FROM visits WHERE family_id = ?1)",
             "DELETE FROM visit_scores WHERE visit_id IN (SELECT id FROM visits WHERE family_id = "
             "?1)",
             "DELETE FROM visits WHERE family_id = ?1",
             "DELETE FROM caregivers WHERE family_id = ?1",
             "DELETE FROM children WHERE family_id = ?1",
             "DELETE FROM read_only_families WHERE family_id = ?1",
             "DELETE FROM families WHERE id = ?1",
         })
      db_.prepare(sql).bind(1, family_id).run();
    db_.prepare("DELETE FROM sync_seals WHERE uuid = ?").bind(1, held->uuid).run();
    AuditRowContent& row = rows.emplace_back(common);
    row.entity_id = family_id;
    row.details =
        json::serialize(json::object{{"uuid", held->uuid},
                                     {"display_name", held->display_name},
                                     {"held_by", held->held_by},
                                     {"pruned_by", counselor_.empty() ? actor_ : counselor_},
                                     {"records", records}});
    row.content_hash = std::string();
    appendOrHold(std::move(rows));
  });
}

}  // namespace securebase::store
