#include <gtest/gtest.h>

#include "securebase/model/age.h"
#include "securebase/model/visit_due.h"

using namespace securebase::model;

TEST(Age, CountsDaysWeeksAndMonthsFromBirth) {
  auto age = ageOn({2024, 1, 15}, {2024, 4, 20});
  ASSERT_TRUE(age);
  EXPECT_EQ(age->days, 96);
  EXPECT_EQ(age->weeks, 13);
  EXPECT_EQ(age->months, 3);
  EXPECT_FALSE(ageOn({2024, 1, 15}, {2024, 1, 14}));
}

TEST(Age, CorrectedAgeSubtractsTheWeeksBornEarly) {
  // Born at 32 weeks: 8 weeks early.
  auto corrected = correctedAgeOn({2024, 1, 1}, 32, {2024, 5, 1});
  ASSERT_TRUE(corrected);
  EXPECT_EQ(corrected->days, 121 - 56);
  EXPECT_EQ(corrected->months, 2);
}

TEST(Age, NoCorrectedAgeForTermBabiesOrFromTwoYears) {
  EXPECT_FALSE(correctedAgeOn({2024, 1, 1}, 37, {2024, 5, 1}));
  EXPECT_FALSE(correctedAgeOn({2024, 1, 1}, 40, {2024, 5, 1}));
  EXPECT_TRUE(correctedAgeOn({2024, 1, 1}, 30, {2025, 12, 31}));
  EXPECT_FALSE(correctedAgeOn({2024, 1, 1}, 30, {2026, 1, 1}));
}

TEST(Age, CorrectedAgeIsZeroBeforeTheDueDate) {
  auto corrected = correctedAgeOn({2024, 1, 1}, 28, {2024, 2, 1});
  ASSERT_TRUE(corrected);
  EXPECT_EQ(corrected->days, 0);
}

TEST(Age, DescribesAgesInEnglishAndSpanish) {
  EXPECT_EQ(describeAge({10, 1, 0}, Language::en), "10 days");
  EXPECT_EQ(describeAge({1, 0, 0}, Language::es), "1 día");
  EXPECT_EQ(describeAge({30, 4, 0}, Language::en), "4 weeks");
  EXPECT_EQ(describeAge({70, 10, 2}, Language::es), "2 meses");
  EXPECT_EQ(describeAge({40, 5, 1}, Language::en), "5 weeks");
  EXPECT_EQ(describeAge({800, 114, 26}, Language::en), "2 years 2 months");
  EXPECT_EQ(describeAge({740, 105, 24}, Language::es), "2 años");
}

TEST(NextVisitDue, UsesThePlannedDateOfTheLatestCompletedVisit) {
  EXPECT_EQ(nextVisitDue(LatestCompletedVisit{{2024, 5, 1}, Date{2024, 5, 10}}, 14),
            (Date{2024, 5, 10}));
}

TEST(NextVisitDue, OtherwiseAddsTheFamilysVisitFrequency) {
  EXPECT_EQ(nextVisitDue(LatestCompletedVisit{{2024, 5, 1}, std::nullopt}, 14),
            (Date{2024, 5, 15}));
  EXPECT_EQ(nextVisitDue(LatestCompletedVisit{{2024, 12, 20}, std::nullopt}, 30),
            (Date{2025, 1, 19}));
}

TEST(NextVisitDue, NothingIsDueBeforeAFirstCompletedVisit) {
  EXPECT_FALSE(nextVisitDue(std::nullopt, 14));
}

TEST(NextVisitDue, DaysOverdueCountsOnlyPastDueDates) {
  EXPECT_EQ(daysOverdue(Date{2024, 5, 10}, {2024, 5, 13}), 3);
  EXPECT_EQ(daysOverdue(Date{2024, 5, 10}, {2024, 5, 10}), 0);
  EXPECT_EQ(daysOverdue(Date{2024, 5, 10}, {2024, 5, 1}), 0);
  EXPECT_EQ(daysOverdue(std::nullopt, {2024, 5, 1}), 0);
}
