#include "schema_v4.h"

namespace securebase::server {

// Version 4: a referral row may record that no referral was made after a wellbeing concern, as
// the laptops' files do (their schema 10): kind 'no_referral', naming nobody, with the concern's
// item, why, and who decided. Without it a laptop holding such a record could not sync at all.
const char* const kServerSchemaV4 = R"SQL(
ALTER TABLE securebase.referrals
  ADD COLUMN kind         text NOT NULL DEFAULT 'referral'
                          CHECK (kind IN ('referral', 'no_referral')),
  ADD COLUMN concern_item text NOT NULL DEFAULT '',
  ADD COLUMN recorded_by  text NOT NULL DEFAULT '';
ALTER TABLE securebase.referrals DROP CONSTRAINT referrals_to_whom_check;
ALTER TABLE securebase.referrals ADD CONSTRAINT referrals_names_someone_or_says_why CHECK (
  (kind = 'referral' AND length(to_whom) > 0) OR
  (kind = 'no_referral' AND to_whom = '' AND length(reason) > 0 AND status = 'completed'));
)SQL";

}  // namespace securebase::server
