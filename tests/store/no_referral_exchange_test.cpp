// "No referral made" records travel through export and import (export version 3); a database
// without one still exports version 2, which older imports read.
#include <gtest/gtest.h>

#include <algorithm>

#include "build_paths.h"
#include "securebase/demo/demo.h"
#include "securebase/exchange/export.h"
#include "securebase/exchange/import.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/store/record_audit.h"
#include "securebase/store/store.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

struct Db {
  explicit Db(const std::filesystem::path& file) : db(file), store(db, "Counselor Kim") {}
  store::Database db;
  store::Store store;
};

// Sample families (with their referrals) and, when asked, a "no referral made" record on the
// first family's latest visit.
void fill(store::Store& store, bool with_no_referral) {
  const auto catalog =
      forms::FormCatalog::load(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms");
  demo::DemoOptions options;
  options.families = 3;
  options.today = {2026, 6, 1};
  demo::generateDemo(store, *catalog.latest("attachment-practices"), options);
  if (!with_no_referral) return;
  const auto record = store.loadFamily(store.listFamilies().front().family.id);
  store.addNoReferral(record.family.id, record.visits.back().id, "wellbeing-concern",
                      "Already sees her doctor");
}

}  // namespace

TEST(NoReferralExchange, RoundTripKeepsTheRecordAndTheBytes) {
  TempDir dir;
  Db a(dir / "a.db");
  fill(a.store, true);
  const std::string exported = exchange::exportJson(a.store);
  EXPECT_NE(exported.find("\"version\": 3"), std::string::npos);
  EXPECT_NE(exported.find("\"kind\":\"no_referral\""), std::string::npos);
  EXPECT_NE(exported.find("\"recorded_by\":\"Counselor Kim\""), std::string::npos);

  Db b(dir / "b.db");
  const auto plan = exchange::importExport(b.store, exported, "a.json");
  EXPECT_TRUE(plan.conflicts.empty());
  EXPECT_EQ(exchange::exportJson(b.store), exported);
  const auto referrals = b.store.referrals(b.store.listFamilies().at(0).family.id);
  const auto found = std::find_if(referrals.begin(), referrals.end(), [](const auto& r) {
    return r.kind == model::ReferralKind::no_referral;
  });
  ASSERT_NE(found, referrals.end());
  const model::Referral& none = *found;
  EXPECT_EQ(none.reason, "Already sees her doctor");
  EXPECT_EQ(none.concern_item, "wellbeing-concern");
  EXPECT_EQ(none.recorded_by, "Counselor Kim");
  EXPECT_TRUE(none.visit_id.has_value());
  EXPECT_TRUE(store::verifyRecordContent(b.db).ok()) << store::verifyRecordContent(b.db).summary();

  // Imported again: the same content is already there, nothing added, no conflict.
  const auto again = exchange::importExport(b.store, exported, "a.json");
  EXPECT_TRUE(again.conflicts.empty());
  EXPECT_EQ(again.counts.at(exchange::RecordType::referral).added, 0);
}

TEST(NoReferralExchange, WithoutSuchARecordTheFileStaysVersion2) {
  TempDir dir;
  Db a(dir / "a.db");
  fill(a.store, false);
  const std::string exported = exchange::exportJson(a.store);
  EXPECT_NE(exported.find("\"version\": 2"), std::string::npos);
  EXPECT_EQ(exported.find("\"kind\""), std::string::npos);
  EXPECT_EQ(exported.find("\"recorded_by\""), std::string::npos);
  Db b(dir / "b.db");
  exchange::importExport(b.store, exported, "a.json");
  EXPECT_EQ(exchange::exportJson(b.store), exported);
}

TEST(NoReferralExchange, DeidentifiedItKeepsTheKindAndTheConcernButNoWordsOrNames) {
  TempDir dir;
  Db a(dir / "a.db");
  fill(a.store, true);
  const std::string safe = exchange::exportJson(a.store, {.deidentify = true, .seed = "s"});
  EXPECT_NE(safe.find("\"kind\":\"no_referral\""), std::string::npos);
  EXPECT_NE(safe.find("\"concern_item\":\"wellbeing-concern\""), std::string::npos);
  EXPECT_EQ(safe.find("Already sees her doctor"), std::string::npos);
  EXPECT_EQ(safe.find("Counselor Kim"), std::string::npos);
}

TEST(NoReferralExchange, AVersion2FileCannotSmuggleANoReferralRecord) {
  TempDir dir;
  Db a(dir / "a.db");
  fill(a.store, true);
  std::string text = exchange::exportJson(a.store);
  text.replace(text.find("\"version\": 3"), 12, "\"version\": 2");
  Db b(dir / "b.db");
  const std::string before = dumpContent(b.db);
  EXPECT_ANY_THROW(exchange::importExport(b.store, text, "a.json"));
  EXPECT_EQ(dumpContent(b.db), before);
}
