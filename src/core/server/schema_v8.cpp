#include "schema_v8.h"

namespace securebase::server {

// Version 8: what a login may read is the same; reading it no longer grows with the agency.
//
// At 10,000 families the read policies of assignments and families called may_see_family for
// every row (a join per call), and every table that hangs off a family reads the assignments:
// a counselor's sync spent seconds deciding which 200 families were theirs. Now a counselor's
// assignments are found by the index on counselor_uuid, with who the login is asked once per
// statement (an InitPlan: "(SELECT …)"), and families are read through the assignments like
// people, visits, goals and referrals already were. A supervisor still reads every family,
// assigned or not. Writes keep their row-by-row checks (WITH CHECK), which cost one call per
// written row.
//
// Pulls ask each table for the rows numbered after a laptop's watermark: an index on
// change_number makes that a range scan instead of reading every visit and signature. And a
// pull reads the observations of the families it brings through signed_observations, which
// checks the families once each: under the observations' own policy (a visit the caller may
// see, a set the planner can only test row by row) PostgreSQL read all 7 million observations
// to find one family's few hundred.
const char* const kServerSchemaV8 = R"SQL(
DROP POLICY assignment_read ON securebase.assignments;
CREATE POLICY assignment_read ON securebase.assignments FOR SELECT
  TO securebase_counselor, securebase_supervisor
  USING (counselor_uuid = (SELECT securebase.my_counselor_uuid()));

DROP POLICY family_read ON securebase.families;
CREATE POLICY family_read ON securebase.families FOR SELECT
  TO securebase_counselor, securebase_supervisor
  USING ((SELECT securebase.is_supervisor())
         OR uuid IN (SELECT family_uuid FROM securebase.assignments));
DROP POLICY family_change ON securebase.families;
CREATE POLICY family_change ON securebase.families FOR UPDATE
  TO securebase_counselor, securebase_supervisor
  USING ((SELECT securebase.is_supervisor())
         OR uuid IN (SELECT family_uuid FROM securebase.assignments))
  WITH CHECK (securebase.may_see_family(uuid));

CREATE INDEX families_by_change ON securebase.families (change_number);
CREATE INDEX assignments_by_change ON securebase.assignments (change_number);
CREATE INDEX people_by_change ON securebase.people (change_number);
CREATE INDEX visits_by_change ON securebase.visits (change_number);
CREATE INDEX signatures_by_change ON securebase.signatures (change_number);
CREATE INDEX goals_by_change ON securebase.goals (change_number);
CREATE INDEX referrals_by_change ON securebase.referrals (change_number);

-- The observations of the signed visits of `families`, leaving out every family the caller may
-- not see, in the order a pull assembles them.
CREATE FUNCTION securebase.signed_observations(families uuid[])
RETURNS TABLE (visit_uuid uuid, caregiver_uuid uuid, child_uuid uuid, item_id text,
               not_observed boolean, value text, note text, focus boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
  SELECT o.visit_uuid, o.caregiver_uuid, o.child_uuid, o.item_id, o.not_observed, o.value,
         o.note, o.focus
  FROM securebase.observations o
  JOIN securebase.visits v ON v.uuid = o.visit_uuid
  JOIN securebase.signatures s ON s.visit_uuid = v.uuid
  WHERE v.family_uuid = ANY (ARRAY(SELECT f FROM unnest(families) AS f
                                   WHERE securebase.may_see_family(f)))
  ORDER BY o.visit_uuid, o.caregiver_uuid, o.child_uuid
$$;
REVOKE ALL ON FUNCTION securebase.signed_observations(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION securebase.signed_observations(uuid[])
  TO securebase_counselor, securebase_supervisor;
)SQL";

}  // namespace securebase::server
