// Pull: the families that changed on the server since this database's watermark, imported by
// the ordinary import.
#include <algorithm>
#include <limits>

#include "clinic_settings.h"
#include "securebase/core/error.h"
#include "securebase/exchange/export.h"
#include "securebase/exchange/record_seal.h"
#include "securebase/store/settings.h"
#include "securebase/sync/sync.h"
#include "server_edits.h"
#include "server_families.h"
#include "server_merges.h"
#include "server_text.h"
#include "synced_seals.h"

namespace securebase::sync {
namespace {

// Reads under the push lock (shared) in one snapshot: every push either committed before the
// snapshot or waits for the read to end, so no row numbered below the highest one read can
// appear later. A session lock, since the snapshot must be taken after the lock is held.
detail::ServerRead readUnderPushLock(server::Connection& server, long long after) {
  server.exec(detail::pushLockCall("pg_advisory_lock_shared"));
  struct Unlock {
    server::Connection& server;
    ~Unlock() {
      try {
        server.exec(detail::pushLockCall("pg_advisory_unlock_shared"));
      } catch (const Error&) {
        // The connection is gone, and the lock with it.
      }
    }
  } unlock{server};
  server::Transaction transaction(server);
  server.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  auto read = detail::readChangedFamilies(server, after);
  // All of them, every time: the server's are the clinic's (clinic_settings.h).
  auto clinic = detail::readClinicSettings(server);
  read.data.settings = std::move(clinic.values);
  read.highest_change = std::max(read.highest_change, clinic.highest_change);
  transaction.commit();
  return read;
}

void checkSeals(const detail::ServerRead& read) {
  for (const auto& family : read.data.families)
    for (const auto& visit : family.visits)
      if (exchange::visitSeal(visit) != read.seals.at(visit.uuid))
        throwDatabase(errorText(
            "visit {1} on the server does not match the content it was signed with; nothing "
            "was pulled",
            visit.uuid));
}

// Whether the server holds anything this laptop lacks: a changed family, counselor or form,
// or a clinic setting with another value here.
bool anythingNew(const exchange::ExchangeData& pulled, const detail::SettingValues& here) {
  if (!pulled.families.empty() || !pulled.counselors.empty() || !pulled.forms.empty()) return true;
  for (const auto& [key, value] : pulled.settings) {
    const auto mine = here.find(key);
    if (mine == here.end() || mine->second != value) return true;
  }
  return false;
}

// Imports what the server sent, writes the server's edits and returns the seals both sides
// now hold.
detail::Seals take(store::Store& store, detail::ServerRead& read, const detail::Seals& synced,
                   PullResult& result) {
  // The server's edits of records this laptop did not change are written by the store's own
  // edits once the import has brought what they name; the import sees this laptop's versions.
  auto agreed = detail::editableSeals(read.data);
  const auto edits = detail::setAsideServerEdits(store, read.data, synced);
  // Through the import a file takes: every check, conflicts listed and never written over, the
  // local audit, and the clinic settings, which are the supervisor's (clinic_settings.h). One
  // transaction here; the watermark moves only once it committed.
  exchange::ImportOptions options;
  options.skip_conflicts = true;
  options.with_clinic_settings = true;
  result.plan =
      exchange::importExport(store, exchange::toJsonText(read.data), "the agency server", options);
  auto written = detail::writeServerEdits(store, edits);
  result.edits_taken = std::move(written.written);
  result.edits_refused = std::move(written.refused);
  // What came in, or was here already, is now the same on both sides; a conflict is not, nor
  // an edit the store refused.
  for (const auto& conflict : result.plan.conflicts) agreed.erase(conflict.key);
  for (const auto& uuid : written.refused_uuids) agreed.erase(uuid);
  return agreed;
}

}  // namespace

PullResult pull(store::Store& store, server::Connection& server) {
  PullResult result;
  detail::useIsoDates(server);
  detail::requireStaffLogin(server);
  result.from = store::settingNumber(store, store::setting::sync_change_number);
  auto read = readUnderPushLock(server, result.from);
  checkSeals(read);
  // Families merged on the server are merged here first, so what is pulled meets them filed
  // as the server files them; a family kept that arrives only now is merged into after.
  const auto merges = detail::readServerMerges(server);
  result.merges = detail::applyServerMerges(store, merges, false);
  const auto mergeArrived = [&] {
    for (auto& line : detail::applyServerMerges(store, merges, true))
      result.merges.push_back(std::move(line));
  };
  result.families = static_cast<int>(read.data.families.size());
  const auto synced = detail::readSyncedSeals(store.database());
  const auto clinic_before = detail::localClinicSettings(store);
  const bool taking = anythingNew(read.data, clinic_before);
  detail::Seals agreed;
  if (taking) {
    detail::leaveOutRecordsHeldHere(store, merges, read.data);
    agreed = take(store, read, synced, result);
  }
  mergeArrived();
  result.clinic_settings_replaced =
      detail::agreeClinicSettings(clinic_before, read.data.settings, synced, agreed);
  detail::writeSyncedSeals(store.database(), agreed);
  result.to = taking ? std::max(result.from, read.highest_change) : result.from;
  if (result.to > static_cast<long long>(std::numeric_limits<int>::max()))
    throwDatabase(
        errorText("the server's change numbers have outgrown this program; update SecureBase"));
  if (result.to != result.from)
    store.setSetting(store::setting::sync_change_number, std::to_string(result.to));
  return result;
}

}  // namespace securebase::sync
