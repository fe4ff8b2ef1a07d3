// Schema version 10: "no referral made" is a record of its own. When a counselor marks a wellbeing
// concern and makes no referral, the reason is kept as a row of kind 'no_referral' in the
// referrals table — family, visit, the concern's item, why, when and who — instead of inside the
// concern's note, which stays the counselor's own text. Such a row names nobody to refer to and is
// never open, so the caseload's open-referral counts do not change.
//
// SQLite 3.15 cannot change a column's CHECK in place: the table is made again with the same ids
// and rows (kind 'referral'), and its index and triggers with it.
//
// Before this version (up to 9) the reason was appended to the concern's note as "No referral made:
// …"
// ("Sin derivación: …" in Spanish). Each such note of a visit's current revision becomes a record
// too, dated the visit's day and naming who signed it; the note itself stays as it was (a signed
// visit cannot change). The new records are sealed under one "baseline" audit row.
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "record_hash.h"
#include "record_seals.h"
#include "schema_sql.h"
#include "securebase/core/uuid.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"

namespace securebase::store::schema {
namespace {

// The words the visit editor wrote before version 10, in each interface language.
constexpr const char* kNoteMarkers[] = {"No referral made: ", "Sin derivación: "};

// The reason after the last marker in `note`, trimmed; "" when there is none.
std::string reasonInNote(const std::string& note) {
  std::size_t from = std::string::npos;
  for (const char* marker : kNoteMarkers) {
    const std::size_t at = note.rfind(marker);
    if (at != std::string::npos && (from == std::string::npos || at > from))
      from = at + std::string(marker).size();
  }
  if (from == std::string::npos) return {};
  const std::size_t first = note.find_first_not_of(" \t\n", from);
  if (first == std::string::npos) return {};
  return note.substr(first, note.find_last_not_of(" \t\n") + 1 - first);
}

void recordsFromNotes(Database& db) {
  auto notes = db.prepare(
      "SELECT v.id, v.family_id, v.visit_date, v.signed_by, o.item_id, o.note "
      "FROM observations o JOIN observation_sets s ON s.id = o.set_id "
      "JOIN visits v ON v.id = s.visit_id WHERE v.superseded_by IS NULL AND "
      "(instr(o.note, 'No referral made: ') > 0 OR instr(o.note, 'Sin derivación: ') > 0) "
      "ORDER BY v.id, o.item_id");
  auto insert = db.prepare(
      "INSERT INTO referrals (uuid, family_id, visit_id, to_whom, reason, status, created_on, "
      "kind, concern_item, recorded_by) VALUES (?, ?, ?, '', ?, 'completed', ?, 'no_referral', ?, "
      "?)");
  std::set<std::tuple<model::Id, std::string, std::string>> seen;  // twins share one decision
  std::vector<std::pair<RecordKind, model::Id>> made;
  while (notes.step()) {
    const model::Id visit = notes.integer(0);
    const std::string item = notes.text(4);
    const std::string reason = reasonInNote(notes.text(5));
    if (reason.empty() || !seen.emplace(visit, item, reason).second) continue;
    insert.reset();
    insert.bind(1, newUuid())
        .bind(2, notes.integer(1))
        .bind(3, visit)
        .bind(4, reason)
        .bind(5, notes.text(2))
        .bind(6, item)
        .bind(7, notes.text(3));
    insert.run();
    made.emplace_back(RecordKind::referral, db.lastInsertId());
  }
  if (made.empty()) return;
  sealBaseline(db, "{\"schema\":10,\"no_referral_records\":" + std::to_string(made.size()) + "}",
               made);
}

}  // namespace

void migrateToVersion10(Database& db) {
  db.exec(R"SQL(
CREATE TABLE referrals_v10 (
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
INSERT INTO referrals_v10 (id, uuid, family_id, visit_id, to_whom, reason, status, created_on)
  SELECT id, uuid, family_id, visit_id, to_whom, reason, status, created_on FROM referrals;
DROP TABLE referrals;
ALTER TABLE referrals_v10 RENAME TO referrals;
CREATE INDEX referrals_by_family ON referrals (family_id);
-- What a "no referral" row says is kept as it was made: only its visit link may be cleared
-- (when a draft is discarded).
CREATE TRIGGER no_referral_fixed BEFORE UPDATE ON referrals
WHEN OLD.kind = 'no_referral' AND (NEW.kind IS NOT OLD.kind OR NEW.to_whom IS NOT OLD.to_whom OR
  NEW.reason IS NOT OLD.reason OR NEW.status IS NOT OLD.status OR
  NEW.concern_item IS NOT OLD.concern_item OR NEW.recorded_by IS NOT OLD.recorded_by)
BEGIN
  SELECT RAISE(FAIL, 'a "no referral made" record cannot be changed');
END;
)SQL");
  // The open-referral counts' triggers went with the old table.
  db.exec(openReferralTriggers());
  // The new records are hashed as version 10 reads them (kind and all), inside this transaction.
  db.exec("PRAGMA user_version = 10");
  recordsFromNotes(db);
}

}  // namespace securebase::store::schema
