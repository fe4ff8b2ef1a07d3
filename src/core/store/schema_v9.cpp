// Schema version 9: "no referral made" is a record of its own. When a counselor marks a wellbeing
// concern and makes no referral, the reason is kept as a row of kind 'no_referral' in the
// referrals table — family, visit, the concern's item, why, when and who — instead of inside the
// concern's note, which stays the counselor's own text. Such a row names nobody to refer to and is
// never open, so the caseload's open-referral counts do not change.
//
// SQLite 3.15 cannot change a column's CHECK in place: the table is made again with the same ids
// and rows (kind 'referral'), and its index and triggers with it.
#include "schema_sql.h"
#include "securebase/store/database.h"

namespace securebase::store::schema {

void migrateToVersion9(Database& db) {
  db.exec(R"SQL(
CREATE TABLE referrals_v9 (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  family_id    INTEGER NOT NULL REFERENCES families (id),
  visit_id     INTEGER REFERENCES visits (id),
  to_whom      TEXT NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'declined')),
  created_on   TEXT NOT NULL,
  kind         TEXT NOT NULL DEFAULT 'referral' CHECK (kind IN ('referral', 'no_referral')),
  concern_item TEXT NOT NULL DEFAULT '',
  recorded_by  TEXT NOT NULL DEFAULT '',
  CHECK ((kind = 'referral' AND length(to_whom) > 0) OR
         (kind = 'no_referral' AND to_whom = '' AND length(reason) > 0 AND status = 'completed'))
);
INSERT INTO referrals_v9 (id, uuid, family_id, visit_id, to_whom, reason, status, created_on)
  SELECT id, uuid, family_id, visit_id, to_whom, reason, status, created_on FROM referrals;
DROP TABLE referrals;
ALTER TABLE referrals_v9 RENAME TO referrals;
CREATE INDEX referrals_by_family ON referrals (family_id);
-- What a "no referral" row says is kept as it was made: only its visit link may be cleared
-- (when a draft is discarded).
CREATE TRIGGER no_referral_fixed BEFORE UPDATE ON referrals
WHEN OLD.kind = 'no_referral' AND (NEW.kind IS NOT OLD.kind OR NEW.to_whom IS NOT OLD.to_whom OR
  NEW.reason IS NOT OLD.reason OR NEW.status IS NOT OLD.status OR
  NEW.concern_item IS NOT OLD.concern_item OR NEW.recorded_by IS NOT OLD.recorded_by)
BEGIN
  SELECT RAISE(ABORT, 'a "no referral made" record cannot be changed');
END;
)SQL");
  // The open-referral counts' triggers went with the old table.
  db.exec(openReferralTriggers());
}

}  // namespace securebase::store::schema
