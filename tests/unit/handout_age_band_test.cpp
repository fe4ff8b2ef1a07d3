// The baby's age at the visit picks the handout's age-matched sections; a baby born early is
// placed by corrected age until 2 years.
#include <gtest/gtest.h>

#include "securebase/handout/content.h"
#include "securebase/handout/personal_inputs.h"

using securebase::handout::AgeBand;
using securebase::handout::ageBandFor;
using securebase::handout::ageInMonthsForAdvice;
using securebase::model::Child;
using securebase::model::Date;

TEST(HandoutAgeBand, MonthsPickTheBand) {
  EXPECT_EQ(ageBandFor(std::nullopt), AgeBand::general);
  EXPECT_EQ(ageBandFor(0), AgeBand::months_0_3);
  EXPECT_EQ(ageBandFor(3), AgeBand::months_0_3);
  EXPECT_EQ(ageBandFor(4), AgeBand::months_4_6);
  EXPECT_EQ(ageBandFor(6), AgeBand::months_4_6);
  EXPECT_EQ(ageBandFor(7), AgeBand::months_7_12);
  EXPECT_EQ(ageBandFor(12), AgeBand::months_7_12);
  EXPECT_EQ(ageBandFor(13), AgeBand::months_13_24);
  EXPECT_EQ(ageBandFor(24), AgeBand::months_13_24);
  EXPECT_EQ(ageBandFor(25), AgeBand::general);
  EXPECT_EQ(ageBandFor(-1), AgeBand::general);
}

TEST(HandoutAgeBand, PretermBabyIsPlacedByCorrectedAge) {
  Child child;
  child.birth_date = Date{2026, 6, 1};
  child.gestation_weeks = 28;  // 12 weeks early
  // Five months after birth, about two months corrected: the newborn advice, not 4-6 months.
  const auto months = ageInMonthsForAdvice(child, Date{2026, 11, 2});
  ASSERT_TRUE(months);
  EXPECT_LE(*months, 3);
  EXPECT_EQ(ageBandFor(months), AgeBand::months_0_3);
  child.gestation_weeks = 40;
  EXPECT_EQ(ageInMonthsForAdvice(child, Date{2026, 11, 2}), 5);
  EXPECT_EQ(ageInMonthsForAdvice(child, Date{2026, 5, 1}), std::nullopt);
}
