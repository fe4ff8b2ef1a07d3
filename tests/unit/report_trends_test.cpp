// Trend arithmetic of the progress report and the caseload arrow, over plain records.
#include <gtest/gtest.h>

#include "forms_fixture.h"
#include "securebase/report/trends.h"

namespace securebase::report {
namespace {

using testing::miniForm;
using testing::notObserved;
using testing::rated;

class Trend : public ::testing::Test {
 protected:
  Trend() : v1_(miniForm()), v2_(miniForm()) {
    // Version 2 dropped item a3: its visits must still score with version 1.
    v2_.version = 2;
    auto& items = v2_.sections[0].items;
    items.erase(items.begin() + 2);
    record_.family.id = 1;
    record_.family.visit_frequency_days = 14;
    record_.caregivers = {{1, "", 1, "Ana", "mother"}, {2, "", 1, "Luis", "father"}};
    model::Child child;
    child.id = 10;
    child.name = "Sofía";
    record_.children = {child};
  }

  FormLookup lookup() const {
    return [this](const std::string&, int version) -> const forms::Form* {
      return version == 1 ? &v1_ : version == 2 ? &v2_ : nullptr;
    };
  }

  model::Visit& visit(const std::string& date, std::vector<model::Observation> observations,
                      int form_version = 1, Id caregiver = 1) {
    model::Visit v;
    v.id = static_cast<Id>(record_.visits.size() + 1);
    v.family_id = 1;
    v.date = *model::Date::parse(date);
    v.form_id = "mini";
    v.form_version = form_version;
    v.status = model::VisitStatus::signed_off;
    model::ObservationSet set;
    set.caregiver_id = caregiver;
    set.child_id = 10;
    set.observations = std::move(observations);
    v.sets.push_back(set);
    record_.visits.push_back(v);
    return record_.visits.back();
  }

  model::Visit& outcome(const std::string& date, model::VisitOutcome o) {
    auto& v = visit(date, {});
    v.sets.clear();
    v.outcome = o;
    return v;
  }

  Trends trends(Period period = {}) const { return computeTrends(record_, lookup(), period); }

