#include "server_edits.h"

#include "securebase/exchange/record_seal.h"

namespace securebase::sync::detail {
namespace {

using UuidTable = store::Store::UuidTable;

// Whether the record last agreed as `agreed_seal` changed on the server (to `server_seal`)
// and not here (`here` is the local record's data, when this laptop holds it).
template <typename Data>
bool changedOnServerOnly(const Data& here, const std::string& server_seal, const Seals& synced,
                         const std::string& uuid) {
  const auto agreed = synced.find(uuid);
  return agreed != synced.end() &&
         whoChanged(exchange::recordSeal(here), server_seal, agreed->second) == Changed::server;
}

}  // namespace

int takeServerEdits(store::Store& store, const exchange::ExchangeData& pulled,
                    const Seals& synced) {
  int written = 0;
  for (const auto& f : pulled.families) {
    const auto family_id = store.idByUuid(UuidTable::families, f.uuid);
    if (!family_id) continue;
    auto local = store.loadFamily(*family_id, store::Store::VisitDetail::rows_only);
    for (const auto& server : f.caregivers)
      for (auto& here : local.caregivers) {
        if (here.uuid != server.uuid) continue;
        if (!changedOnServerOnly(exchange::CaregiverData{here.uuid, here.name, here.relationship},
                                 exchange::recordSeal(server), synced, server.uuid))
          continue;
        here.name = server.name;
        here.relationship = server.relationship;
        store.updateCaregiver(here);
        ++written;
      }
    for (const auto& server : f.children)
      for (auto& here : local.children) {
        if (here.uuid != server.uuid) continue;
        if (!changedOnServerOnly(exchange::ChildData{here.uuid, here.name, here.birth_date,
                                                     here.gestation_weeks, here.sex},
                                 exchange::recordSeal(server), synced, server.uuid))
          continue;
        here.name = server.name;
        here.birth_date = server.birth_date;
        here.gestation_weeks = server.gestation_weeks;
        here.sex = server.sex;
        store.updateChild(here);
        ++written;
      }
  }
  return written;
}

}  // namespace securebase::sync::detail
