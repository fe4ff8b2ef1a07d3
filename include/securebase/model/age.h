// A baby's age, and the corrected age of a baby born preterm: the age counted from the due
// date (40 weeks of gestation) instead of the birth date. Clinicians use corrected age for
// babies born before 37 weeks, until the child is 24 months old.
#pragma once

#include <optional>
#include <string>

#include "securebase/model/date.h"
#include "securebase/model/enums.h"

namespace securebase::model {

struct Age {
  int days = 0;    // total days
  int weeks = 0;   // total whole weeks
  int months = 0;  // whole calendar months
};

inline constexpr int kPretermBelowWeeks = 37;
inline constexpr int kTermWeeks = 40;
inline constexpr int kCorrectedAgeUntilMonths = 24;

// Chronological age on `on`; nullopt when `on` is before the birth.
std::optional<Age> ageOn(Date birth, Date on);

// Corrected age on `on` for a preterm baby younger than 24 months; nullopt otherwise (term
// baby, 24 months or older, or a corrected date still before the due date gives 0 days).
std::optional<Age> correctedAgeOn(Date birth, int gestation_weeks, Date on);

// "3 weeks", "5 months", "1 year 2 months" / "3 semanas", "5 meses", "1 año 2 meses".
// Under 8 weeks counts weeks (days under 2 weeks), under 24 months counts months.
std::string describeAge(const Age& age, Language language);

}  // namespace securebase::model
