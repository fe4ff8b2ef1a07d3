// Deidentified exports for program evaluation: what is left cannot name a family, but keeps
// everything an evaluator counts — how many visits, when relative to each other and to the
// baby's birth, which practices were rated how, goals and referrals by status.
//
// - Names go: families become "Family F-…", children "Child C-…", caregivers are known by their
//   relationship only, counselors "Counselor K-…"; signers "[removed]".
// - Addresses, phone numbers and e-mail addresses go.
// - Free text goes: visit notes, place and who was present, observation notes and text
//   answers, goal texts, referral destinations and reasons, closing reasons ("[removed]" where
//   there was text, so an evaluator still sees that there was some).
// - Dates move by a per-family offset of 1–365 days into the past, the same for every date of
//   the family (visits, births, goals, referrals, signatures), so ages and intervals hold.
// - Uuids become short pseudonyms (a keyed hash of the uuid), stable within one export.
// - Settings other than the default language and paper size go.
// All of it is keyed by a secret salt: random for each export unless a seed is given.
#pragma once

#include <cstdint>
#include <string>

#include "securebase/exchange/exchange_data.h"

namespace securebase::exchange {

inline constexpr const char* kRemoved = "[removed]";

// 32 random bytes as hex.
std::string randomSalt();
// The salt a given --seed stands for (the same seed, the same pseudonyms and offsets).
std::string saltFromSeed(const std::string& seed);

// HMAC-SHA-256 of `message` keyed with `key`, as lower-case hex.
std::string hmacSha256Hex(const std::string& key, const std::string& message);

// `prefix` + "-" + the first 12 hex digits of the keyed hash of `uuid`, e.g. "F-3fa9c01be27d".
std::string pseudonym(const std::string& salt, const std::string& prefix, const std::string& uuid);
// Days (1–365) a family's dates move back.
int dateOffsetDays(const std::string& salt, const std::string& family_uuid);

// Applies the rules above. Text answers are found through the form snapshots in `data`.
ExchangeData deidentify(ExchangeData data, const std::string& salt);

}  // namespace securebase::exchange
