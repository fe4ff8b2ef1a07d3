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
// - Reassigned away: a family the push found someone else's is read-only here from then on
//   (store::Store::readOnlyFamily) until a sync finds it this login's again; it may be pruned
//   from this laptop once the server holds every record of it held here (by uuid, and by seal
//   for a record changed here since the last sync — never losing what the server lacks).
#pragma once

#include <map>
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
  // The same as a wording with parts, for the window to translate.
  ErrorText texts() const;
};

struct PushResult {
  PushCounts sent;
  std::vector<std::string> signed_visits;  // the uuids of the visits sent, named by the audit
  int drafts_kept = 0;                     // draft visits, which never leave the laptop
  int waiting_for_signature = 0;           // goals and referrals tied to a draft visit
  std::vector<std::string> not_mine;       // families someone else holds on the server (uuids)
  // Families a supervisor merged into another on the server (uuids): not pushed again.
  std::vector<std::string> merged_away;
  std::map<std::string, std::string> held_by;  // who holds each of them, by family uuid
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
  std::vector<ErrorText> merges;
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

// A family this laptop holds that the server has given to another counselor: read-only here.
// It can be pruned from this laptop once the server holds every record of it held here.
struct ReassignedFamily {
  std::string uuid;
  std::string name;
  std::string held_by;
  // What of it this laptop holds and the server lacks ("signed visit <uuid>", "draft visit
  // <uuid>", "caregiver <uuid>" changed here since the last sync, …): empty when it can go.
  std::vector<std::string> server_lacks;
  bool pruned = false;
  bool prunable() const { return server_lacks.empty(); }
};

struct SyncOptions {
  // Removes from this laptop each read-only family the server holds everything of.
  bool prune = false;
};

struct SyncResult {
  PushResult push;
  PullResult pull;
  // The families read-only here after this sync, by name (pruned ones marked so).
  std::vector<ReassignedFamily> read_only;
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
// push; then marks the families the push found someone else's read-only here and makes
// those found this login's again writable (both audited); then pull; then checks each
// read-only family against the server and, with options.prune, removes those it holds
// everything of (store::Store::pruneFamily).
SyncResult sync(store::Store& store, server::Connection& server, const SyncOptions& options = {});

// The read-only marks after a push (part of sync).
void markReassigned(store::Store& store, const PushResult& push);
// Each family read-only here, with what of it the server lacks (part of sync).
std::vector<ReassignedFamily> checkReadOnly(store::Store& store, server::Connection& server);

// What sync did, one line each: "pushed: 2 families, 5 signed visits", the drafts kept, the
// families not pushed, "pulled: …" (import's summary lines), the families read-only here and
// how many could be pruned, or were.
std::vector<std::string> summaryLines(const SyncResult& result);
// The same lines as wordings with parts (core/error.h), for the window to show translated.
std::vector<ErrorText> summaryTexts(const SyncResult& result);
// After a sync with prune: one line for each read-only family that stayed because the server
// lacks some of what this laptop holds of it, naming what.
std::vector<std::string> pruneRefusals(const SyncResult& result);

}  // namespace securebase::sync
