// Pulled records the server changed while this laptop did not since the last sync: written
// here through the store's own edits, each with its audit row, before the import compares the
// pulled families with this database (it then finds them equal, not in conflict).
#pragma once

#include "securebase/exchange/exchange_data.h"
#include "securebase/store/store.h"
#include "synced_seals.h"

namespace securebase::sync::detail {

// Caregivers and children for now (a family, goal or referral changed on the server only is
// still listed by the import as a conflict); `synced` is the last agreement. Returns how many were
// written.
int takeServerEdits(store::Store& store, const exchange::ExchangeData& pulled, const Seals& synced);

}  // namespace securebase::sync::detail
