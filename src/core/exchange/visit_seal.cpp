#include "securebase/exchange/visit_seal.h"

#include <boost/json/serialize.hpp>

#include "record_json.h"
#include "securebase/core/sha256.h"

namespace securebase::exchange {

std::string visitSeal(const VisitData& visit) {
  auto record = detail::toJson(visit);
  record.erase("superseded_by_uuid");
  return sha256Hex(boost::json::serialize(record));
}

}  // namespace securebase::exchange
