// Possible duplicate families (server schema 5): one family entered on two laptops has two
// uuids. The server pairs families whose records share a child's name and birth date (accents
// and case ignored) or a phone number (its digits); a supervisor lists the pairs and merges one
// by keeping one of its two families, which then holds every caregiver, child, visit, goal and
// referral of both. Nothing is merged automatically. Laptops do the same merge at their next
// sync (store::Store::mergeFamilyInto).
#pragma once

#include <string>
#include <vector>

#include "securebase/server/connection.h"

namespace securebase::sync {

struct DuplicateFamily {
  std::string uuid;
  std::string name;
  std::string counselor;  // the counselor it is assigned to on the server
};

struct PossibleDuplicate {
  long long id = 0;
  DuplicateFamily first, second;
  bool same_child = false;  // a child's name and birth date
  bool same_phone = false;
  // "same child name and birth date", "same caregiver phone", or both joined by "; ".
  std::string why() const;
};

// The pairs whose families still share a key, oldest first. Error(bad_input) unless the login
// is a supervisor.
std::vector<PossibleDuplicate> possibleDuplicates(server::Connection& server);
// How many there are; 0 for a counselor's login, which sees none.
long long possibleDuplicateCount(server::Connection& server);

// Keeps family `keep` of pair `pair` and merges the other into it, in one server transaction
// with a row in the push audit; returns the uuid of the family merged away. Error(bad_input)
// unless the login is a supervisor, or when the pair's families no longer share a key or `keep`
// is not one of them; Error(not_found) when there is no pair `pair`. A refused merge changes
// nothing.
std::string mergeDuplicate(server::Connection& server, long long pair, const std::string& keep);

}  // namespace securebase::sync
