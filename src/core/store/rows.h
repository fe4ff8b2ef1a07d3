// Column lists and row readers shared by the store's files, so each entity is read one way.
#pragma once

#include <string>
#include <string_view>

#include "securebase/model/entities.h"
#include "securebase/store/database.h"

namespace securebase::store::rows {

// "SELECT <columns><rest>", where rest starts with " FROM …" or more columns. Built by appending:
// GCC 12 at -O2 reports `std::string("SELECT ") + columns + …` as out of bounds
// (-Warray-bounds, a false positive) in some files.
inline std::string select(std::string_view columns, std::string_view rest) {
  std::string text = "SELECT ";
  text.append(columns).append(rest);
  return text;
}

inline constexpr const char* kFamilyColumns =
    "f.id, f.uuid, f.display_name, f.language, f.status, f.closing_reason, "
    "f.visit_frequency_days, f.counselor_id, f.address, f.phone, f.created_on";
inline constexpr int kFamilyColumnCount = 11;
model::Family family(const Statement& s, int first = 0);

inline constexpr const char* kCaregiverColumns = "id, uuid, family_id, name, relationship";
model::Caregiver caregiver(const Statement& s);

inline constexpr const char* kChildColumns =
    "id, uuid, family_id, name, birth_date, gestation_weeks, sex";
model::Child child(const Statement& s);

inline constexpr const char* kVisitColumns =
    "id, uuid, family_id, counselor_id, visit_date, place, outcome, present, form_id, "
    "form_version, status, notes, next_planned, amends_visit_id, superseded_by, signed_at, "
    "signed_by, amend_reason";
model::Visit visit(const Statement& s);

inline constexpr const char* kGoalColumns =
    "id, uuid, family_id, text, status, set_at_visit_id, closed_at_visit_id, created_on";
model::Goal goal(const Statement& s);

inline constexpr const char* kReferralColumns =
    "id, uuid, family_id, visit_id, to_whom, reason, status, created_on, kind, concern_item, "
    "recorded_by";
model::Referral referral(const Statement& s);

// A stored date column; the schema only ever holds valid ISO dates.
model::Date date(const Statement& s, int column);
std::optional<model::Date> optionalDate(const Statement& s, int column);

}  // namespace securebase::store::rows
