// What one laptop's sync refuses or leaves alone: a login that is no counselor, a family the
// supervisor gave to someone else (it moves to them on their next sync), a server visit that
// no longer matches what was signed; and the watermark that stays on this computer.
#include <gtest/gtest.h>

#include "securebase/store/database.h"
#include "securebase/store/store.h"
#include "sync_fixture.h"
#include "test_key.h"

namespace securebase::testing {

TEST_F(SyncTest, ALoginThatIsNoCounselorIsRefusedAndNothingIsWritten) {
  const Laptop ana = laptop("ana");
  ana.setUp("Ana Ruiz");
  ana.ok(
      {"visit", "sign", ana.addVisit(ana.addFamily("García", "Ana Ruiz", "Sofía"), "2025-03-01")});
  adminRun("CREATE ROLE " + dbname_ + "_nobody LOGIN PASSWORD 'a counselor''s long password'");
  const Laptop nobody(dir_ / "ana", admin_ + " user=" + dbname_ + "_nobody", dir_ / "password.txt");
  const auto refused = nobody.sync();
  EXPECT_EQ(refused.exit_code, 1) << describe(refused);
  EXPECT_EQ(refused.errLines().size(), 1u) << refused.err;
  EXPECT_TRUE(has(refused.err, "is not a counselor or supervisor on this server")) << refused.err;
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(adminValue("SELECT count(*) FROM securebase.families"), "0");
  EXPECT_EQ(pushAuditRows(), 0);
}

TEST_F(SyncTest, AFamilyReassignedAwayStaysHereAndMovesToItsNewCounselor) {
  const Laptop ana = laptop("ana"), bea = laptop("bea");
  ana.setUp("Ana Ruiz");
  const auto garcia = ana.addFamily("García", "Ana Ruiz", "Sofía");
  ana.ok({"visit", "sign", ana.addVisit(garcia, "2025-03-01")});
  ASSERT_EQ(ana.sync().exit_code, 0);
  // The push audit names who pushed, what, and each signed visit.
  EXPECT_EQ(adminValue("SELECT login || ' ' || what FROM securebase.push_audit"),
            dbname_ +
                "_ana push: 1 family, 2 people, 1 signed visit, 1 counselor, 1 form; "
                "signed visits " +
                adminValue("SELECT uuid FROM securebase.visits"));
  bea.setUp("Bea Soto");
  ASSERT_EQ(bea.sync().exit_code, 0);
  ASSERT_FALSE(has(bea.ok({"caseload", "--format", "csv"}), "García"));

  adminRun("UPDATE securebase.assignments SET counselor_uuid = '" + staffUuid("bea") + "'");
  // Ana, not yet told, signs another visit: it stays on her laptop, nothing is refused.
  ana.ok({"visit", "sign", ana.addVisit(garcia, "2025-03-15")});
  const auto ana_sync = ana.sync();
  ASSERT_EQ(ana_sync.exit_code, 0) << describe(ana_sync);
  EXPECT_TRUE(has(ana_sync.out, "pushed: nothing new\n")) << ana_sync.out;
  EXPECT_TRUE(has(ana_sync.out, "is assigned to someone else on the server")) << ana_sync.out;
  EXPECT_EQ(adminValue("SELECT count(*) FROM securebase.visits"), "1");
  EXPECT_EQ(ana.ok({"family", "list", "--format", "csv"}).find("García") != std::string::npos,
            true);

  const auto bea_sync = bea.sync();
  ASSERT_EQ(bea_sync.exit_code, 0) << describe(bea_sync);
  EXPECT_TRUE(has(bea_sync.out, "pulled: 1 family changed on the server")) << bea_sync.out;
  EXPECT_TRUE(has(bea.ok({"caseload", "--format", "csv"}), "García"));
}

TEST_F(SyncTest, AServerVisitThatNoLongerMatchesItsSignatureIsNotPulled) {
  const Laptop ana = laptop("ana"), sol = laptop("sol");
  ana.setUp("Ana Ruiz");
  ana.ok(
      {"visit", "sign", ana.addVisit(ana.addFamily("García", "Ana Ruiz", "Sofía"), "2025-03-01")});
  ASSERT_EQ(ana.sync().exit_code, 0);
  // Only the table's owner can do this, and only by switching the guard off.
  adminRun(
      "ALTER TABLE securebase.visits DISABLE TRIGGER visits_immutable;"
      "UPDATE securebase.visits SET notes = 'rewritten';"
      "ALTER TABLE securebase.visits ENABLE ALWAYS TRIGGER visits_immutable;");
  sol.setUp("Sol Vega");
  const auto before = sol.ok({"export"});
  const auto refused = sol.sync();
  EXPECT_EQ(refused.exit_code, 3) << describe(refused);
  EXPECT_TRUE(has(refused.err, "does not match the content it was signed with")) << refused.err;
  EXPECT_EQ(sol.ok({"export"}), before);
}

TEST_F(SyncTest, TheWatermarkIsThisComputersOwnAndNeverImported) {
  const Laptop ana = laptop("ana"), sol = laptop("sol");
  ana.setUp("Ana Ruiz");
  ana.addFamily("García", "Ana Ruiz", "Sofía");
  ASSERT_EQ(ana.sync().exit_code, 0);
  const auto watermark = ana.ok({"settings", "get", "sync.change_number"});
  EXPECT_GT(std::stoll(watermark), 0);
  const std::string exported = ana.ok({"export"});
  EXPECT_FALSE(has(exported, "sync.change_number")) << "an export carries no watermark";
  writeFile(dir_ / "ana.json", exported + "\n");
  sol.setUp("Sol Vega");
  sol.ok({"import", (dir_ / "ana.json").string()});
  EXPECT_EQ(sol.run({"settings", "get", "sync.change_number"}).exit_code, 2);  // not set
  // So Sol's first sync still pulls everything, and finds it all present.
  const auto sol_sync = sol.sync();
  EXPECT_TRUE(has(sol_sync.out, "families: 0 added, 1 already present")) << sol_sync.out;
}

// A "no referral made" record (a referral that names nobody, with why) is pushed and pulled as
// what it is: the supervisor's laptop holds the same record, and a further sync sends nothing.
TEST_F(SyncTest, ANoReferralMadeRecordTravelsAsOne) {
  const Laptop ana = laptop("ana"), sol = laptop("sol");
  ana.setUp("Ana Ruiz");
  const auto garcia = ana.addFamily("García", "Ana Ruiz", "Sofía");
  const auto visit = ana.addVisit(garcia, "2025-03-01");
  ana.ok({"visit", "sign", visit});
  {
    store::Database db(ana.db(), {.key = kTestKey, .create_if_missing = false});
    store::Store store(db, "Ana Ruiz");
    store.addNoReferral(std::stoll(garcia[0]), std::stoll(visit), "wellbeing-concern",
                        "Already sees her doctor");
  }
  const auto pushed = ana.sync();
  ASSERT_EQ(pushed.exit_code, 0) << describe(pushed);
  EXPECT_TRUE(has(pushed.out, "1 referral")) << pushed.out;
  sol.setUp("Sol Vega");
  const auto pulled = sol.sync();
  ASSERT_EQ(pulled.exit_code, 0) << describe(pulled);

  store::Database db(sol.db(), {.key = kTestKey, .create_if_missing = false});
  store::Store store(db, "reader");
  const auto referrals = store.referrals(store.listFamilies().at(0).family.id);
  ASSERT_EQ(referrals.size(), 1u);
  EXPECT_EQ(referrals[0].kind, model::ReferralKind::no_referral);
  EXPECT_EQ(referrals[0].to_whom, "");
  EXPECT_EQ(referrals[0].reason, "Already sees her doctor");
  EXPECT_EQ(referrals[0].concern_item, "wellbeing-concern");
  EXPECT_EQ(referrals[0].recorded_by, "Ana Ruiz");
  const auto again = ana.sync();
  ASSERT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_FALSE(has(again.out, "edit sent")) << again.out;
  EXPECT_FALSE(has(again.out, "conflict")) << again.out;
}

}  // namespace securebase::testing
