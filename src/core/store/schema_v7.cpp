// Schema version 7: the database's own id, made once at random. Copies (backups, a restored
// file) carry it, so backups can be told apart from those of another database with the same
// file name in the same folder. It depends on no other table: it stands alone.
#include "schema_sql.h"
#include "securebase/store/database.h"

namespace securebase::store::schema {

void migrateToVersion7(Database& db) {
  db.exec(R"SQL(
CREATE TABLE database_identity (
  id TEXT NOT NULL CHECK (length(id) = 32),
  made_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO database_identity (id) VALUES (lower(hex(randomblob(16))));
CREATE TRIGGER database_identity_fixed BEFORE UPDATE ON database_identity
BEGIN
  SELECT RAISE(ABORT, 'the database id cannot be changed');
END;
CREATE TRIGGER database_identity_one BEFORE INSERT ON database_identity
BEGIN
  SELECT RAISE(ABORT, 'the database has its id');
END;
)SQL");
}

}  // namespace securebase::store::schema
