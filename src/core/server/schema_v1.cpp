#include "schema_v1.h"

namespace securebase::server {

// Everything lives in the schema "securebase". Identity is the login (session_user, which SET
// ROLE does not change); the helper functions that row-level security calls are SECURITY
// DEFINER so that they can read assignments whatever the caller may see, with a fixed
// search_path so that a caller's objects cannot stand in for the schema's.
const char* const kServerSchemaV1 = R"SQL(
DO $roles$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'securebase_counselor') THEN
    CREATE ROLE securebase_counselor NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'securebase_supervisor') THEN
    CREATE ROLE securebase_supervisor NOLOGIN;
  END IF;
END
$roles$;

CREATE SCHEMA securebase;
REVOKE ALL ON SCHEMA securebase FROM PUBLIC;
GRANT USAGE ON SCHEMA securebase TO securebase_counselor, securebase_supervisor;

CREATE TABLE securebase.schema_version (
  version    integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON securebase.schema_version TO securebase_counselor, securebase_supervisor;

-- Every insert or update of a synced row takes the next number: a laptop pulls the rows after
-- the last number it has seen.
CREATE SEQUENCE securebase.change_number;
GRANT USAGE ON SEQUENCE securebase.change_number TO securebase_counselor, securebase_supervisor;

CREATE FUNCTION securebase.bump_change_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_number := nextval('securebase.change_number');
  RETURN NEW;
END
$$;

CREATE TABLE securebase.counselors (
  uuid          uuid PRIMARY KEY,
  name          text NOT NULL CHECK (length(name) > 0),
  login         name UNIQUE,
  supervisor    boolean NOT NULL DEFAULT false,
  change_number bigint NOT NULL DEFAULT 0
);

CREATE TABLE securebase.families (
  uuid                 uuid PRIMARY KEY,
  display_name         text NOT NULL CHECK (length(display_name) > 0),
  language             text NOT NULL CHECK (language IN ('en', 'es')),
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  closing_reason       text NOT NULL DEFAULT '',
  visit_frequency_days integer NOT NULL DEFAULT 14 CHECK (visit_frequency_days BETWEEN 1 AND 365),
  address              text NOT NULL DEFAULT '',
  phone                text NOT NULL DEFAULT '',
  created_on           date NOT NULL,
  revision             integer NOT NULL DEFAULT 1,
  content_sha256       text NOT NULL DEFAULT '',
  change_number        bigint NOT NULL DEFAULT 0
);

-- Which counselor a family belongs to: one row per family, changed only by a supervisor.
CREATE TABLE securebase.assignments (
  family_uuid    uuid PRIMARY KEY REFERENCES securebase.families (uuid),
  counselor_uuid uuid NOT NULL REFERENCES securebase.counselors (uuid),
  change_number  bigint NOT NULL DEFAULT 0
);
CREATE INDEX assignments_by_counselor ON securebase.assignments (counselor_uuid);

-- Caregivers and children.
CREATE TABLE securebase.people (
  uuid            uuid PRIMARY KEY,
  family_uuid     uuid NOT NULL REFERENCES securebase.families (uuid),
  kind            text NOT NULL CHECK (kind IN ('caregiver', 'child')),
  name            text NOT NULL CHECK (length(name) > 0),
  relationship    text NOT NULL DEFAULT '',
  birth_date      date,
  gestation_weeks integer CHECK (gestation_weeks BETWEEN 20 AND 45),
  sex             text NOT NULL DEFAULT '',
  revision        integer NOT NULL DEFAULT 1,
  content_sha256  text NOT NULL DEFAULT '',
  change_number   bigint NOT NULL DEFAULT 0,
  CHECK (kind = 'child' OR birth_date IS NULL)
);
CREATE INDEX people_by_family ON securebase.people (family_uuid);

-- Only signed visits reach the server: drafts stay on the laptop.
CREATE TABLE securebase.visits (
  uuid              uuid PRIMARY KEY,
  family_uuid       uuid NOT NULL REFERENCES securebase.families (uuid),
  counselor_uuid    uuid REFERENCES securebase.counselors (uuid),
  visit_date        date NOT NULL,
  place             text NOT NULL DEFAULT '',
  outcome           text NOT NULL CHECK (outcome IN ('completed', 'missed', 'cancelled')),
  present           text NOT NULL DEFAULT '',
  form_id           text NOT NULL,
  form_version      integer NOT NULL,
  status            text NOT NULL DEFAULT 'signed' CHECK (status = 'signed'),
  notes             text NOT NULL DEFAULT '',
  next_planned      date,
  amends_visit_uuid uuid REFERENCES securebase.visits (uuid),
  change_number     bigint NOT NULL DEFAULT 0
);
CREATE INDEX visits_by_family ON securebase.visits (family_uuid, visit_date);

CREATE TABLE securebase.observations (
  visit_uuid     uuid NOT NULL REFERENCES securebase.visits (uuid),
  caregiver_uuid uuid NOT NULL REFERENCES securebase.people (uuid),
  child_uuid     uuid NOT NULL REFERENCES securebase.people (uuid),
  item_id        text NOT NULL,
  not_observed   boolean NOT NULL DEFAULT false,
  value          text NOT NULL DEFAULT '',
  note           text NOT NULL DEFAULT '',
  focus          boolean NOT NULL DEFAULT false,
  PRIMARY KEY (visit_uuid, caregiver_uuid, child_uuid, item_id)
);

-- The signature that seals a visit: written last, in the transaction that pushes the visit.
CREATE TABLE securebase.signatures (
  visit_uuid     uuid PRIMARY KEY REFERENCES securebase.visits (uuid),
  counselor_uuid uuid REFERENCES securebase.counselors (uuid),
  signed_by      text NOT NULL CHECK (length(signed_by) > 0),
  signed_at      timestamptz NOT NULL,
  content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  change_number  bigint NOT NULL DEFAULT 0
);

DO $numbers$
DECLARE
  synced text;
BEGIN
  FOREACH synced IN ARRAY ARRAY['counselors', 'families', 'assignments', 'people', 'visits',
                                'signatures'] LOOP
    -- Visits and signatures are only ever inserted (see guard_rows below).
    EXECUTE format('CREATE TRIGGER %I BEFORE %s ON securebase.%I FOR EACH ROW '
                   'EXECUTE FUNCTION securebase.bump_change_number()', synced || '_change_number',
                   CASE WHEN synced IN ('visits', 'signatures') THEN 'INSERT'
                        ELSE 'INSERT OR UPDATE' END,
                   synced);
  END LOOP;
END
$numbers$;

-- guard_rows(table, function): `function` refuses every UPDATE, DELETE and TRUNCATE of the
-- table, for every role and also with session_replication_role = replica (ENABLE ALWAYS). Only
-- the owner switching the trigger off gets past it, which the audit chain then shows.
CREATE FUNCTION securebase.guard_rows(guarded text, refusal text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, securebase AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON securebase.%I FOR EACH ROW '
                 'EXECUTE FUNCTION securebase.%I()', guarded || '_immutable', guarded, refusal);
  EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON securebase.%I FOR EACH STATEMENT '
                 'EXECUTE FUNCTION securebase.%I()', guarded || '_not_truncated', guarded,
                 refusal);
  EXECUTE format('ALTER TABLE securebase.%I ENABLE ALWAYS TRIGGER %I', guarded,
                 guarded || '_immutable');
  EXECUTE format('ALTER TABLE securebase.%I ENABLE ALWAYS TRIGGER %I', guarded,
                 guarded || '_not_truncated');
