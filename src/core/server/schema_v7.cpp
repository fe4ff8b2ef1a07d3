#include "schema_v7.h"

namespace securebase::server {

// Version 7: a family a supervisor reassigned away from a counselor is invisible to that
// counselor's login, yet their laptop still holds it. Two questions the laptop may ask about
// such a family, by a uuid it already holds, without seeing the family itself:
// - family_holder(): the name of the counselor it is assigned to now (the laptop says who has
//   it when it refuses a change there);
// - records_missing(): which of the records the laptop holds of it the server lacks, each
//   named by its uuid and, when the laptop changed it since the last sync, the seal it has
//   now (NULL: any version the server holds will do). Only an answer "none missing" lets the
//   laptop remove its copy (sync --prune). The answer names nothing the caller did not send.
const char* const kServerSchemaV7 = R"SQL(
CREATE FUNCTION securebase.family_holder(family uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
  SELECT c.name FROM securebase.assignments a
  JOIN securebase.counselors c ON c.uuid = a.counselor_uuid
  WHERE a.family_uuid = family
$$;
REVOKE ALL ON FUNCTION securebase.family_holder(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION securebase.family_holder(uuid)
  TO securebase_counselor, securebase_supervisor;

CREATE FUNCTION securebase.records_missing(family uuid, records uuid[], seals text[])
RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, securebase AS $$
  WITH held (uuid, seal) AS (
    SELECT uuid, content_sha256 FROM securebase.families WHERE uuid = family
    UNION ALL
    SELECT uuid, content_sha256 FROM securebase.people WHERE family_uuid = family
    UNION ALL
    SELECT v.uuid, s.content_sha256 FROM securebase.visits v
      JOIN securebase.signatures s ON s.visit_uuid = v.uuid WHERE v.family_uuid = family
    UNION ALL
    SELECT uuid, content_sha256 FROM securebase.goals WHERE family_uuid = family
    UNION ALL
    SELECT uuid, content_sha256 FROM securebase.referrals WHERE family_uuid = family)
  SELECT r.uuid FROM unnest(records, seals) AS r (uuid, seal)
  WHERE NOT EXISTS (SELECT FROM held h
                    WHERE h.uuid = r.uuid AND (r.seal IS NULL OR h.seal = r.seal))
$$;
REVOKE ALL ON FUNCTION securebase.records_missing(uuid, uuid[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION securebase.records_missing(uuid, uuid[], text[])
  TO securebase_counselor, securebase_supervisor;
)SQL";

}  // namespace securebase::server
