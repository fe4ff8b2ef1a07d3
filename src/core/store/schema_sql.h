// The SQL of each schema migration. SQLite 3.15 underneath SQLCipher 3.4.1: no UPSERT,
// RETURNING, window functions, STRICT or json_*; row values in UPDATE are avoided too.
#pragma once

#include <string>

namespace securebase::store {
class Database;
}

namespace securebase::store::schema {

// Version 1: every entity of DESIGN §4, the refusal of edits to signed visits, and an
// append-only audit trail. Dates are ISO-8601 text; uuids identify records outside the file.
inline constexpr const char* kVersion1 = R"SQL(
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE counselors (
  id    INTEGER PRIMARY KEY,
  uuid  TEXT NOT NULL UNIQUE,
  name  TEXT NOT NULL CHECK (length(name) > 0),
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT ''
);

CREATE TABLE families (
  id                   INTEGER PRIMARY KEY,
  uuid                 TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL CHECK (length(display_name) > 0),
  language             TEXT NOT NULL CHECK (language IN ('en', 'es')),
  status               TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  closing_reason       TEXT NOT NULL DEFAULT '',
  visit_frequency_days INTEGER NOT NULL DEFAULT 14 CHECK (visit_frequency_days BETWEEN 1 AND 365),
  counselor_id         INTEGER REFERENCES counselors (id),
  address              TEXT NOT NULL DEFAULT '',
  phone                TEXT NOT NULL DEFAULT '',
  created_on           TEXT NOT NULL
);

CREATE TABLE caregivers (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  family_id    INTEGER NOT NULL REFERENCES families (id),
  name         TEXT NOT NULL CHECK (length(name) > 0),
  relationship TEXT NOT NULL DEFAULT ''
);
CREATE INDEX caregivers_by_family ON caregivers (family_id);

CREATE TABLE children (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  family_id       INTEGER NOT NULL REFERENCES families (id),
  name            TEXT NOT NULL CHECK (length(name) > 0),
  birth_date      TEXT NOT NULL,
  gestation_weeks INTEGER NOT NULL DEFAULT 40 CHECK (gestation_weeks BETWEEN 22 AND 44),
  sex             TEXT NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'unknown'))
);
CREATE INDEX children_by_family ON children (family_id);

CREATE TABLE form_snapshots (
  id        INTEGER PRIMARY KEY,
  form_id   TEXT NOT NULL,
  version   INTEGER NOT NULL,
  sha256    TEXT NOT NULL,
  json      TEXT NOT NULL,
  stored_at TEXT NOT NULL,
  UNIQUE (form_id, version)
);

CREATE TABLE visits (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  family_id       INTEGER NOT NULL REFERENCES families (id),
  counselor_id    INTEGER REFERENCES counselors (id),
  visit_date      TEXT NOT NULL,
  place           TEXT NOT NULL DEFAULT '',
  outcome         TEXT NOT NULL CHECK (outcome IN ('completed', 'missed', 'cancelled')),
  present         TEXT NOT NULL DEFAULT '',
  form_id         TEXT NOT NULL,
  form_version    INTEGER NOT NULL,
  status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  notes           TEXT NOT NULL DEFAULT '',
  next_planned    TEXT,
  amends_visit_id INTEGER REFERENCES visits (id),
  superseded_by   INTEGER REFERENCES visits (id),
  signed_at       TEXT NOT NULL DEFAULT '',
  signed_by       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX visits_by_family ON visits (family_id, visit_date);

CREATE TABLE observation_sets (
  id           INTEGER PRIMARY KEY,
  visit_id     INTEGER NOT NULL REFERENCES visits (id),
  caregiver_id INTEGER NOT NULL REFERENCES caregivers (id),
  child_id     INTEGER NOT NULL REFERENCES children (id),
  UNIQUE (visit_id, caregiver_id, child_id)
);

CREATE TABLE observations (
  set_id       INTEGER NOT NULL REFERENCES observation_sets (id),
  item_id      TEXT NOT NULL,
  not_observed INTEGER NOT NULL DEFAULT 0 CHECK (not_observed IN (0, 1)),
  value        TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT '',
  focus        INTEGER NOT NULL DEFAULT 0 CHECK (focus IN (0, 1)),
  PRIMARY KEY (set_id, item_id)
) WITHOUT ROWID;

CREATE TABLE goals (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  family_id          INTEGER NOT NULL REFERENCES families (id),
  text               TEXT NOT NULL CHECK (length(text) > 0),
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'dropped')),
  set_at_visit_id    INTEGER REFERENCES visits (id),
  closed_at_visit_id INTEGER REFERENCES visits (id),
  created_on         TEXT NOT NULL
);
CREATE INDEX goals_by_family ON goals (family_id);

