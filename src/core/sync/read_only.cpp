// Families reassigned away on the server: read-only here, and pruned only when the server holds
// every record of them this laptop holds.
#include <set>

#include "securebase/exchange/exchange_data.h"
#include "securebase/exchange/record_seal.h"
#include "securebase/sync/sync.h"
#include "server_text.h"
#include "synced_seals.h"

namespace securebase::sync {
namespace {

struct Record {
  std::string uuid;
  std::string what;  // "signed visit <uuid>"
  // The seal the server must hold; none when any version will do (the record is as both sides
  // agreed at the last sync: the server's may only be newer).
  std::optional<std::string> seal;
};

std::vector<Record> recordsHeld(const exchange::FamilyData& f, const detail::Seals& agreed) {
  std::vector<Record> records;
  auto editable = [&](const char* kind, const std::string& uuid, const std::string& seal) {
    const auto found = agreed.find(uuid);
    const bool unchanged = found != agreed.end() && found->second == seal;
    records.push_back({uuid, std::string(kind) + " " + uuid,
                       unchanged ? std::nullopt : std::optional<std::string>(seal)});
  };
  editable("family", f.uuid, exchange::recordSeal(f));
  for (const auto& c : f.caregivers) editable("caregiver", c.uuid, exchange::recordSeal(c));
  for (const auto& c : f.children) editable("child", c.uuid, exchange::recordSeal(c));
  for (const auto& v : f.visits)
    if (v.status == model::VisitStatus::signed_off)
      records.push_back({v.uuid, "signed visit " + v.uuid, exchange::visitSeal(v)});
  for (const auto& g : f.goals) editable("goal", g.uuid, exchange::recordSeal(g));
  for (const auto& r : f.referrals) editable("referral", r.uuid, exchange::recordSeal(r));
  return records;
}

}  // namespace

void markReassigned(store::Store& store, const PushResult& push) {
  std::set<std::string> away(push.not_mine.begin(), push.not_mine.end());
  for (const auto& family : store.readOnlyFamilies())
    if (!away.count(family.uuid)) store.markWritable(family.family_id);
  for (const auto& uuid : push.not_mine) {
    const auto id = store.idByUuid(store::Store::UuidTable::families, uuid);
    const auto holder = push.held_by.find(uuid);
    if (id && holder != push.held_by.end()) store.markReadOnly(*id, holder->second);
  }
}

std::vector<ReassignedFamily> checkReadOnly(store::Store& store, server::Connection& server) {
  std::vector<ReassignedFamily> list;
  const auto read_only = store.readOnlyFamilies();
  if (read_only.empty()) return list;
  const auto counselors = exchange::counselorUuids(store);
  const auto agreed = detail::readSyncedSeals(store.database());
  for (const auto& held : read_only) {
    ReassignedFamily family{held.uuid, held.display_name, held.held_by, {}, false};
    const auto data = exchange::readFamily(store, held.family_id, counselors);
    const auto records = recordsHeld(data, agreed);
    std::vector<std::string> uuids;
    std::vector<std::optional<std::string>> seals;
    for (const auto& r : records) {
      uuids.push_back(r.uuid);
      seals.push_back(r.seal);
    }
    auto missing =
        server.exec("SELECT securebase.records_missing($1, $2::uuid[], $3::text[])",
                    {held.uuid, detail::arrayLiteral(uuids), detail::arrayLiteral(seals)});
    std::set<std::string> lacking;
    for (int i = 0; i < missing.rows(); ++i) lacking.insert(missing.text(i, 0));
    for (const auto& r : records)
      if (lacking.count(r.uuid)) family.server_lacks.push_back(r.what);
    // A draft never leaves the laptop: the server cannot hold it.
    for (const auto& v : data.visits)
      if (v.status != model::VisitStatus::signed_off)
        family.server_lacks.push_back("draft visit " + v.uuid);
    list.push_back(std::move(family));
  }
  return list;
}

}  // namespace securebase::sync
