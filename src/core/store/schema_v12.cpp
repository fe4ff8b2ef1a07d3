// Schema version 12: two records of one family merged on the agency server (the server's
// schema 5). The server keeps one family and files the other's caregivers, children, visits,
// goals and referrals under it; at its next sync a laptop holding both does the same here.
// family_merges says which family went into which, and is never changed. A signed visit's seal
// covers its content, observations and signer, not the family it is filed under, so the guard
// of signed visits lets exactly one more change through: its family moved along a recorded
// merge. The trigger is made again from its own text (as version 9 did), with that exception.
#include <string>

#include "schema_sql.h"
#include "securebase/core/error.h"
#include "securebase/store/database.h"

namespace securebase::store::schema {

void migrateToVersion12(Database& db) {
  db.exec(R"SQL(
CREATE TABLE family_merges (
  loser_uuid  TEXT PRIMARY KEY,
  winner_uuid TEXT NOT NULL,
  merged_at   TEXT NOT NULL,
  details     TEXT NOT NULL DEFAULT '{}'
) WITHOUT ROWID;
CREATE TRIGGER family_merges_no_update BEFORE UPDATE ON family_merges
BEGIN
  SELECT RAISE(FAIL, 'a family merge cannot be changed');
END;
CREATE TRIGGER family_merges_no_delete BEFORE DELETE ON family_merges
BEGIN
  SELECT RAISE(FAIL, 'a family merge cannot be changed');
END;
)SQL");
  std::string sql;
  {
    auto s = db.prepare(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
        "name = 'signed_visit_no_update'");
    if (s.step()) sql = s.text(0);
  }
  const std::string moved = "NEW.family_id IS NOT OLD.family_id";
  const auto at = sql.find(moved);
  if (at == std::string::npos)
    throwDatabase(errorText("the guard of signed visits is not the one this program made"));
  sql.replace(at, moved.size(),
              "(" + moved +
                  " AND NOT EXISTS (SELECT 1 FROM family_merges m "
                  "JOIN families l ON l.uuid = m.loser_uuid "
                  "JOIN families w ON w.uuid = m.winner_uuid "
                  "WHERE l.id = OLD.family_id AND w.id = NEW.family_id))");
  db.exec("DROP TRIGGER signed_visit_no_update");
  db.exec(sql);
}

}  // namespace securebase::store::schema
