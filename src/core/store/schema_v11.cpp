// Schema version 11: what this laptop last agreed on with the agency server. For each family,
// caregiver, child, goal and referral that went to or came from the server, the record's seal
// (exchange/record_seal.h) as both sides held it at the last sync. A sync compares it with the
// seal here and the server's: a change on one side only is taken, a change on both is a
// conflict. Device-local, like the sync watermark: never exported, imported or backed up apart
// from the file itself. Written only after the server (push) or the local import (pull)
// committed, so a sync cut short at worst compares against an older agreement.
#include "schema_sql.h"
#include "securebase/store/database.h"

namespace securebase::store::schema {

void migrateToVersion11(Database& db) {
  db.exec(R"SQL(
CREATE TABLE sync_seals (
  uuid TEXT PRIMARY KEY,
  seal TEXT NOT NULL CHECK (length(seal) = 64)
) WITHOUT ROWID;
)SQL");
}

}  // namespace securebase::store::schema
