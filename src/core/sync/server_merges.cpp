#include "server_merges.h"

#include <algorithm>
#include <set>

#include "securebase/store/database.h"

namespace securebase::sync::detail {

namespace {

bool holdsFamily(store::Store& store, const std::string& uuid) {
  auto s = store.database().prepare("SELECT 1 FROM families WHERE uuid = ?");
  s.bind(1, uuid);
  return s.step();
}

// The uuids of every caregiver, child, visit, goal and referral of family `uuid` here.
std::set<std::string> recordsOf(store::Store& store, const std::string& uuid) {
  std::set<std::string> out;
  for (const char* table : {"caregivers", "children", "visits", "goals", "referrals"}) {
    auto s = store.database().prepare(std::string("SELECT r.uuid FROM ") + table +
                                      " r JOIN families f ON f.id = r.family_id WHERE f.uuid = ?");
    s.bind(1, uuid);
    while (s.step()) out.insert(s.text(0));
  }
  return out;
}

template <typename Records>
void leaveOut(Records& records, const std::set<std::string>& uuids) {
  std::erase_if(records, [&](const auto& record) { return uuids.count(record.uuid) > 0; });
}

}  // namespace

void leaveOutRecordsHeldHere(store::Store& store, const std::vector<ServerMerge>& merges,
                             exchange::ExchangeData& pulled) {
  for (const auto& merge : merges) {
    if (!holdsFamily(store, merge.loser) || holdsFamily(store, merge.winner)) continue;
    const auto held = recordsOf(store, merge.loser);
    for (auto& family : pulled.families) {
      if (family.uuid != merge.winner) continue;
      leaveOut(family.caregivers, held);
      leaveOut(family.children, held);
      leaveOut(family.visits, held);
      leaveOut(family.goals, held);
      leaveOut(family.referrals, held);
    }
  }
}

std::vector<ServerMerge> readServerMerges(server::Connection& server) {
  auto rows = server.exec(
      "SELECT loser_uuid, winner_uuid, merged_by, pair_id FROM securebase.family_merges "
      "ORDER BY change_number");
  std::vector<ServerMerge> merges;
  for (int i = 0; i < rows.rows(); ++i)
    merges.push_back({rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3)});
  return merges;
}

std::vector<ErrorText> applyServerMerges(store::Store& store,
                                         const std::vector<ServerMerge>& merges, bool name_unseen) {
  std::vector<ErrorText> lines;
  for (const auto& merge : merges) {
    if (!holdsFamily(store, merge.loser)) continue;
    if (store.mergeFamilyInto(merge.loser, merge.winner,
                              "merged by " + merge.merged_by +
                                  " on the agency server (possible duplicate " + merge.pair + ")"))
      lines.push_back(errorText("family {1} merged into family {2} (by {3} on the server)",
                                merge.loser, merge.winner, merge.merged_by));
    else if (name_unseen)
      lines.push_back(errorText(
          "family {1} was merged into family {2} on the server, which this login does not see; "
          "kept here as it was",
          merge.loser, merge.winner));
  }
  return lines;
}

}  // namespace securebase::sync::detail
