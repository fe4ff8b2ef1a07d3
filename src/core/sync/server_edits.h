// Pulled records the server changed while this laptop did not since the last sync: families,
// caregivers, children, goals and referrals. They are written here through the store's own
// edits, each with its audit row — the one write path every edit takes — and never by the
// import, which only adds what is missing and names what differs as a conflict.
//
// In two steps around the import: first this laptop's version takes the server's place in the
// pulled data, so the import finds the record present, not in conflict; then, once the import
// has brought what the server's version names (a goal closed at a visit signed on another
// laptop, a family's new counselor), the server's version is written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "securebase/exchange/exchange_data.h"
#include "securebase/store/store.h"
#include "synced_seals.h"

namespace securebase::sync::detail {

// The server's versions of the records set aside, one family at a time.
struct ServerEdits {
  struct Family {
    std::string uuid;
    std::optional<exchange::FamilyData> fields;  // the family's own fields, when they changed
    std::vector<exchange::CaregiverData> caregivers;
    std::vector<exchange::ChildData> children;
    std::vector<exchange::GoalData> goals;
    std::vector<exchange::ReferralData> referrals;
  };
  std::vector<Family> families;
};

// Finds in `pulled` the records changed on the server only since the last agreement `synced`
// whose change the store's edits can make (a change to what no edit touches, such as the day a
// record was created, stays a conflict), and puts this laptop's version in their place.
ServerEdits setAsideServerEdits(store::Store& store, exchange::ExchangeData& pulled,
                                const Seals& synced);

struct WrittenEdits {
  std::vector<std::string> written;  // "goal <uuid>"
  // Refused by the store's checks ("goal <uuid>: <why>"): left as it is here, and the last
  // agreement with it, so the next sync meets the change again.
  std::vector<std::string> refused;
  std::vector<std::string> refused_uuids;
};

// Writes the server's versions through the store's edits, each its own transaction.
WrittenEdits writeServerEdits(store::Store& store, const ServerEdits& edits);

}  // namespace securebase::sync::detail
