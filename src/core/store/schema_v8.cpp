// Schema version 8: an amendment says why it was made. The reason is written when the
// amendment starts (Store::amendVisit, which refuses an empty one) and, like every other part of
// a signed visit, can no longer change once the amendment is signed. Visits made before this
// version have an empty reason; only amendments made from now on carry one.
#include "schema_sql.h"
#include "securebase/store/database.h"

namespace securebase::store::schema {

void migrateToVersion8(Database& db) {
  db.exec(R"SQL(
ALTER TABLE visits ADD COLUMN amend_reason TEXT NOT NULL DEFAULT '';
-- The view's "*" was expanded when it was made: made again, it has the new column too.
DROP VIEW current_visits;
CREATE VIEW current_visits AS
  SELECT * FROM visits WHERE status = 'signed' AND superseded_by IS NULL;
CREATE TRIGGER signed_visit_reason_fixed BEFORE UPDATE OF amend_reason ON visits
WHEN OLD.status = 'signed' AND NEW.amend_reason IS NOT OLD.amend_reason
BEGIN
  SELECT RAISE(ABORT, 'a signed visit cannot be edited; amend it instead');
END;
)SQL");
}

}  // namespace securebase::store::schema
