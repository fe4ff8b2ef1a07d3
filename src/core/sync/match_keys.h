// What two records of one family entered on two laptops would share: each child's name and
// birth date, and the family's phone. Sent with every push for the families it brings; the
// server pairs families that share a key (server schema 5) for a supervisor to look at.
#pragma once

#include <string>
#include <vector>

#include "securebase/exchange/exchange_data.h"
#include "securebase/server/connection.h"

namespace securebase::sync::detail {

// A child's key: the name folded as the caseload search folds it (accents and case ignored,
// spaces and commas between words counted once), then '|' and the birth date.
std::string childMatchKey(const std::string& name, const model::Date& birth_date);
// A phone's key: its digits, the last nine of them so that a country code does not matter;
// empty (no key) for fewer than seven digits.
std::string phoneMatchKey(const std::string& phone);

class MatchKeys {
 public:
  void add(const exchange::FamilyData& family);
  // Replaces on the server the keys of every family added, in one statement.
  void send(server::Connection& server) const;

 private:
  std::vector<std::string> covered_, families_, kinds_, keys_;
};

}  // namespace securebase::sync::detail
