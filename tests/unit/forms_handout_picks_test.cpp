#include <gtest/gtest.h>

#include "forms_fixture.h"
#include "securebase/forms/handout_picks.h"

namespace {

using namespace securebase::forms;
using securebase::model::Language;
using securebase::model::ObservationSet;
using securebase::model::Sex;
using securebase::testing::answer;
using securebase::testing::miniForm;
using securebase::testing::notObserved;
using securebase::testing::rated;

std::vector<std::string> ids(const std::vector<HandoutPoint>& points) {
  std::vector<std::string> result;
  result.reserve(points.size());
  for (const auto& point : points) result.push_back(point.item_id);
  return result;
}

using Ids = std::vector<std::string>;

TEST(Strengths, TopRatingsFirstThenFormOrder) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 1), rated("a2", 2), rated("a3", 0), rated("b1", 5),
                      rated("b2", 2)};
  EXPECT_EQ(ids(strengths(form, set, Language::en, "Ana", Sex::female, 10)),
            (Ids{"a2", "b1", "b2", "a1"}));
  EXPECT_EQ(ids(strengths(form, set, Language::en, "Ana", Sex::female, 2)), (Ids{"a2", "b1"}));
}

TEST(Strengths, NeverTheLowestRatingNotObservedUnansweredOrPrivate) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 0), notObserved("a2"), rated("w1", 2), rated("b1", 1)};
  EXPECT_TRUE(strengths(form, set, Language::en, "Ana", Sex::female, 5).empty());
}

TEST(Strengths, ItemsPickedForTryingAreNotStrengths) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 2, true), rated("a2", 2)};
  EXPECT_EQ(ids(strengths(form, set, Language::en, "Ana", Sex::female, 5)), (Ids{"a2"}));
}

TEST(Strengths, TextIsPersonalised) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 2)};
  const auto points = strengths(form, set, Language::es, "Ana", Sex::female, 3);
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0].text, "Fortaleza a1 de Ana.");
}

TEST(ThingsToTry, PickedItemsFirstThenLowestRatings) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 1), rated("a2", 0), rated("a3", 2, true), rated("b1", 1),
                      rated("b2", 0)};
  EXPECT_EQ(ids(thingsToTry(form, set, Language::en, "Ana", Sex::female)), (Ids{"a3", "a2", "b1"}));
  EXPECT_EQ(ids(thingsToTry(form, set, Language::en, "Ana", Sex::female, 10)),
            (Ids{"a3", "a2", "b1", "b2", "a1"}));
}

TEST(ThingsToTry, NeverUnansweredNotObservedPrivateOrAlreadyAtTheTop) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {notObserved("a1"), rated("a2", 2), rated("w1", 0), answer("a4", "no")};
  EXPECT_TRUE(thingsToTry(form, set, Language::en, "Ana", Sex::female, 10).empty());
  auto focus_not_observed = notObserved("a3");
  focus_not_observed.focus = true;
  set.observations.push_back(focus_not_observed);
  EXPECT_TRUE(thingsToTry(form, set, Language::en, "Ana", Sex::female, 10).empty());
}

TEST(ThingsToTry, TextIsPersonalised) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 0)};
  const auto points = thingsToTry(form, set, Language::en, "", Sex::unknown);
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0].text, "Try a1 with your baby.");
}

}  // namespace