  forms::Form v1_, v2_;
  store::FamilyRecord record_;
};

const SectionSeries& section(const Trends& t, const std::string& id) {
  for (const auto& s : t.sections)
    if (s.section_id == id) return s;
  throw std::runtime_error("no section " + id);
}

const ItemTrend& item(const Trends& t, const std::string& id) {
  for (const auto& i : t.pairs.at(0).items)
    if (i.item_id == id) return i;
  throw std::runtime_error("no item " + id);
}

TEST_F(Trend, SectionScorePerCompletedVisitWithDates) {
  visit("2026-01-05", {rated("a1", 0), rated("a2", 1), rated("a3", 2)});
  visit("2026-01-19", {rated("a1", 2), rated("a2", 2), notObserved("a3")});
  const auto t = trends();
  ASSERT_EQ(t.completedDates().size(), 2u);
  EXPECT_EQ(t.completedDates()[1], (model::Date{2026, 1, 19}));
  EXPECT_DOUBLE_EQ(*section(t, "care").scores[0], 50.0);
  EXPECT_DOUBLE_EQ(*section(t, "care").scores[1], 100.0);
  EXPECT_FALSE(section(t, "more").scores[0].has_value());  // nothing rated there
  EXPECT_TRUE(section(t, "wellbeing").is_private);
}

TEST_F(Trend, OlderFormVersionScoresWithItsOwnForm) {
  visit("2026-01-05", {rated("a1", 2), rated("a2", 2), rated("a3", 0)}, 1);
  visit("2026-01-19", {rated("a1", 2), rated("a2", 1)}, 2);
  const auto t = trends();
  EXPECT_NEAR(*section(t, "care").scores[0], 66.667, 0.01);  // a3 counts under version 1
  EXPECT_DOUBLE_EQ(*section(t, "care").scores[1], 75.0);
  // a3 exists only in version 1: absent at the second visit, so not comparable.
  EXPECT_EQ(item(t, "a3").cells[1].state, CellState::absent);
  EXPECT_EQ(item(t, "a3").direction, Direction::not_comparable);
  EXPECT_EQ(item(t, "a2").direction, Direction::down);
}

TEST_F(Trend, SignedAmendmentReplacesItsOriginalButADraftDoesNot) {
  auto& original = visit("2026-01-05", {rated("a1", 0)});
  original.superseded_by = 2;
  auto& amendment = visit("2026-01-05", {rated("a1", 2)});
  amendment.amends_visit_id = 1;
  auto t = trends();
  ASSERT_EQ(t.completed.size(), 1u);
  EXPECT_EQ(t.completedVisit(0).id, 2);
  EXPECT_DOUBLE_EQ(*section(t, "care").scores[0], 100.0);

  // A draft amendment: the original still counts, the draft not yet.
  record_.visits[0].superseded_by.reset();
  record_.visits[1].status = model::VisitStatus::draft;
  t = trends();
  ASSERT_EQ(t.completed.size(), 1u);
  EXPECT_EQ(t.completedVisit(0).id, 1);
  EXPECT_DOUBLE_EQ(*section(t, "care").scores[0], 0.0);
}

TEST_F(Trend, MissedAndCancelledCountAgainstExpected) {
  visit("2026-01-01", {rated("a1", 1)});
  outcome("2026-01-15", model::VisitOutcome::missed);
  outcome("2026-01-29", model::VisitOutcome::cancelled);
  visit("2026-02-12", {rated("a1", 1)});
  const auto t = trends();
  EXPECT_EQ(t.counts.completed, 2);
  EXPECT_EQ(t.counts.missed, 1);
  EXPECT_EQ(t.counts.cancelled, 1);
  EXPECT_EQ(t.counts.days, 42);
  EXPECT_EQ(t.counts.expected, 4);    // days 0, 14, 28, 42
  EXPECT_EQ(t.completed.size(), 2u);  // only completed visits are on the x axis
}

TEST_F(Trend, ExpectedCountsOnlyFullIntervalsAndNotBeforeTheFirstVisit) {
  visit("2026-03-01", {rated("a1", 1)});
  visit("2026-03-14", {rated("a1", 1)});
  const auto t = trends({model::Date{2025, 1, 1}, model::Date{2026, 3, 28}});
  EXPECT_EQ(t.counts.days, 27);     // from the first visit, not from 2025
  EXPECT_EQ(t.counts.expected, 2);  // day 28 is not reached yet
}

TEST_F(Trend, PeriodKeepsOnlyItsVisits) {
  visit("2026-01-01", {rated("a1", 0)});
  visit("2026-02-01", {rated("a1", 1)});
  visit("2026-03-01", {rated("a1", 2)});
  const auto t = trends({model::Date{2026, 1, 15}, model::Date{2026, 2, 15}});
  ASSERT_EQ(t.visits.size(), 1u);
  EXPECT_EQ(t.visits[0].date, (model::Date{2026, 2, 1}));
  EXPECT_TRUE(trends({model::Date{2027, 1, 1}, std::nullopt}).visits.empty());
}

TEST_F(Trend, DirectionPerItemFirstVersusLatest) {
  visit("2026-01-01", {rated("a1", 0), rated("a2", 2), rated("b2", 1), notObserved("b1")});
  visit("2026-01-15", {rated("a1", 1), rated("a2", 2), rated("b2", 0)});
  visit("2026-01-29", {rated("a1", 2), rated("a2", 2), rated("b2", 0), rated("b1", 3)});
  const auto t = trends();
  EXPECT_EQ(item(t, "a1").direction, Direction::up);
  EXPECT_EQ(item(t, "a2").direction, Direction::same);
  EXPECT_EQ(item(t, "b2").direction, Direction::down);
  EXPECT_EQ(item(t, "b1").direction, Direction::not_comparable);  // not observed at first
  EXPECT_EQ(item(t, "a3").direction, Direction::not_comparable);  // never answered
  EXPECT_EQ(item(t, "b1").cells[0].state, CellState::not_observed);
  EXPECT_EQ(item(t, "a3").cells[0].state, CellState::unanswered);
  EXPECT_EQ(item(t, "a1").latest_rated->level.get("en"), "Clearly");
}

TEST_F(Trend, ConcernFlagsOnLatestAndWhichVisits) {
  visit("2026-01-01", {rated("a1", 1), testing::answer("w2", "yes")});
  visit("2026-01-15", {rated("a1", 1), testing::answer("w2", "no")});
  auto t = trends();
  EXPECT_FALSE(t.concern_on_latest);
  ASSERT_EQ(t.concern_visits.size(), 1u);
  EXPECT_EQ(t.concern_visits[0], 1);
  visit("2026-01-29", {testing::answer("w2", "yes")});
  t = trends();
  EXPECT_TRUE(t.concern_on_latest);
  EXPECT_TRUE(t.pairs[0].concern_on_latest);
  EXPECT_EQ(t.concern_visits.size(), 2u);
}

TEST_F(Trend, FamilyScoreIsTheMeanOverPairsSeenThatVisit) {
  auto& v = visit("2026-01-01", {rated("a1", 2)});
  model::ObservationSet father;
  father.caregiver_id = 2;
  father.child_id = 10;
  father.observations = {rated("a1", 0)};
  v.sets.push_back(father);
  visit("2026-01-15", {rated("a1", 2)});  // only the mother
  const auto t = trends();
  ASSERT_EQ(t.pairs.size(), 2u);
  EXPECT_DOUBLE_EQ(*section(t, "care").scores[0], 50.0);
  EXPECT_DOUBLE_EQ(*section(t, "care").scores[1], 100.0);
  EXPECT_FALSE(t.pairs[1].sections[0].scores[1].has_value());
}

TEST_F(Trend, PointsAreLatestMinusPreviousScoredVisitPublicSectionsOnly) {
  // care 0 → 100 and more 50 → 50: mean 25 → 75, +50. Wellbeing falls but is private.
  visit("2026-01-01", {rated("a1", 0), rated("b2", 1), rated("w1", 2)});
  visit("2026-01-08", {notObserved("a1")});  // nothing rated: skipped
  outcome("2026-01-10", model::VisitOutcome::missed);
  visit("2026-01-15", {rated("a1", 2), rated("b2", 1), rated("w1", 0)});
  const auto points = trendPoints(record_, lookup());
  ASSERT_TRUE(points.has_value());
  EXPECT_DOUBLE_EQ(*points, 50.0);
  EXPECT_EQ(trendArrow(points), TrendArrow::up);
}

TEST_F(Trend, PointsNeedTwoScoredVisits) {
  EXPECT_FALSE(trendPoints(record_, lookup()).has_value());
  visit("2026-01-01", {rated("a1", 1)});
  EXPECT_FALSE(trendPoints(record_, lookup()).has_value());
  EXPECT_EQ(trendArrow(std::nullopt), TrendArrow::none);
}

TEST(TrendArrowTest, ThresholdsAndWords) {
  EXPECT_EQ(trendArrow(5.0), TrendArrow::up);
  EXPECT_EQ(trendArrow(4.9), TrendArrow::steady);
  EXPECT_EQ(trendArrow(-4.9), TrendArrow::steady);
  EXPECT_EQ(trendArrow(-5.0), TrendArrow::down);
  EXPECT_EQ(arrowGlyph(TrendArrow::up), "↑");
  EXPECT_EQ(arrowGlyph(TrendArrow::none), "");
  EXPECT_EQ(trendWord(TrendArrow::down, model::Language::es), "necesita atención");
  EXPECT_EQ(trendWord(TrendArrow::steady, model::Language::en), "steady");
}

TEST_F(Trend, GoalsAndReferralsWithinThePeriod) {
  visit("2026-01-01", {rated("a1", 1)});
  visit("2026-03-01", {rated("a1", 1)});
  model::Goal closed_early;
  closed_early.id = 1;
  closed_early.status = model::GoalStatus::achieved;
  closed_early.created_on = {2026, 1, 1};
  closed_early.closed_at_visit_id = 1;
  model::Goal open = closed_early;
  open.id = 2;
  open.status = model::GoalStatus::open;
  record_.goals = {closed_early, open};
  model::Referral old_done;
  old_done.status = model::ReferralStatus::completed;
  old_done.created_on = {2026, 1, 1};
  model::Referral still_open = old_done;
  still_open.status = model::ReferralStatus::open;
  model::Referral later = still_open;
  later.created_on = {2026, 4, 1};
  record_.referrals = {old_done, still_open, later};
  const auto t = trends({model::Date{2026, 2, 1}, model::Date{2026, 3, 31}});
  ASSERT_EQ(t.goals.size(), 1u);
  EXPECT_EQ(t.goals[0].id, 2);
  EXPECT_EQ(t.referrals.size(), 1u);
  EXPECT_EQ(t.open_referrals.size(), 1u);
}

}  // namespace
}  // namespace securebase::report
