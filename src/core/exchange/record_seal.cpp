#include "securebase/exchange/record_seal.h"

#include <boost/json/serialize.hpp>

#include "record_json.h"
#include "securebase/core/sha256.h"

namespace securebase::exchange {

namespace {
std::string sealOf(const boost::json::object& record) {
  return sha256Hex(boost::json::serialize(record));
}
}  // namespace

std::string visitSeal(const VisitData& visit) {
  auto record = detail::toJson(visit);
  record.erase("superseded_by_uuid");
  return sealOf(record);
}

std::string recordSeal(const FamilyData& family) {
  return sealOf(detail::familyFields(family));
}
std::string recordSeal(const CaregiverData& caregiver) {
  return sealOf(detail::toJson(caregiver));
}
std::string recordSeal(const ChildData& child) {
  return sealOf(detail::toJson(child));
}
std::string recordSeal(const GoalData& goal) {
  return sealOf(detail::toJson(goal));
}
std::string recordSeal(const ReferralData& referral) {
  return sealOf(detail::toJson(referral));
}

}  // namespace securebase::exchange
