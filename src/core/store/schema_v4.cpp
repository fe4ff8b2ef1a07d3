// Schema version 4: the audit trail becomes a hash chain (securebase/store/audit_chain.h). Rows
// written before it get their hashes here, in id order, as if they had been chained from the
// start. The trail stays append-only: the update trigger is lifted only while this migration
// fills the new columns, inside its transaction, and a new trigger refuses rows without a hash.
#include <string>
#include <utility>
#include <vector>

#include "schema_sql.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/database.h"

namespace securebase::store::schema {
namespace {

constexpr const char* kAddColumns = R"SQL(
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
DROP TRIGGER audit_log_no_update;
)SQL";

constexpr const char* kSeal = R"SQL(
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;

CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
BEGIN
  SELECT RAISE(ABORT, 'an audit row must carry its chain hash');
END;
)SQL";

struct Link {
  model::Id id;
  std::string prev_hash;
  std::string hash;
};

// Hashes every existing row in id order. Read in full before writing, so the rows are not
// updated under an open scan of the same table.
std::vector<Link> chainExistingRows(Database& db) {
  std::vector<Link> links;
  std::string prev(kAuditGenesisHash);
  auto s = db.prepare(
      "SELECT id, at, actor, entity, entity_id, action, details FROM audit_log ORDER BY id");
  while (s.step()) {
    const AuditRowContent row{s.integer(0),         prev,      s.text(1), s.text(2), s.text(3),
                              s.optionalInteger(4), s.text(5), s.text(6)};
    std::string hash = auditRowHash(row);
    links.push_back({row.id, std::move(prev), hash});
    prev = std::move(hash);
  }
  return links;
}

}  // namespace

void migrateToVersion4(Database& db) {
  db.exec(kAddColumns);
  const auto links = chainExistingRows(db);
  for (const auto& link : links)
    db.prepare("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?")
        .bind(1, link.prev_hash)
        .bind(2, link.hash)
        .bind(3, link.id)
        .run();
  db.exec(kSeal);
}

}  // namespace securebase::store::schema
