// Deidentified exports for program evaluation: what is left cannot name a family, but keeps
// everything an evaluator counts — how many visits, when relative to each other and to the
// baby's birth, which practices were rated how, goals and referrals by status.
//
// An allow-list: each record is built anew from the fields declared safe below; nothing else
// is copied, so a field added to the format later stays behind until it is declared here.
//
// - Names go: families become "Family F-…", children "Child C-…", caregivers are known by their
//   relationship only, as one fixed choice (relationshipChoice: "mother", "aunt", …, "other" —
//   never the text typed), counselors "Counselor K-…"; signers "[removed]".
// - Addresses, phone numbers and e-mail addresses go.
// - Free text goes: visit notes, place and who was present, observation notes and text
//   answers, goal texts, referral destinations and reasons, closing reasons ("[removed]" where
//   there was text, so an evaluator still sees that there was some). An answer is kept only
//   when its form declares the item with a closed kind (rating, yes/no, choice, number) and the
//   value is valid for it; observations of items no form declares are left out.
// - Dates move by a per-family offset of 1–365 days into the past, the same for every date of
//   the family (visits, births, goals, referrals, signatures), so ages and intervals hold.
// - Uuids become short pseudonyms (a keyed hash of the uuid), stable within one export.
// - Settings other than the default language and paper size go.
// All of it is keyed by a secret salt: random for each export unless a seed is given.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/exchange/exchange_data.h"
#include "securebase/forms/form.h"

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

// The fixed relationship choices: mother, father, grandmother, grandfather, aunt, uncle, sister,
// brother, step-parent, foster parent, guardian, partner, other. Only a relationship that is
// exactly one of them (or its common English or Spanish word, any case) maps to it; anything
// else — "aunt Rosalind, 555-…" included — is "other".
std::string relationshipChoice(std::string_view relationship);

// The rules above, record by record (export streams one family at a time). Answers are judged
// by the form snapshots given.
class Deidentifier {
 public:
  Deidentifier(std::string salt, const std::vector<store::FormSnapshot>& forms);
  std::map<std::string, std::string> settings(const std::map<std::string, std::string>& all) const;
  CounselorData counselor(const CounselorData& counselor) const;
  FamilyData family(const FamilyData& family) const;
  // The uuid a family gets, by which a deidentified export orders its families.
  std::string familyPseudonym(const std::string& uuid) const { return id("F", uuid); }

 private:
  std::string id(const std::string& prefix, const std::string& uuid) const;
  std::optional<std::string> id(const std::string& prefix,
                                const std::optional<std::string>& uuid) const;
  VisitData visit(const VisitData& visit, int shift_days) const;

  std::string salt_;
  std::map<std::string, forms::Form> forms_;  // by "form-id/version"
};

// Applies the rules above to a whole export.
ExchangeData deidentify(const ExchangeData& data, const std::string& salt);

}  // namespace securebase::exchange
