// Calendar dates as SecureBase stores them: ISO-8601 "YYYY-MM-DD" text, no time zone.
// Pure value type; arithmetic goes through a day count so it needs no C library calls.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace securebase::model {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  // Strict "YYYY-MM-DD" with a real calendar day (2025-02-29 is refused); nullopt otherwise.
  static std::optional<Date> parse(std::string_view iso);
  // Day 0 is 1970-01-01.
  static Date fromDayNumber(std::int64_t days);
  // Today's date in the local time zone (where the counselor is).
  static Date today();

  std::int64_t dayNumber() const;
  std::string iso() const;
  Date plusDays(std::int64_t days) const { return fromDayNumber(dayNumber() + days); }
  // Same day of month `months` later, clamped to the month's last day (Jan 31 + 1 → Feb 28/29).
  Date plusMonths(int months) const;

  auto operator<=>(const Date&) const = default;
};

// Whole days from `from` to `to` (negative when `to` is earlier).
inline std::int64_t daysBetween(Date from, Date to) {
  return to.dayNumber() - from.dayNumber();
}

// Whole calendar months completed between the two dates (birthday-style counting).
int wholeMonthsBetween(Date from, Date to);

bool isLeapYear(int year);
int daysInMonth(int year, int month);

}  // namespace securebase::model
