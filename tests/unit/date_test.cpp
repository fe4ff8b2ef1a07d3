#include "securebase/model/date.h"

#include <gtest/gtest.h>

using securebase::model::Date;

TEST(Date, ParsesStrictIsoDates) {
  auto d = Date::parse("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2024);
  EXPECT_EQ(d->month, 2);
  EXPECT_EQ(d->day, 29);
  EXPECT_EQ(d->iso(), "2024-02-29");
}

TEST(Date, RefusesImpossibleOrMalformedDates) {
  for (const char* bad : {"2025-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "2024/01/01", "",
                          "20240101", "2024-01-32", "abcd-ef-gh", "2024-01-01T00"})
    EXPECT_FALSE(Date::parse(bad)) << bad;
}

TEST(Date, DayNumbersRoundTrip) {
  EXPECT_EQ((Date{1970, 1, 1}).dayNumber(), 0);
  EXPECT_EQ((Date{2000, 3, 1}).dayNumber(), 11017);
  for (std::int64_t n = -1000; n < 30000; n += 37) EXPECT_EQ(Date::fromDayNumber(n).dayNumber(), n);
}

TEST(Date, AddsDaysAndMonthsAcrossBoundaries) {
  EXPECT_EQ((Date{2024, 12, 25}).plusDays(14), (Date{2025, 1, 8}));
  EXPECT_EQ((Date{2024, 1, 31}).plusMonths(1), (Date{2024, 2, 29}));
  EXPECT_EQ((Date{2023, 1, 31}).plusMonths(1), (Date{2023, 2, 28}));
}

TEST(Date, CountsWholeMonthsLikeBirthdays) {
  EXPECT_EQ(securebase::model::wholeMonthsBetween({2024, 1, 15}, {2024, 2, 14}), 0);
  EXPECT_EQ(securebase::model::wholeMonthsBetween({2024, 1, 15}, {2024, 2, 15}), 1);
  EXPECT_EQ(securebase::model::wholeMonthsBetween({2024, 1, 31}, {2024, 2, 29}), 1);
  EXPECT_EQ(securebase::model::wholeMonthsBetween({2022, 6, 1}, {2024, 6, 1}), 24);
}
