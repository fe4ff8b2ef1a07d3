// The keys the agency server pairs possible duplicate families by: a child's name read as the
// caseload search reads it (accents, case and spacing ignored) with the birth date, and a phone
// by its digits.
#include "../../src/core/sync/match_keys.h"

#include <gtest/gtest.h>

using securebase::model::Date;
using securebase::sync::detail::childMatchKey;
using securebase::sync::detail::phoneMatchKey;

TEST(MatchKeys, AChildsNameIgnoresAccentsCaseAndSpacing) {
  const Date born = *Date::parse("2025-01-10");
  EXPECT_EQ(childMatchKey("Sofía Núñez", born), "sofia nunez|2025-01-10");
  EXPECT_EQ(childMatchKey("  SOFIA   NUNEZ ", born), childMatchKey("Sofía Núñez", born));
  EXPECT_EQ(childMatchKey("Núñez, Sofía", born), "nunez sofia|2025-01-10");
  EXPECT_NE(childMatchKey("Sofía", born), childMatchKey("Sofía", *Date::parse("2025-01-11")));
  EXPECT_NE(childMatchKey("Sofía", born), childMatchKey("Sofi", born));
  EXPECT_EQ(childMatchKey(" , ", born), "");  // no name, no key
}

TEST(MatchKeys, APhoneIsItsLastNineDigits) {
  EXPECT_EQ(phoneMatchKey("+34 612 345 678"), "612345678");
  EXPECT_EQ(phoneMatchKey("612-34-56-78"), phoneMatchKey("+34 612 345 678"));
  EXPECT_EQ(phoneMatchKey("(555) 123-4567"), phoneMatchKey("+1 555 123 4567"));
  EXPECT_EQ(phoneMatchKey("123 45 67"), "1234567");
  EXPECT_EQ(phoneMatchKey("12 34 56"), "");  // too short to tell families apart
  EXPECT_EQ(phoneMatchKey(""), "");
}
