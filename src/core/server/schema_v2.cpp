#include "schema_v2.h"

namespace securebase::server {

// Version 2: what a laptop's push and pull carry beyond version 1 — counselors' contact
// details and the counselor rows laptops record, the counselor a family names, amendment
// reasons, the signing time exactly as the laptop wrote it, goals, referrals and form
// snapshots — and family_state(), which tells a pushing laptop whether a family is new, its
// own or someone else's (row-level security hides the last: inserting it again does nothing,
// and its people are refused, so a push must know before it writes).
const char* const kServerSchemaV2 = R"SQL(
ALTER TABLE securebase.counselors
  ADD COLUMN email text NOT NULL DEFAULT '',
  ADD COLUMN phone text NOT NULL DEFAULT '';

-- The counselor the laptop names for the family (data, carried back as it was). Who may see
-- the family is the assignment's business, not this column's.
ALTER TABLE securebase.families ADD COLUMN counselor_uuid uuid REFERENCES securebase.counselors (uuid);

ALTER TABLE securebase.visits ADD COLUMN amend_reason text NOT NULL DEFAULT '';

-- signed_at is the instant; signed_at_text the laptop's own words for it, returned unchanged.
ALTER TABLE securebase.signatures ADD COLUMN signed_at_text text NOT NULL DEFAULT '';

CREATE TABLE securebase.goals (
  uuid                 uuid PRIMARY KEY,
  family_uuid          uuid NOT NULL REFERENCES securebase.families (uuid),
  text                 text NOT NULL CHECK (length(text) > 0),
  status               text NOT NULL CHECK (status IN ('open', 'achieved', 'dropped')),
  set_at_visit_uuid    uuid REFERENCES securebase.visits (uuid),
  closed_at_visit_uuid uuid REFERENCES securebase.visits (uuid),
  created_on           date NOT NULL,
  revision             integer NOT NULL DEFAULT 1,
  content_sha256       text NOT NULL DEFAULT '',
  change_number        bigint NOT NULL DEFAULT 0
);
CREATE INDEX goals_by_family ON securebase.goals (family_uuid);

CREATE TABLE securebase.referrals (
  uuid           uuid PRIMARY KEY,
  family_uuid    uuid NOT NULL REFERENCES securebase.families (uuid),
  visit_uuid     uuid REFERENCES securebase.visits (uuid),
  to_whom        text NOT NULL CHECK (length(to_whom) > 0),
  reason         text NOT NULL DEFAULT '',
  status         text NOT NULL CHECK (status IN ('open', 'completed', 'declined')),
  created_on     date NOT NULL,
  revision       integer NOT NULL DEFAULT 1,
  content_sha256 text NOT NULL DEFAULT '',
  change_number  bigint NOT NULL DEFAULT 0
);
CREATE INDEX referrals_by_family ON securebase.referrals (family_uuid);

-- The forms visits were made with, as the laptops stored them: a visit reads with its own
-- snapshot wherever it goes. Never changed once there.
CREATE TABLE securebase.form_snapshots (
  form_id       text NOT NULL,
  version       integer NOT NULL,
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  json          text NOT NULL,
  change_number bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (form_id, version)
);
CREATE FUNCTION securebase.refuse_change_to_form() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'form snapshots cannot be changed or deleted (% refused)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation',
          HINT = 'a changed form is a new version of the form';
END
$$;
SELECT securebase.guard_rows('form_snapshots', 'refuse_change_to_form');

CREATE TRIGGER goals_change_number BEFORE INSERT OR UPDATE ON securebase.goals
  FOR EACH ROW EXECUTE FUNCTION securebase.bump_change_number();
CREATE TRIGGER referrals_change_number BEFORE INSERT OR UPDATE ON securebase.referrals
  FOR EACH ROW EXECUTE FUNCTION securebase.bump_change_number();
CREATE TRIGGER form_snapshots_change_number BEFORE INSERT ON securebase.form_snapshots
  FOR EACH ROW EXECUTE FUNCTION securebase.bump_change_number();

-- 'new' when no family has this uuid, 'mine' when the caller may see it, 'other' when it is
-- someone else's (whose, and what it holds, stay hidden).
CREATE FUNCTION securebase.family_state(family uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
  SELECT CASE
    WHEN NOT EXISTS (SELECT FROM securebase.families WHERE uuid = family) THEN 'new'
    WHEN securebase.may_see_family(family) THEN 'mine'
    ELSE 'other' END
$$;
REVOKE ALL ON FUNCTION securebase.family_state(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION securebase.family_state(uuid)
  TO securebase_counselor, securebase_supervisor;

-- A visit's observations in one call, checked once for the whole visit rather than row by row
-- (a push sends dozens per visit, thousands per caseload): only a caller who may see the visit
-- adds them, and the seal trigger still refuses them once the visit is signed.
CREATE FUNCTION securebase.add_observations(visit uuid, caregivers uuid[], children uuid[],
                                            items text[], not_observed boolean[],
                                            answers text[], notes text[], focus boolean[])
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
DECLARE
  added bigint;
BEGIN
  IF NOT securebase.may_see_visit(visit) THEN
    RAISE EXCEPTION 'visit % is not one this login may write', visit
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO securebase.observations (visit_uuid, caregiver_uuid, child_uuid, item_id,
                                       not_observed, value, note, focus)
    SELECT visit, * FROM unnest(caregivers, children, items, not_observed, answers, notes, focus);
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END
$$;
REVOKE ALL ON FUNCTION securebase.add_observations(uuid, uuid[], uuid[], text[], boolean[], text[],
                                                   text[], boolean[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION securebase.add_observations(uuid, uuid[], uuid[], text[], boolean[],
                                                      text[], text[], boolean[])
  TO securebase_counselor, securebase_supervisor;

-- A counselor's laptop records counselors (itself, the colleagues it names): such rows carry
-- no login and no supervisor rights, so adding one gives nobody access to anything.
CREATE POLICY staff_recorded_on_laptop ON securebase.counselors FOR INSERT
  TO securebase_counselor WITH CHECK (login IS NULL AND NOT supervisor);
GRANT INSERT ON securebase.counselors TO securebase_counselor;

ALTER TABLE securebase.goals ENABLE ROW LEVEL SECURITY;
ALTER TABLE securebase.referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE securebase.form_snapshots ENABLE ROW LEVEL SECURITY;

-- What hangs off a family is read with the family's assignment, and what hangs off a visit with
-- the visit: each is a set the planner computes once per statement (the assignments or visits
-- the caller may see, by their own policies) rather than a function call per row, which made
-- reading a caseload's observations take seconds per thousand visits. A write, one row or one
-- visit's observations at a time, is still checked row by row, which is cheaper there.
DROP POLICY people_access ON securebase.people;
DROP POLICY visit_access ON securebase.visits;
DROP POLICY observation_access ON securebase.observations;
DROP POLICY signature_access ON securebase.signatures;
DO $policies$
DECLARE
  by_family text;
BEGIN
  FOREACH by_family IN ARRAY ARRAY['people', 'visits', 'goals', 'referrals'] LOOP
    EXECUTE format('CREATE POLICY %I ON securebase.%I FOR ALL '
                   'TO securebase_counselor, securebase_supervisor '
                   'USING (family_uuid IN (SELECT family_uuid FROM securebase.assignments)) '
                   'WITH CHECK (securebase.may_see_family(family_uuid))',
                   by_family || '_by_assignment', by_family);
  END LOOP;
END
$policies$;
CREATE POLICY observations_by_visit ON securebase.observations FOR ALL
  TO securebase_counselor, securebase_supervisor
  USING (visit_uuid IN (SELECT uuid FROM securebase.visits))
  WITH CHECK (securebase.may_see_visit(visit_uuid));
CREATE POLICY signatures_by_visit ON securebase.signatures FOR ALL
  TO securebase_counselor, securebase_supervisor
  USING (visit_uuid IN (SELECT uuid FROM securebase.visits))
  WITH CHECK (securebase.may_see_visit(visit_uuid));
-- Forms hold no one's data: everyone reads and adds them.
CREATE POLICY form_read ON securebase.form_snapshots FOR SELECT
  TO securebase_counselor, securebase_supervisor USING (true);
CREATE POLICY form_add ON securebase.form_snapshots FOR INSERT
  TO securebase_counselor, securebase_supervisor WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE ON securebase.goals, securebase.referrals
  TO securebase_counselor, securebase_supervisor;
GRANT SELECT, INSERT ON securebase.form_snapshots TO securebase_counselor, securebase_supervisor;
)SQL";

}  // namespace securebase::server
