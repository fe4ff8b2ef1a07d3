#include "securebase/model/age.h"

namespace securebase::model {
namespace {

Age ageBetween(Date from, Date to) {
  const auto days = static_cast<int>(daysBetween(from, to));
  return Age{days, days / 7, wholeMonthsBetween(from, to)};
}

std::string unit(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::optional<Age> ageOn(Date birth, Date on) {
  if (on < birth) return std::nullopt;
  return ageBetween(birth, on);
}

std::optional<Age> correctedAgeOn(Date birth, int gestation_weeks, Date on) {
  if (gestation_weeks >= kPretermBelowWeeks || on < birth) return std::nullopt;
  if (wholeMonthsBetween(birth, on) >= kCorrectedAgeUntilMonths) return std::nullopt;
  const Date due = birth.plusDays(static_cast<std::int64_t>(kTermWeeks - gestation_weeks) * 7);
  if (on < due) return Age{};
  return ageBetween(due, on);
}

std::string describeAge(const Age& age, Language language) {
  const bool es = language == Language::es;
  if (age.days < 14) return es ? unit(age.days, "día", "días") : unit(age.days, "day", "days");
  if (age.weeks < 8)
    return es ? unit(age.weeks, "semana", "semanas") : unit(age.weeks, "week", "weeks");
  if (age.months < 24)
    return es ? unit(age.months, "mes", "meses") : unit(age.months, "month", "months");
  const int years = age.months / 12, months = age.months % 12;
  std::string text = es ? unit(years, "año", "años") : unit(years, "year", "years");
  if (months > 0)
    text += " " + (es ? unit(months, "mes", "meses") : unit(months, "month", "months"));
  return text;
}

}  // namespace securebase::model
