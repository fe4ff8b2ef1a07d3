#include <gtest/gtest.h>

#include "forms_fixture.h"
#include "securebase/forms/answers.h"
#include "securebase/forms/scoring.h"

namespace {

using namespace securebase::forms;
using securebase::model::ObservationSet;
using securebase::testing::answer;
using securebase::testing::miniForm;
using securebase::testing::notObserved;
using securebase::testing::rated;

const SectionScore& scoreOf(const std::vector<SectionScore>& scores, const std::string& id) {
  for (const auto& score : scores)
    if (score.section_id == id) return score;
  throw std::runtime_error("no score for section " + id);
}
// A reference into a temporary list would dangle once the statement ends.
const SectionScore& scoreOf(std::vector<SectionScore>&& scores, const std::string& id) = delete;
double percentOf(const std::vector<SectionScore>& scores, const std::string& id) {
  return scoreOf(scores, id).percent.value();
}

TEST(AnswerStates, UnansweredNotObservedAndLowestRatingStayDistinct) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 0), notObserved("a2")};
  EXPECT_EQ(answerState(set, *form.item("a1")), AnswerState::answered);
  EXPECT_EQ(answerState(set, *form.item("a2")), AnswerState::not_observed);
  EXPECT_EQ(answerState(set, *form.item("a3")), AnswerState::unanswered);
}

TEST(AnswerStates, ANoteWithoutAnAnswerIsStillUnanswered) {
  const Form form = miniForm();
  ObservationSet set;
  auto note_only = answer("a1", "");
  note_only.note = "Baby asleep most of the visit";
  set.observations = {note_only};
  EXPECT_EQ(answerState(set, *form.item("a1")), AnswerState::unanswered);
}

TEST(SectionScores, LowestRatingCountsAsZeroPercent) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 0)};
  const auto scores = scoreSections(form, set);
  const auto& care = scoreOf(scores, "care");
  ASSERT_TRUE(care.percent.has_value());
  EXPECT_DOUBLE_EQ(*care.percent, 0.0);
  EXPECT_EQ(care.rated, 1);
  EXPECT_EQ(care.unanswered, 2);
}

TEST(SectionScores, NotObservedAndUnansweredAreLeftOut) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 2), notObserved("a2")};  // a3 unanswered
  const auto scores = scoreSections(form, set);
  const auto& care = scoreOf(scores, "care");
  ASSERT_TRUE(care.percent.has_value());
  EXPECT_DOUBLE_EQ(*care.percent, 100.0);
  EXPECT_EQ(care.rated, 1);
  EXPECT_EQ(care.not_observed, 1);
  EXPECT_EQ(care.unanswered, 1);
}

TEST(SectionScores, MeanOfRatedItemsAsShareOfTheScale) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 2), rated("a2", 1), rated("a3", 0)};
  EXPECT_DOUBLE_EQ(percentOf(scoreSections(form, set), "care"), 50.0);
  set.observations = {rated("a1", 2), rated("a2", 1)};
  EXPECT_DOUBLE_EQ(percentOf(scoreSections(form, set), "care"), 75.0);
}

TEST(SectionScores, ScalesNotStartingAtZeroUseTheirRange) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("b1", 1), rated("b2", 2)};  // 0 % and 100 %
  EXPECT_DOUBLE_EQ(percentOf(scoreSections(form, set), "more"), 50.0);
  set.observations = {rated("b1", 4)};
  EXPECT_DOUBLE_EQ(percentOf(scoreSections(form, set), "more"), 75.0);
}

TEST(SectionScores, NothingRatedGivesNoScore) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {notObserved("a1"), notObserved("a2"), notObserved("a3"), answer("a4", "yes")};
  const auto scores = scoreSections(form, set);
  const auto& care = scoreOf(scores, "care");
  EXPECT_FALSE(care.percent.has_value());
  EXPECT_EQ(care.not_observed, 3);
  EXPECT_EQ(care.rated, 0);
}

TEST(SectionScores, PrivateSectionsAreScoredAndMarked) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("w1", 1)};
  const auto scores = scoreSections(form, set);
  ASSERT_EQ(scores.size(), 3u);
  EXPECT_FALSE(scores[0].is_private);
  EXPECT_TRUE(scoreOf(scores, "wellbeing").is_private);
  EXPECT_DOUBLE_EQ(*scoreOf(scores, "wellbeing").percent, 50.0);
}

TEST(SectionScores, AValueOutsideTheScaleIsNotScored) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 7), rated("a2", 2)};
  const auto scores = scoreSections(form, set);
  const auto& care = scoreOf(scores, "care");
  EXPECT_DOUBLE_EQ(*care.percent, 100.0);
  EXPECT_EQ(care.rated, 1);
}

TEST(ScoreChange, DifferenceInPointsPerSection) {
  const Form form = miniForm();
  ObservationSet before;
  before.observations = {rated("a1", 0), rated("a2", 1), rated("w1", 2)};
  ObservationSet after;
  after.observations = {rated("a1", 2), rated("a2", 1), rated("b2", 1)};
  const auto changes = scoreChange(scoreSections(form, before), scoreSections(form, after));
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].section_id, "care");
  EXPECT_DOUBLE_EQ(*changes[0].points, 50.0);   // 25 % → 75 %
  EXPECT_FALSE(changes[1].points.has_value());  // "more" had no score before
  EXPECT_FALSE(changes[2].points.has_value());  // "wellbeing" has none now
  EXPECT_TRUE(changes[2].is_private);
}

TEST(ScoreChange, DropsAreNegative) {
  const Form form = miniForm();
  ObservationSet before;
  before.observations = {rated("a1", 2)};
  ObservationSet after;
  after.observations = {rated("a1", 1)};
  const auto changes = scoreChange(scoreSections(form, before), scoreSections(form, after));
  EXPECT_DOUBLE_EQ(*changes[0].points, -50.0);
}

TEST(AnswerCounts, CountAnswersAndListUnansweredInFormOrder) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 0), notObserved("a2"), answer("a4", "no"), answer("b5", "")};
  EXPECT_EQ(answeredCount(form, set), 3u);
  const std::vector<std::string> expected{"a3", "b1", "b2", "b3", "b4", "b5", "b6", "w1", "w2"};
  EXPECT_EQ(unansweredItems(form, set), expected);
}

TEST(ConcernFlag, OnlyAYesOnAConcernItemFlags) {
  const Form form = miniForm();
  ObservationSet set;
  EXPECT_FALSE(concernFlagged(form, set));
  set.observations = {answer("w2", "no"), answer("a4", "yes")};
  EXPECT_FALSE(concernFlagged(form, set));
  set.observations = {notObserved("w2")};
  EXPECT_FALSE(concernFlagged(form, set));
  set.observations = {answer("w2", "yes")};
  EXPECT_TRUE(concernFlagged(form, set));
}

}  // namespace
