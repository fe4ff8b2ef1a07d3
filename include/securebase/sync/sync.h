// Sync (DESIGN §13): a laptop pushes to the agency's PostgreSQL server what the server lacks,
// then pulls what its login may see. The laptop keeps working on its own file; the server is
// where laptops meet.
//
// - Push: this database's counselors, form snapshots, families with their caregivers and
//   children, signed visits (with their observations and original signatures), goals and
//   referrals, in one server transaction with one row in the server's push audit. Drafts stay
//   here, and so do goals and referrals tied to a draft visit until it is signed. Records are
//   matched by uuid: what the server has is not sent again, so a second push sends nothing.
//   A family that is someone else's on the server (reassigned away) is not pushed. Families,
//   people, goals and referrals carry their seal (record_seal.h), and this laptop keeps each
//   one's seal as of the last sync (synced_seals.h): one changed here only is updated on the
//   server; one changed on both sides is a conflict, named and written on neither side.
// - Pull: every family with a row numbered after this database's watermark (a device setting,
//   never exported or imported) that the login may see, whole, with the counselors and forms
//   it names, turned into export data and imported by the ordinary import — every check and
//   the local audit apply. A family, caregiver, child, goal or referral changed on the server only
//   since the last sync is written here through the store's own edit once the import committed;
//   any other record that differs here is a conflict, listed and left as it is here. Each pulled
//   signed visit must match its server seal. The watermark moves after the import committed, so a
//   pull cut short is simply pulled again.
// - Clinic settings (clinic_settings.h): a supervisor's laptop pushes those changed here since
//   the last sync; every pull takes all of the server's, which win over a laptop's own.
// - Possible duplicates (duplicates.h): each push sends its families' match keys, and the server
//   pairs families that share one for a supervisor. A family a supervisor merged into another
//   is not pushed again, and the pull merges it here too when this laptop holds both.
#pragma once

#include <string>
#include <vector>

#include "securebase/exchange/import.h"
#include "securebase/server/connection.h"
#include "securebase/store/store.h"

namespace securebase::sync {

struct PushCounts {
  int counselors = 0;
  int forms = 0;
  int families = 0;
  int people = 0;  // caregivers and children
  int visits = 0;  // signed visits and amendments
  int goals = 0;
  int referrals = 0;
  bool any() const;
  // "2 families, 4 people, 3 signed visits" (what is not zero).
  std::string text() const;
};

struct PushResult {
  PushCounts sent;
  std::vector<std::string> signed_visits;  // the uuids of the visits sent, named by the audit
  int drafts_kept = 0;                     // draft visits, which never leave the laptop
  int waiting_for_signature = 0;           // goals and referrals tied to a draft visit
  std::vector<std::string> not_mine;       // families someone else holds on the server (uuids)
  // Families a supervisor merged into another on the server (uuids): not pushed again.
  std::vector<std::string> merged_away;
  // Records ("caregiver <uuid>") changed here only since the last sync: updated on the server.
  std::vector<std::string> edited;
  // Records changed here and on the server since the last sync: a conflict, neither side
  // written over.
  std::vector<std::string> conflicts;
  // The clinic settings a supervisor's laptop sent (their keys): changed here alone since the
  // last sync, or not on the server yet. Never from a counselor's laptop.
  std::vector<std::string> clinic_settings_sent;
};

struct PullResult {
  long long from = 0;  // the watermark before and after
  long long to = 0;
  int families = 0;  // families read from the server (changed since the watermark)
  // Families merged here as a supervisor merged them on the server, one line each
  // (server_merges.h); and merged-away families kept here because the family kept is not seen.
  std::vector<std::string> merges;
  exchange::ImportPlan plan;
  // Records changed on the server only since the last sync, written here by the store's own
  // edits ("goal <uuid>"), and those its checks refused ("goal <uuid>: <why>"), left as they are.
  std::vector<std::string> edits_taken;
  std::vector<std::string> edits_refused;
  // Clinic settings changed on this computer since the last sync (or never agreed) that gave
  // way to the server's: the supervisors' are the clinic's. Each change taken is listed with
  // the import's (plan.clinic_settings).
  std::vector<std::string> clinic_settings_replaced;
};

struct SyncResult {
  PushResult push;
  PullResult pull;
  // The server's unresolved conflicts this login may see, oldest first: "12: caregiver <uuid>
  // (reported by <login>)". Listed by every sync until a supervisor resolves them.
  std::vector<std::string> open_conflicts;
  // Pairs of families the server flags as possibly one family entered twice, waiting for a
  // supervisor (duplicates.h); always 0 for a counselor's login.
  long long possible_duplicates = 0;
};

// Error(bad_input) when the login is not a counselor or supervisor of the server's schema, or
// a record here cannot go (a form whose version the server holds with other content);
// Error(database) when the server cannot be reached or refuses. A failed push leaves the server
// as it was.
PushResult push(store::Store& store, server::Connection& server);
PullResult pull(store::Store& store, server::Connection& server);
// push, then pull.
SyncResult sync(store::Store& store, server::Connection& server);

// What sync did, one line each: "pushed: 2 families, 5 signed visits", the drafts kept, the
// families not pushed, "pulled: …" (import's summary lines).
std::vector<std::string> summaryLines(const SyncResult& result);

}  // namespace securebase::sync
