// securebase-cli sync end to end: two counselors' laptops and a supervisor's, each an encrypted
// file made with the CLI, syncing with the throwaway server over TLS (verify-full).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

#include "securebase/store/database.h"
#include "securebase/store/store.h"
#include "sync_fixture.h"
#include "test_key.h"

namespace securebase::testing {
namespace {

namespace json = boost::json;

std::map<std::string, json::value> byUuid(const std::string& export_text, const char* list) {
  std::map<std::string, json::value> out;
  auto document = json::parse(export_text);
  for (auto& record : document.as_object()[list].as_array())
    out[std::string(record.as_object()["uuid"].as_string())] = record;
  return out;
}

std::string firstFamilyUuid(const std::string& export_text) {
  auto document = json::parse(export_text);
  return std::string(
      document.as_object()["families"].as_array()[0].as_object()["uuid"].as_string());
}

// A goal set at `visit` and a referral made there: no command adds them, the window does.
void addGoalAndReferral(const Laptop& on, const std::string& family, const std::string& visit) {
  store::Database db(on.db(), {.key = kTestKey, .create_if_missing = false});
  store::Store store(db, "Ana Ruiz");
  model::Goal goal;
  goal.family_id = std::stoll(family);
  goal.text = "Leer un cuento cada noche";
  goal.set_at_visit_id = std::stoll(visit);
  goal.created_on = *model::Date::parse("2025-03-01");
  store.addGoal(goal);
  model::Referral referral;
  referral.family_id = std::stoll(family);
  referral.visit_id = std::stoll(visit);
  referral.to_whom = "Lactation clinic";
  referral.reason = "latch";
  referral.created_on = *model::Date::parse("2025-03-01");
  store.addReferral(referral);
}

}  // namespace

TEST_F(SyncTest, TwoCounselorsAndASupervisorMeetOnTheServerAndASecondSyncChangesNothing) {
  const Laptop ana = laptop("ana"), bea = laptop("bea"), sol = laptop("sol");
  // Offline: each counselor records and signs visits; Ana amends one and keeps a draft.
  ana.setUp("Ana Ruiz");
  const auto garcia = ana.addFamily("García, Ana", "Ana Ruiz", "Sofía");
  const auto first = ana.addVisit(garcia, "2025-03-01");
  ana.ok({"visit", "sign", first});
  addGoalAndReferral(ana, garcia[0], first);
  const auto amendment = ana.ok({"visit", "amend", first, "--reason", "Wrong caregiver noted"});
  ana.ok({"visit", "sign", amendment});
  const auto draft = ana.addVisit(garcia, "2025-03-15");
  bea.setUp("Bea Soto");
  const auto lopez = bea.addFamily("López, Marta", "Bea Soto", "Lucía");
  bea.ok({"visit", "sign", bea.addVisit(lopez, "2025-04-02")});
  const auto ortiz = bea.addFamily("Ortiz, Rosa", "Bea Soto", "Mateo");
  bea.ok({"visit", "sign", bea.addVisit(ortiz, "2025-04-03")});
  sol.setUp("Sol Vega");

  const auto ana_sync = ana.sync();
  ASSERT_EQ(ana_sync.exit_code, 0) << describe(ana_sync);
  EXPECT_TRUE(has(ana_sync.out,
                  "pushed: 1 family, 2 people, 2 signed visits, 1 goal, 1 referral, "
                  "1 counselor, 1 form\n"))
      << ana_sync.out;
  EXPECT_TRUE(has(ana_sync.out, "kept on this computer: 1 draft visit\n")) << ana_sync.out;
  const auto bea_sync = bea.sync();
  ASSERT_EQ(bea_sync.exit_code, 0) << describe(bea_sync);
  EXPECT_TRUE(has(bea_sync.out, "pushed: 2 families, 4 people, 2 signed visits, 1 counselor\n"))
      << bea_sync.out;
  const auto sol_sync = sol.sync();
  ASSERT_EQ(sol_sync.exit_code, 0) << describe(sol_sync);
  EXPECT_TRUE(has(sol_sync.out, "pulled: 3 families changed on the server\n")) << sol_sync.out;
  EXPECT_EQ(pushAuditRows(), 3);  // Ana, Bea and Sol's own counselor record

  // The supervisor's caseload holds both counselors' families; each counselor only their own.
  const auto caseload = sol.ok({"caseload", "--format", "csv"});
  for (const char* name : {"García, Ana", "López, Marta", "Ortiz, Rosa"})
    EXPECT_TRUE(has(caseload, name)) << caseload;
  for (const Laptop* counselor : {&ana, &bea}) {
    const auto again = counselor->sync();
    ASSERT_EQ(again.exit_code, 0) << describe(again);
    EXPECT_TRUE(has(again.out, "pushed: nothing new\n")) << again.out;
  }
  const auto ana_list = ana.ok({"caseload", "--format", "csv"});
  EXPECT_TRUE(has(ana_list, "García, Ana"));
  EXPECT_FALSE(has(ana_list, "López")) << ana_list;
  const auto bea_list = bea.ok({"caseload", "--format", "csv"});
  EXPECT_FALSE(has(bea_list, "García")) << bea_list;
  EXPECT_TRUE(has(bea_list, "Ortiz, Rosa"));

  // The supervisor's file holds exactly what both laptops signed: families, people, visits
  // (amendment and reason, signatures, observations), goals, referrals, counselors, forms.
  const auto ana_export = ana.ok({"export"}), bea_export = bea.ok({"export"});
  const auto sol_export = sol.ok({"export"});
  auto expected = signedFamilies(ana_export);
  expected.merge(signedFamilies(bea_export));
  EXPECT_EQ(signedFamilies(sol_export), expected);
  EXPECT_EQ(signedFamilies(ana_export)
                .at(firstFamilyUuid(ana_export))
                .as_object()["visits"]
                .as_array()
                .size(),
            2u);
  auto counselors = byUuid(ana_export, "counselors");
  counselors.merge(byUuid(bea_export, "counselors"));
  counselors.merge(byUuid(sol_export, "counselors"));
  EXPECT_EQ(byUuid(sol_export, "counselors"), counselors);
  EXPECT_EQ(json::parse(sol_export).as_object()["forms"],
            json::parse(ana_export).as_object()["forms"]);
  EXPECT_TRUE(has(ana_export, "Wrong caregiver noted"));

  // Once everyone has synced twice, a sync brings nothing and changes nothing, anywhere.
  sol.sync();
  const auto rows = pushAuditRows();
  for (const Laptop* each : {&ana, &bea, &sol}) {
    const auto before = each->ok({"export"});
    const auto idle = each->sync();
    ASSERT_EQ(idle.exit_code, 0) << describe(idle);
    EXPECT_EQ(idle.out.rfind("pushed: nothing new\n", 0), 0u) << idle.out;
    EXPECT_TRUE(idle.out.ends_with("\npulled: nothing new\n")) << idle.out;
    EXPECT_EQ(each->ok({"export"}), before);
    EXPECT_TRUE(has(each->ok({"audit", "verify"}), "Audit trail intact"));
  }
  EXPECT_EQ(pushAuditRows(), rows);
  // The draft never left Ana's laptop.
  EXPECT_FALSE(has(sol.ok({"export"}), "2025-03-15"));
  EXPECT_TRUE(has(ana.ok({"visit", "show", draft}), "draft"));

  CliRunner admin(dir_ / "admin-verify");
  const auto verified = admin.run({"server", "audit-verify", "--server", admin_});
  ASSERT_EQ(verified.exit_code, 0) << describe(verified);
  EXPECT_EQ(verified.out, "Push audit intact: 3 rows checked\n");
}

}  // namespace securebase::testing
