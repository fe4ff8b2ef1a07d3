#include "schema_v6.h"

namespace securebase::server {

// version 6: possible duplicate families, and their merge by a supervisor.
//
// A family entered on two laptops has two uuids. Each push sends, for every family it brings,
// its match keys — each child's name and birth date, the family's phone digits — computed on the
// laptop with the caseload search's own folding of accents and case, so both sides read a name
// by one rule. Two families sharing a key form a pair, numbered once; supervisors list the pairs
// whose families still share a key (possible_duplicates). Nothing is merged automatically.
//
// merge_families keeps one family: the other's caregivers, children, visits, goals, referrals
// and conflicts are re-pointed to it, and the merged-away family row goes, its own fields kept in
// family_merges with who merged it and when, and a row in the push audit. A visit's seal and
// signature cover its content, observations and signer, not the family it is filed under (its
// observations name the caregiver and child, which move with it), so a re-pointed visit still
// matches its seal. The visits' guard lets exactly that through: an UPDATE changing nothing but
// family_uuid, from a family to the one a recorded merge kept it in. family_merges is append-only
// and numbered like every synced row, so laptops learn of a merge at their next sync and do the
// same re-pointing in their own file.
const char* const kServerSchemaV6 = R"SQL(
CREATE TABLE securebase.family_match_keys (
  family_uuid uuid NOT NULL REFERENCES securebase.families (uuid) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('child', 'phone')),
  match_key   text NOT NULL CHECK (length(match_key) > 0),
  PRIMARY KEY (family_uuid, kind, match_key)
);
CREATE INDEX family_match_keys_by_key ON securebase.family_match_keys (kind, match_key);

-- Two families that shared a key when one of them was pushed, by number. A pair stays; whether
-- it is still a possible duplicate is read from the keys now (possible_duplicates).
CREATE TABLE securebase.duplicate_pairs (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  family_a uuid NOT NULL,
  family_b uuid NOT NULL,
  found_at timestamptz NOT NULL DEFAULT now(),
  CHECK (family_a < family_b),
  UNIQUE (family_a, family_b)
);

CREATE FUNCTION securebase.pair_new_keys() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
BEGIN
  INSERT INTO securebase.duplicate_pairs (family_a, family_b)
    SELECT DISTINCT least(a.family_uuid, k.family_uuid), greatest(a.family_uuid, k.family_uuid)
    FROM added a JOIN securebase.family_match_keys k
      ON k.kind = a.kind AND k.match_key = a.match_key AND k.family_uuid <> a.family_uuid
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER family_match_keys_paired AFTER INSERT ON securebase.family_match_keys
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT
  EXECUTE FUNCTION securebase.pair_new_keys();

-- The pairs whose two families still share a key, with why: 'child' (a child's name and birth
-- date), 'phone', or both.
CREATE VIEW securebase.possible_duplicates WITH (security_invoker = true) AS
  SELECT p.id, p.family_a, p.family_b,
         string_agg(DISTINCT ka.kind, ',' ORDER BY ka.kind) AS reasons
  FROM securebase.duplicate_pairs p
  JOIN securebase.family_match_keys ka ON ka.family_uuid = p.family_a
  JOIN securebase.family_match_keys kb
    ON kb.family_uuid = p.family_b AND kb.kind = ka.kind AND kb.match_key = ka.match_key
  GROUP BY p.id, p.family_a, p.family_b;

