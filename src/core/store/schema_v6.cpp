// Schema version 6: tamper-evident records (securebase/store/record_audit.h). Audit rows gain
// content_hash; record_seals holds hashes vouched for in bulk. The records already in the
// database are sealed here, under one "baseline" audit row, so an old database verifies clean
// and any later change outside SecureBase shows.
#include <string>
#include <utility>
#include <vector>

#include "record_hash.h"
#include "record_seals.h"
#include "schema_sql.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"

namespace securebase::store::schema {
namespace {

constexpr const char* kAddTables = R"SQL(
ALTER TABLE audit_log ADD COLUMN content_hash TEXT;

CREATE TABLE record_seals (
  audit_id  INTEGER NOT NULL REFERENCES audit_log (id),
  entity    TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  hash      TEXT NOT NULL,
  PRIMARY KEY (audit_id, entity, entity_id)
) WITHOUT ROWID;

CREATE TRIGGER record_seals_no_update BEFORE UPDATE ON record_seals
BEGIN
  SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;

CREATE TRIGGER record_seals_no_delete BEFORE DELETE ON record_seals
BEGIN
  SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;
)SQL";

}  // namespace

void migrateToVersion6(Database& db) {
  db.exec(kAddTables);
  std::vector<std::pair<RecordKind, model::Id>> records;
  for (const RecordKind kind : kRecordKinds) {
    auto ids = db.prepare(std::string("SELECT id FROM ") + recordTable(kind) + " ORDER BY id");
    while (ids.step()) records.emplace_back(kind, ids.integer(0));
  }
  if (records.empty()) return;  // a new database: its records are audited as they come
  sealBaseline(db, "{\"schema\":6,\"records\":" + std::to_string(records.size()) + "}", records);
}

}  // namespace securebase::store::schema
