// Families merged on the server (duplicates.h), merged here at the pull: a laptop holding both
// records files the merged-away one's under the family kept, as the server did. A laptop that
// holds the merged-away family but may not see the one kept (another counselor's) keeps it as
// it was, like a family reassigned away; its records are on the server under the family kept.
#pragma once

#include <string>
#include <vector>

#include "securebase/core/error.h"
#include "securebase/exchange/exchange_data.h"
#include "securebase/server/connection.h"
#include "securebase/store/store.h"

namespace securebase::sync::detail {

struct ServerMerge {
  std::string loser, winner, merged_by, pair;
};
// The merges this login may see, oldest first: a family kept by one merge and merged away by a
// later one ends in the last.
std::vector<ServerMerge> readServerMerges(server::Connection& server);

// A family kept that arrives only now brings the records of the family merged into it, which
// this laptop still holds under the family merged away: they are left out of `pulled`, so that
// the import does not take them for another family's, and the merge after it files them.
void leaveOutRecordsHeldHere(store::Store& store, const std::vector<ServerMerge>& merges,
                             exchange::ExchangeData& pulled);

// Applies each merge whose two families are here and says so: "family <a> merged into family
// <b> (by <login> on the server)". With `name_unseen`, a merged-away family here whose family
// kept is not gets "family <a> was merged into family <b> on the server, which this login does
// not see; kept here as it was".
std::vector<ErrorText> applyServerMerges(store::Store& store,
                                         const std::vector<ServerMerge>& merges, bool name_unseen);

}  // namespace securebase::sync::detail
