// The caseload's kept-at-hand summary: scores stored with each visit change, the trend between
// the two latest scored visits, the concern flag, open referrals, filters and sorting.
#include "build_paths.h"
#include "securebase/service/caseload.h"

#include <gtest/gtest.h>

#include "securebase/forms/form_catalog.h"
#include "securebase/report/trends.h"
#include "securebase/service/scoring.h"
#include "securebase/service/visits.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

std::shared_ptr<forms::FormCatalog> shippedForms() {
  return std::make_shared<forms::FormCatalog>(
      forms::FormCatalog::load(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms"));
}

struct Caseload : ::testing::Test {
  TempDir dir;
  store::Database db{dir / "c.db"};
  store::Store store{db, "test"};
  std::shared_ptr<forms::FormCatalog> catalog = shippedForms();
  const forms::Form& form = *catalog->latest("attachment-practices");

  void SetUp() override { service::enableScoring(store, catalog); }

  // A completed visit where every non-private rating item is `rating`; concern answered.
  model::Visit visit(const SmallFamily& f, const std::string& date, int rating,
                     bool concern = false) {
    model::Visit v;
    v.family_id = f.family;
    v.date = *model::Date::parse(date);
    v.form_id = form.id;
    v.form_version = form.version;
    model::ObservationSet set{0, f.caregiver, f.child, {}};
    for (const auto& section : form.sections)
      for (const auto& item : section.items) {
        if (item.kind == forms::ItemKind::rating)
          set.observations.push_back({item.id, false, std::to_string(rating), "", false});
        if (item.concern)
          set.observations.push_back({item.id, false, concern ? "yes" : "no", "", false});
      }
    v.sets.push_back(set);
    return v;
  }

  store::FamilySummary summaryOf(model::Id family) {
    for (auto& row : store.listFamilies())
      if (row.family.id == family) return row;
    throw std::runtime_error("family not listed");
  }
};

}  // namespace

TEST_F(Caseload, ScoresAVisitPerSectionAndOverall) {
  auto f = addSmallFamily(store);
  const auto scores = service::scoreVisit(form, visit(f, "2024-05-01", 1));
  ASSERT_TRUE(scores.overall);
  EXPECT_DOUBLE_EQ(*scores.overall, 50.0);
  EXPECT_EQ(scores.sections.size(), form.sections.size());
  model::Visit missed = visit(f, "2024-05-01", 1);
  missed.outcome = model::VisitOutcome::missed;
  EXPECT_FALSE(service::scoreVisit(form, missed).overall);
}

TEST_F(Caseload, TrendIsTheChangeBetweenTheTwoLatestScoredVisits) {
  auto f = addSmallFamily(store);
  service::recordVisit(store, *catalog, visit(f, "2024-05-01", 0));
  EXPECT_FALSE(summaryOf(f.family).trend_points);  // one visit: no trend yet
  service::recordVisit(store, *catalog, visit(f, "2024-05-15", 2));
  ASSERT_TRUE(summaryOf(f.family).trend_points);
  EXPECT_DOUBLE_EQ(*summaryOf(f.family).trend_points, 100.0);
  EXPECT_EQ(report::trendArrow(summaryOf(f.family).trend_points), report::TrendArrow::up);
  service::recordVisit(store, *catalog, visit(f, "2024-05-29", 1));
  EXPECT_DOUBLE_EQ(*summaryOf(f.family).trend_points, -50.0);
  EXPECT_EQ(report::trendArrow(summaryOf(f.family).trend_points), report::TrendArrow::down);
}

TEST_F(Caseload, AutosavedRatingsUpdateTheTrendAtOnce) {
  auto f = addSmallFamily(store);
  service::recordVisit(store, *catalog, visit(f, "2024-05-01", 1));
  const auto id = service::recordVisit(store, *catalog, visit(f, "2024-05-15", 1));
  EXPECT_DOUBLE_EQ(*summaryOf(f.family).trend_points, 0.0);
  const auto set = store.visit(id).sets.at(0).id;
  store.saveObservation(id, set, {"responds-to-cry", false, "2", "", false});
  EXPECT_GT(*summaryOf(f.family).trend_points, 0.0);
}

TEST_F(Caseload, ASignedAmendmentReplacesTheOriginalsScores) {
  auto f = addSmallFamily(store);
  service::recordVisit(store, *catalog, visit(f, "2024-05-01", 1));
  const auto original = service::recordVisit(store, *catalog, visit(f, "2024-05-15", 1, true));
  store.signVisit(original, "Kim");
  EXPECT_TRUE(summaryOf(f.family).flagged);
  const auto amendment = store.amendVisit(original);
  const auto set = store.visit(amendment).sets.at(0).id;
  const auto* concern_item = [&]() -> const forms::Item* {
    for (const auto& s : form.sections)
      for (const auto& i : s.items)
        if (i.concern) return &i;
    return nullptr;
  }();
  ASSERT_NE(concern_item, nullptr);
  store.saveObservation(amendment, set, {concern_item->id, false, "no", "", false});
  EXPECT_TRUE(summaryOf(f.family).flagged);  // the draft amendment does not count yet
  store.signVisit(amendment, "Kim");
  EXPECT_FALSE(summaryOf(f.family).flagged);
}

TEST_F(Caseload, OpenReferralsAreCountedAsTheyOpenAndClose) {
  auto f = addSmallFamily(store);
  model::Referral r;
  r.family_id = f.family;
  r.to_whom = "Family doctor";
  const auto id = store.addReferral(r);
  store.addReferral(r);
  EXPECT_EQ(summaryOf(f.family).open_referrals, 2);
  store.setReferralStatus(id, model::ReferralStatus::completed);
  EXPECT_EQ(summaryOf(f.family).open_referrals, 1);
}

TEST_F(Caseload, FiltersAndSortsForASupervisor) {
  auto a = addSmallFamily(store, "Alvarez");
  auto b = addSmallFamily(store, "Brown");
  auto c = addSmallFamily(store, "Chen");
  service::recordVisit(store, *catalog, visit(a, "2024-05-01", 1));        // due 05-15
  service::recordVisit(store, *catalog, visit(b, "2024-05-20", 1, true));  // due 06-03
  service::recordVisit(store, *catalog, visit(c, "2024-04-01", 1));        // due 04-15
  model::Referral r;
  r.family_id = b.family;
  r.to_whom = "Lactation consultant";
  store.addReferral(r);

  service::CaseloadQuery query;
  query.today = {2024, 5, 25};
  auto names = [&] {
    std::vector<std::string> list;
    for (const auto& row : service::caseload(store, query))
      list.push_back(row.summary.family.display_name);
    return list;
  };
  EXPECT_EQ(names(), (std::vector<std::string>{"Chen", "Alvarez", "Brown"}));  // most overdue first
  EXPECT_EQ(service::caseload(store, query).front().days_overdue, 40);
  query.filter.overdue_on = query.today;
  EXPECT_EQ(names(), (std::vector<std::string>{"Chen", "Alvarez"}));
  query.filter.overdue_on.reset();
  query.filter.flagged_only = true;
  EXPECT_EQ(names(), (std::vector<std::string>{"Brown"}));
  query.filter.flagged_only = false;
  query.filter.open_referral_only = true;
  EXPECT_EQ(names(), (std::vector<std::string>{"Brown"}));
  query.filter.open_referral_only = false;
  query.sort = service::CaseloadSort::next_due;
  EXPECT_EQ(names(), (std::vector<std::string>{"Chen", "Alvarez", "Brown"}));
  query.sort = service::CaseloadSort::name;
  EXPECT_EQ(names(), (std::vector<std::string>{"Alvarez", "Brown", "Chen"}));
}

TEST_F(Caseload, ScoresAreRebuiltWhenTheScoringRulesChange) {
  auto f = addSmallFamily(store);
  service::recordVisit(store, *catalog, visit(f, "2024-05-01", 1));
  service::recordVisit(store, *catalog, visit(f, "2024-05-15", 2));
  db.exec("DELETE FROM visit_scores; UPDATE meta SET value = '0' WHERE key = 'scoring_version'");
  EXPECT_FALSE(summaryOf(f.family).trend_points);
  store::Store reopened(db, "test");
  service::enableScoring(reopened, catalog);
  EXPECT_DOUBLE_EQ(*summaryOf(f.family).trend_points, 50.0);
  EXPECT_EQ(reopened.rescoreOutdated(), 0);  // nothing left to do
}