-- Replaces the keys of the families `covered` (those a push brought) by the ones given, as
-- parallel arrays. Only a caller who may write every covered family.
CREATE FUNCTION securebase.set_match_keys(covered uuid[], key_families uuid[], kinds text[],
                                          match_keys text[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
BEGIN
  IF NOT securebase.is_supervisor() AND EXISTS (
      SELECT FROM unnest(covered) AS c(family) WHERE NOT securebase.may_see_family(c.family)) THEN
    RAISE EXCEPTION 'a family sent is not one this login may write'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  DELETE FROM securebase.family_match_keys k USING (
      SELECT family_uuid, kind, match_key FROM securebase.family_match_keys
      WHERE family_uuid = ANY (covered)
      EXCEPT SELECT * FROM unnest(key_families, kinds, match_keys)) AS gone
    WHERE k.family_uuid = gone.family_uuid AND k.kind = gone.kind
      AND k.match_key = gone.match_key;
  INSERT INTO securebase.family_match_keys (family_uuid, kind, match_key)
    SELECT s.family, s.kind, s.match_key
    FROM unnest(key_families, kinds, match_keys) AS s(family, kind, match_key)
    WHERE s.family = ANY (covered)
    ON CONFLICT DO NOTHING;
END
$$;

-- One row per merge, never changed: the family that went (its own fields as they were, and the
-- counselor it was assigned to) and the one that holds its records now.
CREATE TABLE securebase.family_merges (
  loser_uuid      uuid PRIMARY KEY,
  winner_uuid     uuid NOT NULL,
  pair_id         bigint NOT NULL REFERENCES securebase.duplicate_pairs (id),
  loser_counselor uuid REFERENCES securebase.counselors (uuid),
  loser_record    jsonb NOT NULL,
  merged_by       name NOT NULL DEFAULT session_user,
  merged_at       timestamptz NOT NULL DEFAULT now(),
  change_number   bigint NOT NULL DEFAULT 0
);
CREATE TRIGGER family_merges_change_number BEFORE INSERT ON securebase.family_merges
  FOR EACH ROW EXECUTE FUNCTION securebase.bump_change_number();
CREATE FUNCTION securebase.refuse_change_to_merge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'family merges cannot be changed or deleted (% refused)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
SELECT securebase.guard_rows('family_merges', 'refuse_change_to_merge');

-- The visits' guard, as before, but for the one change a merge makes (see above).
CREATE FUNCTION securebase.refuse_change_to_visit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'family_uuid') = (to_jsonb(OLD) - 'family_uuid')
     AND EXISTS (SELECT FROM securebase.family_merges
                 WHERE loser_uuid = OLD.family_uuid AND winner_uuid = NEW.family_uuid) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'signed visits cannot be changed or deleted (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation',
          HINT = 'a correction is an amendment: a new visit that supersedes the signed one';
END
$$;
DROP TRIGGER visits_immutable ON securebase.visits;
CREATE TRIGGER visits_immutable BEFORE UPDATE OR DELETE ON securebase.visits
  FOR EACH ROW EXECUTE FUNCTION securebase.refuse_change_to_visit();
ALTER TABLE securebase.visits ENABLE ALWAYS TRIGGER visits_immutable;

-- A laptop still holding a merged-away family must not bring it back as a new one.
CREATE OR REPLACE FUNCTION securebase.family_state(family uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
  SELECT CASE
    WHEN EXISTS (SELECT FROM securebase.family_merges WHERE loser_uuid = family) THEN 'merged'
    WHEN NOT EXISTS (SELECT FROM securebase.families WHERE uuid = family) THEN 'new'
    WHEN securebase.may_see_family(family) THEN 'mine'
    ELSE 'other' END
$$;

-- Keeps family `keep` of possible duplicate `pair` and merges the other into it, in the caller's
-- transaction; returns the merged-away family. Supervisors only.
CREATE FUNCTION securebase.merge_families(pair bigint, keep uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
DECLARE
  first_family uuid;
  second_family uuid;
  lose uuid;
BEGIN
  IF NOT securebase.is_supervisor() THEN
    RAISE EXCEPTION 'only a supervisor merges families' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT family_a, family_b INTO first_family, second_family
    FROM securebase.possible_duplicates WHERE id = pair;
  IF NOT FOUND OR keep IS NULL OR keep NOT IN (first_family, second_family) THEN
    RAISE EXCEPTION 'family % is not in possible duplicate %', keep, pair
      USING ERRCODE = 'no_data_found';
  END IF;
  lose := CASE WHEN keep = first_family THEN second_family ELSE first_family END;
  INSERT INTO securebase.family_merges (loser_uuid, winner_uuid, pair_id, loser_counselor,
                                        loser_record)
    SELECT lose, keep, pair, a.counselor_uuid, to_jsonb(f) - 'change_number'
    FROM securebase.families f LEFT JOIN securebase.assignments a ON a.family_uuid = f.uuid
    WHERE f.uuid = lose;
  UPDATE securebase.people SET family_uuid = keep WHERE family_uuid = lose;
  UPDATE securebase.visits SET family_uuid = keep WHERE family_uuid = lose;
  UPDATE securebase.goals SET family_uuid = keep WHERE family_uuid = lose;
  UPDATE securebase.referrals SET family_uuid = keep WHERE family_uuid = lose;
  UPDATE securebase.conflicts SET family_uuid = keep WHERE family_uuid = lose;
  INSERT INTO securebase.family_match_keys (family_uuid, kind, match_key)
    SELECT keep, kind, match_key FROM securebase.family_match_keys WHERE family_uuid = lose
    ON CONFLICT DO NOTHING;
  DELETE FROM securebase.assignments WHERE family_uuid = lose;
  DELETE FROM securebase.families WHERE uuid = lose;
  INSERT INTO securebase.push_audit (what)
    VALUES (format('merged family %s into family %s (possible duplicate %s)', lose, keep, pair));
  RETURN lose;
END
$$;

ALTER TABLE securebase.family_match_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE securebase.duplicate_pairs ENABLE ROW LEVEL SECURITY;
ALTER TABLE securebase.family_merges ENABLE ROW LEVEL SECURITY;
CREATE POLICY match_keys_by_assignment ON securebase.family_match_keys FOR SELECT
  TO securebase_counselor, securebase_supervisor
  USING (family_uuid IN (SELECT family_uuid FROM securebase.assignments));
CREATE POLICY pairs_for_supervisors ON securebase.duplicate_pairs FOR SELECT
  TO securebase_supervisor USING (true);
-- A merge is seen by whoever sees the family kept, and by the counselor of the one that went.
CREATE POLICY merges_read ON securebase.family_merges FOR SELECT
  TO securebase_counselor, securebase_supervisor
  USING (securebase.may_see_family(winner_uuid)
         OR loser_counselor = securebase.my_counselor_uuid());

REVOKE ALL ON FUNCTION securebase.set_match_keys(uuid[], uuid[], text[], text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION securebase.merge_families(bigint, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION securebase.set_match_keys(uuid[], uuid[], text[], text[])
  TO securebase_counselor, securebase_supervisor;
GRANT EXECUTE ON FUNCTION securebase.merge_families(bigint, uuid) TO securebase_supervisor;
GRANT SELECT ON securebase.family_match_keys, securebase.family_merges
  TO securebase_counselor, securebase_supervisor;
GRANT SELECT ON securebase.duplicate_pairs, securebase.possible_duplicates
  TO securebase_supervisor;
)SQL";

}  // namespace securebase::server