CREATE TABLE referrals (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  family_id  INTEGER NOT NULL REFERENCES families (id),
  visit_id   INTEGER REFERENCES visits (id),
  to_whom    TEXT NOT NULL CHECK (length(to_whom) > 0),
  reason     TEXT NOT NULL DEFAULT '',
  status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'declined')),
  created_on TEXT NOT NULL
);
CREATE INDEX referrals_by_family ON referrals (family_id);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  action    TEXT NOT NULL,
  details   TEXT NOT NULL DEFAULT '{}'
);

-- A signed visit is a record of what happened: only the link to the amendment that replaces it
-- may be set. Everything else, and its observations, is refused even through raw SQL.
CREATE TRIGGER signed_visit_no_update BEFORE UPDATE ON visits
WHEN OLD.status = 'signed' AND (
  NEW.uuid IS NOT OLD.uuid OR NEW.family_id IS NOT OLD.family_id OR
  NEW.counselor_id IS NOT OLD.counselor_id OR NEW.visit_date IS NOT OLD.visit_date OR
  NEW.place IS NOT OLD.place OR NEW.outcome IS NOT OLD.outcome OR NEW.present IS NOT OLD.present OR
  NEW.form_id IS NOT OLD.form_id OR NEW.form_version IS NOT OLD.form_version OR
  NEW.status IS NOT OLD.status OR NEW.notes IS NOT OLD.notes OR
  NEW.next_planned IS NOT OLD.next_planned OR NEW.amends_visit_id IS NOT OLD.amends_visit_id OR
  NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by OR
  (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by))
BEGIN
  SELECT RAISE(ABORT, 'a signed visit cannot be edited; amend it instead');
END;

CREATE TRIGGER signed_visit_no_delete BEFORE DELETE ON visits
WHEN OLD.status = 'signed'
BEGIN
  SELECT RAISE(ABORT, 'a signed visit cannot be deleted');
END;

CREATE TRIGGER signed_visit_sets_no_insert BEFORE INSERT ON observation_sets
WHEN (SELECT status FROM visits WHERE id = NEW.visit_id) = 'signed'
BEGIN
  SELECT RAISE(ABORT, 'a signed visit cannot be edited; amend it instead');
END;

CREATE TRIGGER signed_visit_sets_no_change BEFORE UPDATE ON observation_sets
WHEN (SELECT status FROM visits WHERE id = OLD.visit_id) = 'signed'
BEGIN
  SELECT RAISE(ABORT, 'a signed visit cannot be edited; amend it instead');
END;

CREATE TRIGGER signed_visit_sets_no_delete BEFORE DELETE ON observation_sets
WHEN (SELECT status FROM visits WHERE id = OLD.visit_id) = 'signed'
BEGIN
  SELECT RAISE(ABORT, 'a signed visit cannot be edited; amend it instead');
END;

CREATE TRIGGER signed_observation_no_insert BEFORE INSERT ON observations
WHEN (SELECT v.status FROM observation_sets s JOIN visits v ON v.id = s.visit_id
      WHERE s.id = NEW.set_id) = 'signed'
BEGIN
  SELECT RAISE(ABORT, 'a signed visit cannot be edited; amend it instead');
END;

CREATE TRIGGER signed_observation_no_update BEFORE UPDATE ON observations
WHEN (SELECT v.status FROM observation_sets s JOIN visits v ON v.id = s.visit_id
      WHERE s.id = OLD.set_id) = 'signed'
BEGIN
  SELECT RAISE(ABORT, 'a signed visit cannot be edited; amend it instead');
END;

CREATE TRIGGER signed_observation_no_delete BEFORE DELETE ON observations
WHEN (SELECT v.status FROM observation_sets s JOIN visits v ON v.id = s.visit_id
      WHERE s.id = OLD.set_id) = 'signed'
BEGIN
  SELECT RAISE(ABORT, 'a signed visit cannot be edited; amend it instead');
END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;
)SQL";

// Version 2: what a caseload list needs, kept at hand on each family so listing 10,000 families
// reads one table instead of scanning every visit. Triggers keep it right whatever writes the
// visits. "Current" visits are those an amendment has not replaced (a draft amendment does not
// count until it is signed).
inline constexpr const char* kVersion2 = R"SQL(
ALTER TABLE families ADD COLUMN last_completed_date TEXT;
ALTER TABLE families ADD COLUMN last_completed_next_planned TEXT;

