// Schema version 13: families reassigned away on the agency server are read-only here. A sync
// that finds a family this laptop holds assigned to another counselor on the server writes it
// into read_only_families (with that counselor's name and when it was found); a later sync
// that finds it this login's again takes it out. Device-local, like sync_seals: never
// exported, imported or backed up apart from the file itself.
//
// The store refuses every change to such a family with a message naming who holds it now
// (Store::requireWritable); the triggers below are the safety net under it, in the style of the
// signed-visit triggers: nothing can be added to the family, and nothing a person entered in it
// can change. Discarding a draft stays possible (it never leaves the laptop anyway): deletes
// are not refused, and clearing a goal's or referral's link to a discarded draft is no edit.
//
// With triggers of their own, caregivers, children and goals are written INSERT OR FAIL like
// the other records (batch_insert.h): a statement that fires triggers and may ABORT keeps a
// statement journal, which an import pays for on every row.
//
// Pruning (sync --prune) removes such a family, signed visits and all. Signed visits refuse
// deletion since version 1; from this version on they give way while, and only while, their
// family is marked `pruning` — which only Store::pruneFamily sets, inside the transaction that
// deletes the family, audits each record removed and takes the family out of this table.
#include <string>

#include "schema_sql.h"
#include "securebase/store/database.h"

namespace securebase::store::schema {
namespace {

constexpr const char* kRefusal =
    "'this family was reassigned on the agency server; it is read-only here'";

// "EXISTS (…)" true when the family `family` (an SQL expression) is read-only here.
std::string readOnly(const std::string& family) {
  return "EXISTS (SELECT 1 FROM read_only_families WHERE family_id = " + family + ")";
}

std::string refuse(const std::string& name, const std::string& when, const std::string& family) {
  return "CREATE TRIGGER " + name + " " + when + " WHEN " + readOnly(family) +
         " BEGIN SELECT RAISE(FAIL, " + kRefusal + "); END;\n";
}

// The family of observation set `set`.
std::string familyOfSet(const std::string& set) {
  return "(SELECT v.family_id FROM observation_sets s JOIN visits v ON v.id = s.visit_id "
         "WHERE s.id = " +
         set + ")";
}

// True while the family of a signed visit's part is being pruned: the only time it may go.
std::string beingPruned(const std::string& family) {
  return "EXISTS (SELECT 1 FROM read_only_families WHERE family_id = " + family +
         " AND pruning = 1)";
}

}  // namespace

void migrateToVersion13(Database& db) {
  std::string sql = R"SQL(
CREATE TABLE read_only_families (
  family_id INTEGER PRIMARY KEY REFERENCES families (id),
  held_by   TEXT NOT NULL,
  since     TEXT NOT NULL,
  pruning   INTEGER NOT NULL DEFAULT 0 CHECK (pruning IN (0, 1))
);
)SQL";
  for (const char* table : {"caregivers", "children", "visits", "goals", "referrals"})
    sql += refuse(std::string("read_only_") + table + "_no_insert",
                  std::string("BEFORE INSERT ON ") + table, "NEW.family_id");
  // What a person entered; the columns the caseload triggers keep (summary, trend, counts)
  // are left out, so discarding a draft still updates them.
  sql += refuse("read_only_family_no_update",
                "BEFORE UPDATE OF uuid, display_name, language, status, closing_reason, "
                "visit_frequency_days, counselor_id, address, phone, created_on ON families",
                "OLD.id");
  for (const char* table : {"caregivers", "children", "visits"})
    sql += refuse(std::string("read_only_") + table + "_no_update",
                  std::string("BEFORE UPDATE ON ") + table, "OLD.family_id");
  sql += refuse("read_only_goals_no_update",
                "BEFORE UPDATE OF uuid, family_id, text, status, created_on ON goals",
                "OLD.family_id");
  sql += refuse("read_only_referrals_no_update",
                "BEFORE UPDATE OF uuid, family_id, to_whom, reason, status, created_on, kind, "
                "concern_item, recorded_by ON referrals",
                "OLD.family_id");
  sql += refuse("read_only_sets_no_insert", "BEFORE INSERT ON observation_sets",
                "(SELECT family_id FROM visits WHERE id = NEW.visit_id)");
  sql += refuse("read_only_observations_no_insert", "BEFORE INSERT ON observations",
                familyOfSet("NEW.set_id"));
  sql += refuse("read_only_observations_no_update", "BEFORE UPDATE ON observations",
                familyOfSet("OLD.set_id"));

  // The signed-visit delete refusals (versions 1 and 9), with the one exception above.
  sql += R"SQL(
DROP TRIGGER signed_visit_no_delete;
DROP TRIGGER signed_visit_sets_no_delete;
DROP TRIGGER signed_observation_no_delete;
CREATE TRIGGER signed_visit_no_delete BEFORE DELETE ON visits
WHEN OLD.status = 'signed' AND NOT )SQL" +
         beingPruned("OLD.family_id") + R"SQL(
BEGIN
  SELECT RAISE(FAIL, 'a signed visit cannot be deleted');
END;
CREATE TRIGGER signed_visit_sets_no_delete BEFORE DELETE ON observation_sets
WHEN (SELECT status FROM visits WHERE id = OLD.visit_id) = 'signed' AND NOT )SQL" +
         beingPruned("(SELECT family_id FROM visits WHERE id = OLD.visit_id)") + R"SQL(
BEGIN
  SELECT RAISE(FAIL, 'a signed visit cannot be edited; amend it instead');
END;
CREATE TRIGGER signed_observation_no_delete BEFORE DELETE ON observations
WHEN (SELECT v.status FROM observation_sets s JOIN visits v ON v.id = s.visit_id
      WHERE s.id = OLD.set_id) = 'signed' AND NOT )SQL" +
         beingPruned(familyOfSet("OLD.set_id")) + R"SQL(
BEGIN
  SELECT RAISE(FAIL, 'a signed visit cannot be edited; amend it instead');
END;
)SQL";
  db.exec(sql);
}

}  // namespace securebase::store::schema
