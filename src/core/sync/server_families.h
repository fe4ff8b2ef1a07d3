// The server's rows of some families, read as export data (exchange_data.h), with what the
// families name (counselors, forms): what a pull imports.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "securebase/exchange/exchange_data.h"
#include "securebase/server/connection.h"

namespace securebase::sync::detail {

struct ServerRead {
  exchange::ExchangeData data;
  // Each visit's seal as the server's signature holds it, by visit uuid.
  std::map<std::string, std::string> seals;
  long long highest_change = 0;  // the highest change number among the rows read
};

// The families with a row numbered after `after` that the login may see, each whole, plus the
// counselors recorded on laptops numbered after `after` and every counselor and form the
// families name. Error(database) for a value the laptop could not hold.
ServerRead readChangedFamilies(server::Connection& db, long long after);

}  // namespace securebase::sync::detail