CREATE VIEW current_visits AS
  SELECT * FROM visits
  WHERE superseded_by IS NULL AND (amends_visit_id IS NULL OR status = 'signed');

CREATE INDEX visits_amended ON visits (amends_visit_id);

CREATE TRIGGER family_summary_after_insert AFTER INSERT ON visits
BEGIN
  UPDATE families SET
    last_completed_date = (SELECT visit_date FROM current_visits c
                           WHERE c.family_id = families.id AND c.outcome = 'completed'
                           ORDER BY visit_date DESC, id DESC LIMIT 1),
    last_completed_next_planned = (SELECT next_planned FROM current_visits c
                           WHERE c.family_id = families.id AND c.outcome = 'completed'
                           ORDER BY visit_date DESC, id DESC LIMIT 1)
  WHERE id = NEW.family_id;
END;

CREATE TRIGGER family_summary_after_update AFTER UPDATE ON visits
BEGIN
  UPDATE families SET
    last_completed_date = (SELECT visit_date FROM current_visits c
                           WHERE c.family_id = families.id AND c.outcome = 'completed'
                           ORDER BY visit_date DESC, id DESC LIMIT 1),
    last_completed_next_planned = (SELECT next_planned FROM current_visits c
                           WHERE c.family_id = families.id AND c.outcome = 'completed'
                           ORDER BY visit_date DESC, id DESC LIMIT 1)
  WHERE id IN (OLD.family_id, NEW.family_id);
END;

CREATE TRIGGER family_summary_after_delete AFTER DELETE ON visits
BEGIN
  UPDATE families SET
    last_completed_date = (SELECT visit_date FROM current_visits c
                           WHERE c.family_id = families.id AND c.outcome = 'completed'
                           ORDER BY visit_date DESC, id DESC LIMIT 1),
    last_completed_next_planned = (SELECT next_planned FROM current_visits c
                           WHERE c.family_id = families.id AND c.outcome = 'completed'
                           ORDER BY visit_date DESC, id DESC LIMIT 1)
  WHERE id = OLD.family_id;
END;

-- Families migrated from version 1 get their summary now.
UPDATE families SET
  last_completed_date = (SELECT visit_date FROM current_visits c
                         WHERE c.family_id = families.id AND c.outcome = 'completed'
                         ORDER BY visit_date DESC, id DESC LIMIT 1),
  last_completed_next_planned = (SELECT next_planned FROM current_visits c
                         WHERE c.family_id = families.id AND c.outcome = 'completed'
                         ORDER BY visit_date DESC, id DESC LIMIT 1);
)SQL";

// Version 3 is composed in schema_v3.cpp: its triggers share one refresh statement.
std::string version3();
// The triggers that keep each family's count of open referrals (version 3; made again by
// version 10 with the table they belong to).
std::string openReferralTriggers();

// Version 4 chains the audit trail (schema_v4.cpp): it hashes the rows already there, so it is
// code rather than SQL alone. Runs inside the migration's transaction.
void migrateToVersion4(Database& db);
// Version 7: the database's own id (schema_v7.cpp).
void migrateToVersion7(Database& db);
// Version 8: the reason an amendment was made (schema_v8.cpp).
void migrateToVersion8(Database& db);
// Version 9: the refusal triggers FAIL instead of ABORT (schema_v9.cpp).
void migrateToVersion9(Database& db);
// Version 10: "no referral made" as a referral row of its own kind (schema_v10.cpp).
void migrateToVersion10(Database& db);
// Version 11: each synced record's seal as of the last sync (schema_v11.cpp).
void migrateToVersion11(Database& db);
// Version 12: families merged on the agency server (schema_v12.cpp).
void migrateToVersion12(Database& db);
// Version 13: families reassigned away on the agency server, read-only here (schema_v13.cpp).
void migrateToVersion13(Database& db);

// The statement that recomputes a family's trend and concern flag from its counted visits
// (schema_v3.cpp); `family` is an SQL expression for the family's id.
std::string refreshTrendSql(const std::string& family);

// Version 5 (schema_v5.cpp): only signed visits count — a draft never moves the caseload —, a
// draft's date is found through an index, and audit rows name the counselor at work beside
// the operating-system login.
std::string version5();

// Version 6 adds record content hashes to the audit trail and seals the records already there
// (schema_v6.cpp).
void migrateToVersion6(Database& db);

}  // namespace securebase::store::schema