END
$$;
REVOKE ALL ON FUNCTION securebase.guard_rows(text, text) FROM PUBLIC;

-- Signed visits are never changed in place, on the server as on the laptop: a correction is an
-- amendment, a new visit.
CREATE FUNCTION securebase.refuse_change_to_signed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'signed visits cannot be changed or deleted (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation',
          HINT = 'a correction is an amendment: a new visit that supersedes the signed one';
END
$$;

-- Observations join their visit only before its signature is written.
CREATE FUNCTION securebase.refuse_observation_after_signature() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
BEGIN
  IF EXISTS (SELECT FROM securebase.signatures WHERE visit_uuid = NEW.visit_uuid) THEN
    RAISE EXCEPTION 'visit % is signed: no observation can be added to it', NEW.visit_uuid
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER observations_sealed BEFORE INSERT ON securebase.observations
  FOR EACH ROW EXECUTE FUNCTION securebase.refuse_observation_after_signature();
ALTER TABLE securebase.observations ENABLE ALWAYS TRIGGER observations_sealed;
SELECT securebase.guard_rows('visits', 'refuse_change_to_signed');
SELECT securebase.guard_rows('observations', 'refuse_change_to_signed');
SELECT securebase.guard_rows('signatures', 'refuse_change_to_signed');

