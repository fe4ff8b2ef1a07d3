// Schema version 5: one truth about what counts.
//
// - `current_visits` — the visits behind flags, trends, section scores, "last visit" and "next
//   due" — becomes signed visits that no signed amendment has replaced. A draft (a new visit in
//   progress, or an amendment not yet signed) never moves any of them; version 2 counted a new
//   visit from its first rating. The triggers of versions 2 and 3 read the view by name, so
//   they follow the new rule; every family's summary is recomputed here.
// - Drafts in progress are found through a partial index, for the caseload's draft marker.
// - Audit rows gain the counselor at work (counselor_id, with the name in `actor`) and the
//   operating-system login as a second field (os_user). Both are NULL on older rows, whose
//   hashes stay as they were; rows that carry them are hashed as audit-v2 (audit_chain.h).
#include <string>

#include "schema_sql.h"

namespace securebase::store::schema {
namespace {

constexpr const char* kCountSignedOnly = R"SQL(
DROP VIEW current_visits;
CREATE VIEW current_visits AS
  SELECT * FROM visits WHERE status = 'signed' AND superseded_by IS NULL;

CREATE INDEX visits_drafts ON visits (family_id, visit_date) WHERE status = 'draft';

UPDATE families SET
  last_completed_date = (SELECT visit_date FROM current_visits c
                         WHERE c.family_id = families.id AND c.outcome = 'completed'
                         ORDER BY visit_date DESC, id DESC LIMIT 1),
  last_completed_next_planned = (SELECT next_planned FROM current_visits c
                         WHERE c.family_id = families.id AND c.outcome = 'completed'
                         ORDER BY visit_date DESC, id DESC LIMIT 1);

ALTER TABLE audit_log ADD COLUMN counselor_id INTEGER;
ALTER TABLE audit_log ADD COLUMN os_user TEXT;
)SQL";

}  // namespace

std::string version5() {
  return std::string(kCountSignedOnly) + refreshTrendSql("families.id") + "\n";
}

}  // namespace securebase::store::schema
