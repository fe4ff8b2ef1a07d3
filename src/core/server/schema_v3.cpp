#include "schema_v3.h"

namespace securebase::server {

// Version 3: a family, person, goal or referral changed on a laptop and on the server since
// that laptop's last sync is a conflict. Neither version is written over; the laptop that finds
// it records it here, once per pair of versions (their seals), so that every laptop that may
// see the family lists it until a supervisor resolves it by keeping one of the two versions;
// each laptop then takes that version at its next sync. A counselor reads and reports the
// conflicts of their own families; a supervisor reads all and alone marks one resolved.
const char* const kServerSchemaV3 = R"SQL(
CREATE TABLE securebase.conflicts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_uuid   uuid NOT NULL,
  family_uuid   uuid NOT NULL REFERENCES securebase.families (uuid),
  kind          text NOT NULL
                CHECK (kind IN ('family', 'caregiver', 'child', 'goal', 'referral')),
  server_sha256 text NOT NULL CHECK (server_sha256 ~ '^[0-9a-f]{64}$'),
  laptop_sha256 text NOT NULL CHECK (laptop_sha256 ~ '^[0-9a-f]{64}$'),
  reported_by   text NOT NULL DEFAULT session_user,
  reported_at   timestamptz NOT NULL DEFAULT now(),
  resolved_by   text,
  resolved_at   timestamptz,
  -- The version the supervisor kept: the server's, or the reporting laptop's.
  kept          text CHECK (kept IN ('server', 'laptop')),
  UNIQUE (record_uuid, server_sha256, laptop_sha256)
);
CREATE INDEX conflicts_by_family ON securebase.conflicts (family_uuid);

ALTER TABLE securebase.conflicts ENABLE ROW LEVEL SECURITY;
CREATE POLICY conflicts_read ON securebase.conflicts FOR SELECT
  TO securebase_counselor, securebase_supervisor
  USING (family_uuid IN (SELECT family_uuid FROM securebase.assignments));
CREATE POLICY conflicts_report ON securebase.conflicts FOR INSERT
  TO securebase_counselor, securebase_supervisor
  WITH CHECK (securebase.may_see_family(family_uuid) AND reported_by = session_user
              AND resolved_at IS NULL AND resolved_by IS NULL AND kept IS NULL);
CREATE POLICY conflicts_resolve ON securebase.conflicts FOR UPDATE
  TO securebase_supervisor USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON securebase.conflicts TO securebase_counselor, securebase_supervisor;
GRANT UPDATE (resolved_by, resolved_at, kept) ON securebase.conflicts TO securebase_supervisor;
)SQL";

}  // namespace securebase::server
