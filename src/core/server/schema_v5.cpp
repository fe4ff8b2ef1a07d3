#include "schema_v5.h"

namespace securebase::server {

// Version 5: the clinic's settings (name, address, phone, logo, help lines, paper, default
// language, …: the laptops' clinic scope, store/settings.h), which describe the agency on every
// page a laptop prints. They belong to the supervisors: only their logins write them, every
// counselor reads them, no one deletes one. A supervisor's laptop sends its own when they
// changed there since its last sync; every laptop takes the server's at its pull. Each insert
// or update takes a change number and the login that made it, whatever the writer says.
const char* const kServerSchemaV5 = R"SQL(
CREATE TABLE securebase.clinic_settings (
  key           text PRIMARY KEY CHECK (key ~ '^[a-z_]+\.[a-z_]+$'),
  value         text NOT NULL,
  changed_by    name NOT NULL DEFAULT session_user,
  change_number bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION securebase.stamp_clinic_setting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_number := nextval('securebase.change_number');
  NEW.changed_by := session_user;
  RETURN NEW;
END
$$;
CREATE TRIGGER clinic_settings_change_number BEFORE INSERT OR UPDATE
  ON securebase.clinic_settings FOR EACH ROW EXECUTE FUNCTION securebase.stamp_clinic_setting();

ALTER TABLE securebase.clinic_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY clinic_settings_read ON securebase.clinic_settings FOR SELECT
  TO securebase_counselor, securebase_supervisor USING (true);
CREATE POLICY clinic_settings_write ON securebase.clinic_settings FOR ALL
  TO securebase_supervisor USING (true) WITH CHECK (true);
GRANT SELECT ON securebase.clinic_settings TO securebase_counselor;
GRANT SELECT, INSERT, UPDATE ON securebase.clinic_settings TO securebase_supervisor;
)SQL";

}  // namespace securebase::server
