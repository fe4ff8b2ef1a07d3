#include "synced_seals.h"

#include "securebase/exchange/record_seal.h"

namespace securebase::sync::detail {

Seals editableSeals(const exchange::ExchangeData& data) {
  Seals seals;
  for (const auto& f : data.families) {
    seals[f.uuid] = exchange::recordSeal(f);
    for (const auto& c : f.caregivers) seals[c.uuid] = exchange::recordSeal(c);
    for (const auto& c : f.children) seals[c.uuid] = exchange::recordSeal(c);
    for (const auto& g : f.goals) seals[g.uuid] = exchange::recordSeal(g);
    for (const auto& r : f.referrals) seals[r.uuid] = exchange::recordSeal(r);
  }
  return seals;
}

Seals readSyncedSeals(store::Database& db) {
  Seals seals;
  auto rows = db.prepare("SELECT uuid, seal FROM sync_seals");
  while (rows.step()) seals[rows.text(0)] = rows.text(1);
  return seals;
}

void writeSyncedSeals(store::Database& db, const Seals& agreed) {
  if (agreed.empty()) return;
  db.transaction([&] {
    auto write = db.prepare("INSERT OR REPLACE INTO sync_seals (uuid, seal) VALUES (?, ?)");
    for (const auto& [uuid, seal] : agreed) {
      write.bind(1, uuid).bind(2, seal).run();
      write.reset();
    }
  });
}

Changed whoChanged(const std::string& here, const std::string& server, const std::string& agreed) {
  if (here == server) return Changed::neither;
  if (!agreed.empty() && server == agreed) return Changed::here;
  if (!agreed.empty() && here == agreed) return Changed::server;
  return Changed::both;
}

}  // namespace securebase::sync::detail
