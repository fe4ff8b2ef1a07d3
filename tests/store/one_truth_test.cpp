// Issue 10 ("one truth"): who signs, the one answer-write rule, the one visit write path and the
// one settings table, each tested on the real store.
#include <gtest/gtest.h>

#include "build_paths.h"
#include "securebase/core/error.h"
#include "securebase/exchange/export.h"
#include "securebase/exchange/import.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/service/counselor.h"
#include "securebase/service/scoring.h"
#include "securebase/service/visits.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/settings.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

std::shared_ptr<forms::FormCatalog> shippedForms() {
  return std::make_shared<forms::FormCatalog>(
      forms::FormCatalog::load(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms"));
}

struct OneTruth : ::testing::Test {
  TempDir dir;
  store::Database db{dir / "t.db"};
  store::Store store{db, ""};
  std::shared_ptr<forms::FormCatalog> catalog = shippedForms();
  const forms::Form& form = *catalog->latest("attachment-practices");

  void SetUp() override { service::enableScoring(store, catalog); }

  model::Visit visit(const SmallFamily& f, const std::string& date,
                     std::vector<model::Observation> observations) {
    model::Visit v;
    v.family_id = f.family;
    v.date = *model::Date::parse(date);
    v.form_id = form.id;
    v.form_version = form.version;
    v.sets.push_back({0, f.caregiver, f.child, std::move(observations)});
    return v;
  }
};

}  // namespace

// Issue 10, problem 4: visits were signed as "app:root", the operating-system login.
TEST_F(OneTruth, TheCounselorAtWorkSignsAndIsNamedOnEveryAuditRowBesideTheLogin) {
  auto f = addSmallFamily(store);
  const auto id = service::recordVisit(
      store, *catalog, visit(f, "2024-05-01", {{"responds-to-cry", false, "2", "", false}}));
  // Nobody named: signing is refused and names the way out.
  EXPECT_NE(errorMessageOf([&] { store.signVisit(id); }).find("--as NAME"), std::string::npos);

  model::Counselor carmen;
  carmen.name = "Carmen Ortiz";
  const auto carmen_id = store.addCounselor(carmen);
  store.setCounselor(service::workingCounselorName(store, "carmen"));  // any part, any case
  store.setOsUser("app:root");
  store.signVisit(id);
  EXPECT_EQ(store.visit(id).signed_by, "Carmen Ortiz");

  auto rows = db.prepare(
      "SELECT actor, counselor_id, os_user FROM audit_log WHERE entity = 'visit' AND action = "
      "'sign'");
  ASSERT_TRUE(rows.step());
  EXPECT_EQ(rows.text(0), "Carmen Ortiz");
  EXPECT_EQ(rows.optionalInteger(1), carmen_id);
  EXPECT_EQ(rows.optionalText(2), "app:root");
  // Rows before and after the new fields verify as one chain.
  EXPECT_TRUE(store::verifyAuditChain(db).ok());
  // The new fields are covered by the hash.
  store::AuditRowContent row{1, std::string(store::kAuditGenesisHash), "t", "a", "e", 1, "x", "{}"};
  const auto v1 = store::auditRowHash(row);
  row.os_user = "app:root";
  EXPECT_NE(store::auditRowHash(row), v1);
  row.os_user.reset();
  row.counselor_id = 7;
  EXPECT_NE(store::auditRowHash(row), v1);
  row.counselor_id.reset();
  row.content_hash = std::string(64, 'a');
  EXPECT_NE(store::auditRowHash(row), v1);

  EXPECT_EQ(
      errorMessageOf([&] { service::findCounselor(store, "Dana"); }),
      "no counselor named \"Dana\"; add one first (securebase-cli counselor add --name NAME)");
}

TEST_F(OneTruth, ThePersonalSettingNamesWhoWorksAndBecomesARecordWhenTheySign) {
  auto f = addSmallFamily(store);
  store.setSetting(store::setting::counselor_name, "Kim Lee");
  store.setCounselor(service::workingCounselorName(store, ""));
  const auto id = service::recordVisit(
      store, *catalog, visit(f, "2024-05-01", {{"responds-to-cry", false, "2", "", false}}));
  EXPECT_FALSE(store.findCounselorByName("Kim Lee"));
  store.signVisit(id);
  ASSERT_TRUE(store.findCounselorByName("Kim Lee"));
  EXPECT_EQ(store.visit(id).signed_by, "Kim Lee");
}

// Issue 10, problem 6: clearing a rating deleted a focus ("things to try") that came from a
// visit file, because the editor's two copies of the clear-or-save rule disagreed.
TEST_F(OneTruth, ClearingARatingKeepsTheFocusThatCameWithTheAnswer) {
  auto f = addSmallFamily(store);
  const auto id = service::recordVisit(
      store, *catalog, visit(f, "2024-05-01", {{"responds-to-cry", false, "1", "", true}}));
  const auto set = store.visit(id).sets.at(0).id;
  const forms::Item& item = *form.item("responds-to-cry");
  model::Observation cleared{"responds-to-cry", false, "", "", true};
  EXPECT_TRUE(service::saveAnswer(store, id, set, item, cleared));
  const auto stored = store.visit(id);
  const auto* kept = stored.sets.at(0).find("responds-to-cry");
  ASSERT_NE(kept, nullptr);
  EXPECT_TRUE(kept->focus);
  EXPECT_EQ(kept->value, "");
  // With nothing left at all, the answer is cleared.
  EXPECT_FALSE(
      service::saveAnswer(store, id, set, item, {"responds-to-cry", false, "", "", false}));
  EXPECT_EQ(store.visit(id).sets.at(0).find("responds-to-cry"), nullptr);
}

// Issue 10, problem 6: only `visit add` refused future dates; an import stored one.
TEST_F(OneTruth, EveryVisitWriteRefusesAFutureDate) {
  auto f = addSmallFamily(store);
  const auto future = model::Date::today().plusDays(30).iso();
  EXPECT_NE(errorMessageOf([&] {
              service::recordVisit(store, *catalog, visit(f, future, {}));
            }).find("is in the future"),
            std::string::npos);

  // The same check on import: export a database with one visit, then edit its date.
  service::recordVisit(store, *catalog,
                       visit(f, "2024-05-01", {{"responds-to-cry", false, "2", "", false}}));
  std::string json = exchange::exportJson(store);
  const auto at = json.find("\"2024-05-01\"");
  ASSERT_NE(at, std::string::npos);
  json.replace(at, 12, "\"" + future + "\"");
  TempDir other_dir;
  store::Database other_db(other_dir / "o.db");
  store::Store other(other_db, "");
  service::enableScoring(other, catalog);
  const auto before = dumpContent(other_db);
  EXPECT_NE(errorMessageOf([&] {
              exchange::importExport(other, json, "edited.json");
            }).find("is in the future"),
            std::string::npos);
  EXPECT_EQ(dumpContent(other_db), before);
}

// Issue 10, problem 6: the import copies of setting validation skipped the range checks, so an
// import stored backup.keep=abc. Every writer now checks through the one table.
TEST_F(OneTruth, EverySettingWriterChecksThroughTheOneTable) {
  for (const auto& [key, value] :
       std::vector<std::pair<std::string, std::string>>{{"backup.keep", "abc"},
                                                        {"backup.keep", "0"},
                                                        {"security.lock_minutes", "-1"},
                                                        {"clinic.logo", "/etc/shadow"},
                                                        {"clinic.website", "javascript:x"},
                                                        {"paper.size", "legal"}}) {
    EXPECT_THROW(store.setSetting(key, value), Error) << key << "=" << value;
    EXPECT_THROW(store::validateSetting(key, value), Error) << key << "=" << value;
  }
  EXPECT_THROW(store.importClinicSetting("backup.keep", "5"), Error);  // device: never imported
  EXPECT_THROW(store.importClinicSetting("counselor.name", "Mallory"), Error);
  store.importClinicSetting("clinic.crisis_line", "988");
  EXPECT_EQ(store.setting("clinic.crisis_line"), "988");
  EXPECT_EQ(store::settingValue(store, store::setting::backup_keep), "7");
  EXPECT_EQ(store::settingNumber(store, store::setting::lock_minutes), 10);
  for (const auto& spec : store::settingSpecs())
    EXPECT_NO_THROW(store::validateSetting(spec.key, spec.default_value)) << spec.key;
}
