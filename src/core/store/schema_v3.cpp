// Schema version 3: what the caseload needs at hand for 10,000 families without rescoring every
// visit — each visit's scores (written by the store when a visit changes, see Store::setScorer),
// and per family the trend between its two latest scored visits, the concern flag of the latest
// one, and the count of open referrals. Triggers keep the family columns right whatever writes.
#include <string>

#include "schema_sql.h"

namespace securebase::store::schema {
namespace {

// The latest (OFFSET 0) or the one before (OFFSET 1) scored, current, completed visit's `column`.
std::string latestScored(const std::string& family, const std::string& column, int offset) {
  return "(SELECT s." + column +
         " FROM current_visits c JOIN visit_scores s ON s.visit_id = c.id "
         "WHERE c.family_id = " +
         family +
         " AND c.outcome = 'completed' AND s.overall IS NOT NULL "
         "ORDER BY c.visit_date DESC, c.id DESC LIMIT 1 OFFSET " +
         std::to_string(offset) + ")";
}

}  // namespace

std::string refreshTrendSql(const std::string& family) {
  return "UPDATE families SET trend_points = " + latestScored(family, "overall", 0) + " - " +
         latestScored(family, "overall", 1) + ", flagged = coalesce(" +
         latestScored(family, "concern", 0) + ", 0) WHERE id = " + family + ";";
}

namespace {

std::string refreshTrend(const std::string& family) {
  return refreshTrendSql(family);
}

std::string refreshOpenReferrals(const std::string& family) {
  return "UPDATE families SET open_referrals = (SELECT count(*) FROM referrals r WHERE "
         "r.family_id = " +
         family + " AND r.status = 'open') WHERE id = " + family + ";";
}

std::string trigger(const std::string& name, const std::string& when, const std::string& body) {
  return "CREATE TRIGGER " + name + " " + when + " BEGIN " + body + " END;\n";
}

}  // namespace

std::string openReferralTriggers() {
  return trigger("family_referrals_after_insert", "AFTER INSERT ON referrals",
                 refreshOpenReferrals("NEW.family_id")) +
         trigger("family_referrals_after_update", "AFTER UPDATE ON referrals",
                 refreshOpenReferrals("NEW.family_id") + refreshOpenReferrals("OLD.family_id")) +
         trigger("family_referrals_after_delete", "AFTER DELETE ON referrals",
                 refreshOpenReferrals("OLD.family_id"));
}

std::string version3() {
  std::string sql = R"SQL(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE visit_scores (
  visit_id        INTEGER PRIMARY KEY REFERENCES visits (id),
  overall         REAL,
  concern         INTEGER NOT NULL DEFAULT 0 CHECK (concern IN (0, 1)),
  scoring_version INTEGER NOT NULL
);

CREATE TABLE visit_section_scores (
  visit_id   INTEGER NOT NULL REFERENCES visits (id),
  section_id TEXT NOT NULL,
  percent    REAL,
  PRIMARY KEY (visit_id, section_id)
) WITHOUT ROWID;

ALTER TABLE families ADD COLUMN trend_points REAL;
ALTER TABLE families ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE families ADD COLUMN open_referrals INTEGER NOT NULL DEFAULT 0;

-- Lists are shown by name: read in index order instead of sorting 10,000 rows each time.
CREATE INDEX families_by_name ON families (display_name, id);
)SQL";
  const std::string family_of_new = "(SELECT family_id FROM visits WHERE id = NEW.visit_id)";
  const std::string family_of_old = "(SELECT family_id FROM visits WHERE id = OLD.visit_id)";
  sql += trigger("family_trend_after_score_insert", "AFTER INSERT ON visit_scores",
                 refreshTrend(family_of_new));
  sql += trigger("family_trend_after_score_update", "AFTER UPDATE ON visit_scores",
                 refreshTrend(family_of_new));
  sql += trigger("family_trend_after_score_delete", "AFTER DELETE ON visit_scores",
                 refreshTrend(family_of_old));
  // Signing an amendment or changing a visit's date or outcome changes which visits count.
  sql += trigger("family_trend_after_visit_update",
                 "AFTER UPDATE OF visit_date, outcome, status, superseded_by ON visits",
                 refreshTrend("NEW.family_id"));
  sql += openReferralTriggers();
  sql +=
      "UPDATE families SET open_referrals = (SELECT count(*) FROM referrals r "
      "WHERE r.family_id = families.id AND r.status = 'open');\n";
  return sql;
}

}  // namespace securebase::store::schema
