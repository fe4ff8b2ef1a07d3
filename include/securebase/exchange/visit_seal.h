// The seal of a signed visit as it leaves the database: the SHA-256 of its exported record
// (with every observation), so that any copy of the visit — on the agency server, on another
// laptop — can be checked against what was signed. Which later visit supersedes it is not part
// of the seal: an amendment signed afterwards does not change what was signed.
#pragma once

#include <string>

#include "securebase/exchange/exchange_data.h"

namespace securebase::exchange {

// 64 lower-case hex digits.
std::string visitSeal(const VisitData& visit);

}  // namespace securebase::exchange
