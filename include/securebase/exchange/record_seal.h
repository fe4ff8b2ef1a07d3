// The seal of a record as it leaves the database: the SHA-256 of its exported JSON, so that any
// copy of it — on the agency server, on another laptop — can be told apart from what was sent.
//
// A signed visit's seal covers every observation; which later visit supersedes it is not part of
// it (an amendment signed afterwards does not change what was signed). A family's covers its own
// fields only, not its people, visits, goals or referrals, which have seals of their own.
#pragma once

#include <string>

#include "securebase/exchange/exchange_data.h"

namespace securebase::exchange {

// Each 64 lower-case hex digits.
std::string visitSeal(const VisitData& visit);
std::string recordSeal(const FamilyData& family);
std::string recordSeal(const CaregiverData& caregiver);
std::string recordSeal(const ChildData& child);
std::string recordSeal(const GoalData& goal);
std::string recordSeal(const ReferralData& referral);

}  // namespace securebase::exchange