-- Who may see what.
CREATE FUNCTION securebase.is_supervisor() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
  SELECT pg_has_role(session_user, 'securebase_supervisor', 'MEMBER')
$$;

CREATE FUNCTION securebase.my_counselor_uuid() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
  SELECT uuid FROM securebase.counselors WHERE login = session_user
$$;

CREATE FUNCTION securebase.may_see_family(family uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
  SELECT securebase.is_supervisor() OR EXISTS (
    SELECT FROM securebase.assignments a JOIN securebase.counselors c ON c.uuid = a.counselor_uuid
    WHERE a.family_uuid = family AND c.login = session_user)
$$;

CREATE FUNCTION securebase.may_see_visit(visit uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
  SELECT securebase.may_see_family(
    (SELECT family_uuid FROM securebase.visits WHERE uuid = visit))
$$;

ALTER TABLE securebase.counselors ENABLE ROW LEVEL SECURITY;
ALTER TABLE securebase.families ENABLE ROW LEVEL SECURITY;
ALTER TABLE securebase.assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE securebase.people ENABLE ROW LEVEL SECURITY;
ALTER TABLE securebase.visits ENABLE ROW LEVEL SECURITY;
ALTER TABLE securebase.observations ENABLE ROW LEVEL SECURITY;
ALTER TABLE securebase.signatures ENABLE ROW LEVEL SECURITY;

-- Everyone sees the agency's staff (visits name them); supervisors add and rename them.
CREATE POLICY staff_read ON securebase.counselors FOR SELECT
  TO securebase_counselor, securebase_supervisor USING (true);
CREATE POLICY staff_write ON securebase.counselors FOR ALL
  TO securebase_supervisor USING (true) WITH CHECK (true);

-- A family a counselor enters is theirs once they assign it to themselves, in the same push;
-- until then (and for everyone else) it is invisible. Its uuid is new, so no one else's.
CREATE POLICY family_read ON securebase.families FOR SELECT
  TO securebase_counselor, securebase_supervisor USING (securebase.may_see_family(uuid));
CREATE POLICY family_add ON securebase.families FOR INSERT
  TO securebase_counselor, securebase_supervisor WITH CHECK (true);
CREATE POLICY family_change ON securebase.families FOR UPDATE
  TO securebase_counselor, securebase_supervisor
  USING (securebase.may_see_family(uuid)) WITH CHECK (securebase.may_see_family(uuid));

CREATE POLICY assignment_read ON securebase.assignments FOR SELECT
  TO securebase_counselor, securebase_supervisor USING (securebase.may_see_family(family_uuid));
CREATE POLICY assignment_to_self ON securebase.assignments FOR INSERT
  TO securebase_counselor WITH CHECK (counselor_uuid = securebase.my_counselor_uuid());
CREATE POLICY assignment_by_supervisor ON securebase.assignments FOR ALL
  TO securebase_supervisor USING (true) WITH CHECK (true);

CREATE POLICY people_access ON securebase.people FOR ALL
  TO securebase_counselor, securebase_supervisor
  USING (securebase.may_see_family(family_uuid)) WITH CHECK (securebase.may_see_family(family_uuid));
CREATE POLICY visit_access ON securebase.visits FOR ALL
  TO securebase_counselor, securebase_supervisor
  USING (securebase.may_see_family(family_uuid)) WITH CHECK (securebase.may_see_family(family_uuid));
CREATE POLICY observation_access ON securebase.observations FOR ALL
  TO securebase_counselor, securebase_supervisor
  USING (securebase.may_see_visit(visit_uuid)) WITH CHECK (securebase.may_see_visit(visit_uuid));
CREATE POLICY signature_access ON securebase.signatures FOR ALL
  TO securebase_counselor, securebase_supervisor
  USING (securebase.may_see_visit(visit_uuid)) WITH CHECK (securebase.may_see_visit(visit_uuid));

GRANT SELECT ON securebase.counselors TO securebase_counselor;
GRANT SELECT, INSERT, UPDATE ON securebase.counselors TO securebase_supervisor;
GRANT SELECT, INSERT, UPDATE ON securebase.families, securebase.people
  TO securebase_counselor, securebase_supervisor;
GRANT SELECT, INSERT ON securebase.assignments TO securebase_counselor;
GRANT SELECT, INSERT, UPDATE ON securebase.assignments TO securebase_supervisor;
GRANT SELECT, INSERT ON securebase.visits, securebase.observations, securebase.signatures
  TO securebase_counselor, securebase_supervisor;

-- The push audit: one row per push (who, when, what), each holding the SHA-256 of the row
-- before it. Rows are numbered and chained under a lock, so concurrent pushes chain in the
-- order they commit; the values a pusher gives for the chain, time or login are replaced.
CREATE SEQUENCE securebase.push_audit_id;
CREATE TABLE securebase.push_audit (
  id            bigint PRIMARY KEY,
  pushed_at     timestamptz NOT NULL,
  login         name NOT NULL,
  what          text NOT NULL,
  previous_hash text NOT NULL,
  hash          text NOT NULL
);

CREATE FUNCTION securebase.push_audit_hash(previous_hash text, id bigint, pushed_at timestamptz,
                                           login name, what text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
  SELECT encode(sha256(convert_to(
    previous_hash || '|' || id::text || '|' ||
    to_char(pushed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' ||
    login::text || '|' || what, 'UTF8')), 'hex')
$$;

CREATE FUNCTION securebase.push_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
BEGIN
  -- Held to the end of the pushing transaction (READ COMMITTED: the next push sees this row).
  PERFORM pg_advisory_xact_lock(hashtext('securebase.push_audit'));
  NEW.id := nextval('securebase.push_audit_id');
  NEW.pushed_at := clock_timestamp();
  NEW.login := session_user;
  NEW.previous_hash := coalesce(
    (SELECT hash FROM securebase.push_audit ORDER BY id DESC LIMIT 1), repeat('0', 64));
  NEW.hash := securebase.push_audit_hash(NEW.previous_hash, NEW.id, NEW.pushed_at, NEW.login,
                                         NEW.what);
  RETURN NEW;
END
$$;

CREATE FUNCTION securebase.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the push audit is append-only (% refused)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER push_audit_chained BEFORE INSERT ON securebase.push_audit
  FOR EACH ROW EXECUTE FUNCTION securebase.push_audit_chain();
ALTER TABLE securebase.push_audit ENABLE ALWAYS TRIGGER push_audit_chained;
SELECT securebase.guard_rows('push_audit', 'refuse_audit_change');

-- The id of the first row that does not match its hash or does not link to the row before
-- it; NULL when the chain holds.
CREATE FUNCTION securebase.push_audit_first_broken() RETURNS bigint
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, securebase AS $$
DECLARE
  entry securebase.push_audit;
  previous text := repeat('0', 64);
BEGIN
  FOR entry IN SELECT * FROM securebase.push_audit ORDER BY id LOOP
    IF entry.previous_hash IS DISTINCT FROM previous OR entry.hash IS DISTINCT FROM
        securebase.push_audit_hash(entry.previous_hash, entry.id, entry.pushed_at, entry.login,
                                   entry.what)
    THEN
      RETURN entry.id;
    END IF;
    previous := entry.hash;
  END LOOP;
  RETURN NULL;
END
$$;

GRANT USAGE ON SEQUENCE securebase.push_audit_id TO securebase_counselor, securebase_supervisor;
GRANT INSERT ON securebase.push_audit TO securebase_counselor, securebase_supervisor;
GRANT SELECT ON securebase.push_audit TO securebase_supervisor;
)SQL";

}  // namespace securebase::server
