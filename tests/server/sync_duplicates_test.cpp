// Possible duplicate families end to end: one family entered on two counselors' laptops is
// flagged for the supervisor (never for a counselor), merged by the supervisor with every visit
// of both kept, and the laptops follow at their next sync — counts exact, both audit chains
// intact. Refusals change nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "pg_cluster.h"
#include "raw_sql.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"
#include "sync_fixture.h"
#include "test_key.h"

namespace securebase::testing {
namespace {

namespace json = boost::json;

class SyncDuplicatesTest : public SyncTest {
 protected:
  // securebase-cli sync duplicates / sync merge … as `login`.
  CliResult asLogin(const std::string& login, std::vector<std::string> args) const {
    args.insert(args.end(), {"--server", pgCluster().tcpConninfo(dbname_, dbname_ + "_" + login),
                             "--server-passphrase-file", (dir_ / "password.txt").string()});
    return CliRunner(dir_ / ("cli-" + login)).run(args);
  }
  std::string serverCount(const std::string& from_where) const {
    return adminValue("SELECT count(*) FROM securebase." + from_where);
  }
  std::string familyUuid(const std::string& name) const {
    return adminValue("SELECT uuid FROM securebase.families WHERE display_name = '" + name + "'");
  }
};

// The signed visits each family of a laptop's export holds, by family uuid.
std::map<std::string, std::size_t> visitsByFamily(const std::string& export_text) {
  std::map<std::string, std::size_t> out;
  for (const auto& [uuid, family] : signedFamilies(export_text))
    out[uuid] = family.as_object().at("visits").as_array().size();
  return out;
}

int linesWith(const std::string& text, const std::string& part) {
  int n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

void setFamilyPhone(const Laptop& on, const std::string& family_id, const std::string& phone) {
  store::Database db(on.db(), {.key = kTestKey, .create_if_missing = false});
  store::Store store(db, "");
  auto family = store.family(std::stoll(family_id));
  family.phone = phone;
  store.updateFamily(family);
}

}  // namespace

TEST_F(SyncDuplicatesTest, OneFamilyEnteredOnTwoLaptopsIsMergedWithEveryVisitKept) {
  const Laptop ana = laptop("ana"), bea = laptop("bea"), sol = laptop("sol");
  ana.setUp("Ana Ruiz");
  const auto garcia = ana.addFamily("García, Ana", "Ana Ruiz", "Sofía");
  for (const char* date : {"2025-03-01", "2025-03-15"})
    ana.ok({"visit", "sign", ana.addVisit(garcia, date)});
  ana.addFamily("Ortiz, Rosa", "Ana Ruiz", "Mateo");
  // The same family on Bea's laptop: the child's name without accents, in capitals.
  bea.setUp("Bea Soto");
  const auto again = bea.addFamily("Garcia, Ana M.", "Bea Soto", "SOFIA");
  bea.ok({"visit", "sign", bea.addVisit(again, "2025-03-08")});
  sol.setUp("Sol Vega");
  for (const Laptop* each : {&ana, &bea, &sol}) ASSERT_EQ(each->sync().exit_code, 0);

  // Flagged for the supervisor: in the sync summary and the list; a counselor sees neither.
  const auto sol_sync = sol.sync();
  EXPECT_TRUE(has(sol_sync.out,
                  "possible duplicate families waiting for a supervisor: 1 (securebase-cli sync "
                  "duplicates lists them)\n"))
      << sol_sync.out;
  EXPECT_FALSE(has(ana.sync().out, "possible duplicate")) << "a counselor is told nothing";
  const std::string kept = familyUuid("García, Ana"), gone = familyUuid("Garcia, Ana M.");
  const std::string pair = adminValue("SELECT id FROM securebase.duplicate_pairs");
  const auto listed = asLogin("sol", {"sync", "duplicates"});
  ASSERT_EQ(listed.exit_code, 0) << describe(listed);
  EXPECT_EQ(
      listed.out,
      "possible duplicate " + pair + ": same child name and birth date\n" + "  family " +
          std::min(kept, gone) + "  " +
          (kept < gone ? "García, Ana  (counselor: ana)\n" : "Garcia, Ana M.  (counselor: bea)\n") +
          "  family " + std::max(kept, gone) + "  " +
          (kept < gone ? "Garcia, Ana M.  (counselor: bea)\n" : "García, Ana  (counselor: ana)\n"));
  const auto by_counselor = asLogin("ana", {"sync", "duplicates"});
  EXPECT_EQ(by_counselor.exit_code, 1);
  EXPECT_EQ(by_counselor.err, "securebase-cli: only a supervisor lists possible duplicates\n");

  // The merge: one family id wins, both families' records stay, the push audit says so.
  const auto rows_before = pushAuditRows();
  const auto merged = asLogin("sol", {"sync", "merge", pair, "--keep", kept});
  ASSERT_EQ(merged.exit_code, 0) << describe(merged);
  EXPECT_EQ(merged.out, "Family " + gone + " merged into family " + kept +
                            "; laptops follow at their next sync\n");
  EXPECT_EQ(serverCount("families"), "2");
  EXPECT_EQ(serverCount("visits WHERE family_uuid = '" + kept + "'"), "3");
  EXPECT_EQ(serverCount("people WHERE family_uuid = '" + kept + "'"), "4");
  EXPECT_EQ(serverCount("signatures"), "3");
  EXPECT_EQ(pushAuditRows(), rows_before + 1);
  EXPECT_EQ(adminValue("SELECT login || ': ' || what FROM securebase.push_audit "
                       "ORDER BY id DESC LIMIT 1"),
            dbname_ + "_sol: merged family " + gone + " into family " + kept +
                " (possible duplicate " + pair + ")");
  // The guard lets a signed visit's family change only along a recorded merge: not back, not
  // elsewhere, not even for the schema's owner.
  server::Connection owner(admin_);
  for (const auto& to : {gone, familyUuid("Ortiz, Rosa")})
    EXPECT_TRUE(has(server::testing::refusal([&] {
                      owner.exec(
                          "UPDATE securebase.visits SET family_uuid = $1 "
                          "WHERE family_uuid = $2",
                          {to, kept});
                    }),
                    "signed visits cannot be changed or deleted"));
  // Every signature still matches what it sealed: the laptops check each pulled visit.
  EXPECT_EQ(asLogin("sol", {"sync", "duplicates"}).out, "No possible duplicate families\n");

  // The supervisor's laptop held both: now one family with all three visits.
  const auto sol_after = sol.sync();
  ASSERT_EQ(sol_after.exit_code, 0) << describe(sol_after);
  EXPECT_EQ(sol_after.err, "");
  EXPECT_TRUE(has(sol_after.out, "family " + gone + " merged into family " + kept + " (by " +
                                     dbname_ + "_sol on the server)\n"))
      << sol_after.out;
  EXPECT_FALSE(has(sol_after.out, "possible duplicate")) << sol_after.out;
  // Ana's laptop held the family kept: Bea's visit arrives in it.
  const auto ana_after = ana.sync();
  ASSERT_EQ(ana_after.exit_code, 0) << describe(ana_after);
  EXPECT_EQ(ana_after.err, "");
  // Bea's laptop held the family merged away, now Ana's: kept as it was, never pushed back.
  const auto bea_after = bea.sync();
  ASSERT_EQ(bea_after.exit_code, 0) << describe(bea_after);
  EXPECT_TRUE(has(bea_after.out,
                  "not pushed: family " + gone + " was merged into another family on the server\n"))
      << bea_after.out;
  EXPECT_TRUE(has(bea_after.out, "family " + gone + " was merged into family " + kept +
                                     " on the server, which this login does not see; kept "
                                     "here as it was\n"))
      << bea_after.out;

  auto sol_visits = visitsByFamily(sol.ok({"export"}));
  EXPECT_EQ(sol_visits.size(), 2u);  // García and Ortiz
  EXPECT_EQ(sol_visits.at(kept), 3u);
  EXPECT_EQ(visitsByFamily(ana.ok({"export"})).at(kept), 3u);
  EXPECT_EQ(visitsByFamily(bea.ok({"export"})), (std::map<std::string, std::size_t>{{gone, 1}}));
  EXPECT_EQ(signedFamilies(sol.ok({"export"})).at(kept),
            signedFamilies(ana.ok({"export"})).at(kept));
  for (const Laptop* each : {&sol, &ana}) {
    const auto caseload = each->ok({"caseload", "--format", "csv"});
    EXPECT_EQ(linesWith(caseload, "Garc"), 1) << caseload;
  }
  {
    // In the laptop's file too, only a recorded merge moves a signed visit to another family.
    store::Database db(ana.db(), {.key = kTestKey, .create_if_missing = false});
    EXPECT_THROW(db.exec("UPDATE visits SET family_id = family_id + 1 WHERE status = 'signed'"),
                 Error);
  }

  // Once more everywhere: nothing moves, both audit chains hold.
  const auto rows = pushAuditRows();
  for (const Laptop* each : {&ana, &bea, &sol}) {
    const auto before = each->ok({"export"});
    const auto idle = each->sync();
    ASSERT_EQ(idle.exit_code, 0) << describe(idle);
    EXPECT_EQ(each->ok({"export"}), before);
    EXPECT_TRUE(has(each->ok({"audit", "verify"}), "Audit trail intact"));
  }
  EXPECT_EQ(pushAuditRows(), rows);
  CliRunner admin(dir_ / "admin-verify");
  const auto verified = admin.run({"server", "audit-verify", "--server", admin_});
  ASSERT_EQ(verified.exit_code, 0) << describe(verified);
  EXPECT_EQ(verified.out, "Push audit intact: " + std::to_string(rows) + " rows checked\n");

  // Bea records one more visit on her copy. Once the supervisor gives her the family kept, her
  // laptop merges the two as well, and sends the new visit under the family kept.
  bea.ok({"visit", "sign", bea.addVisit(again, "2025-04-01")});
  adminRun("UPDATE securebase.assignments SET counselor_uuid = '" + staffUuid("bea") +
           "' WHERE family_uuid = '" + kept + "'");
  const auto given = bea.sync();
  ASSERT_EQ(given.exit_code, 0) << describe(given);
  EXPECT_TRUE(has(given.out, "family " + gone + " merged into family " + kept)) << given.out;
  const auto sent = bea.sync();
  ASSERT_EQ(sent.exit_code, 0) << describe(sent);
  EXPECT_EQ(sent.out.rfind("pushed: 1 signed visit\n", 0), 0u) << sent.out;
  EXPECT_EQ(serverCount("visits WHERE family_uuid = '" + kept + "'"), "4");
  EXPECT_EQ(visitsByFamily(bea.ok({"export"})), (std::map<std::string, std::size_t>{{kept, 4}}));
  EXPECT_TRUE(has(bea.ok({"audit", "verify"}), "Audit trail intact"));
  EXPECT_EQ(admin.run({"server", "audit-verify", "--server", admin_}).exit_code, 0);
}

TEST_F(SyncDuplicatesTest, ALaptopThatHeldOnlyTheFamilyMergedAwayTakesTheFamilyKeptWhole) {
  const Laptop ana = laptop("ana"), bea = laptop("bea"), sol = laptop("sol");
  bea.setUp("Bea Soto");
  const auto paz = bea.addFamily("Paz, Lola", "Bea Soto", "Inés");
  bea.ok({"visit", "sign", bea.addVisit(paz, "2025-03-08")});
  sol.setUp("Sol Vega");
  ASSERT_EQ(bea.sync().exit_code, 0);
  ASSERT_EQ(sol.sync().exit_code, 0);  // the supervisor's laptop holds Bea's record only
  ana.setUp("Ana Ruiz");
  const auto again = ana.addFamily("Paz Ruiz, Lola", "Ana Ruiz", "INES");
  for (const char* date : {"2025-03-01", "2025-03-15"})
    ana.ok({"visit", "sign", ana.addVisit(again, date)});
  ASSERT_EQ(ana.sync().exit_code, 0);
  const std::string kept = familyUuid("Paz Ruiz, Lola"), gone = familyUuid("Paz, Lola");
  const auto merged = asLogin("sol", {"sync", "merge",
                                      adminValue("SELECT max(id) FROM "
                                                 "securebase.duplicate_pairs"),
                                      "--keep", kept});
  ASSERT_EQ(merged.exit_code, 0) << describe(merged);

  // The family kept arrives with Bea's visit in it, which this laptop holds already: no
  // conflict, one family, three visits, every record explained by the audit.
  const auto synced = sol.sync();
  ASSERT_EQ(synced.exit_code, 0) << describe(synced);
  EXPECT_EQ(synced.err, "");
  EXPECT_TRUE(has(synced.out, "family " + gone + " merged into family " + kept)) << synced.out;
  EXPECT_EQ(visitsByFamily(sol.ok({"export"})), (std::map<std::string, std::size_t>{{kept, 3}}));
  EXPECT_TRUE(has(sol.ok({"audit", "verify"}), "Audit trail intact"));
  ASSERT_EQ(ana.sync().exit_code, 0);
  EXPECT_EQ(signedFamilies(sol.ok({"export"})).at(kept),
            signedFamilies(ana.ok({"export"})).at(kept));
  const auto idle = sol.sync();
  EXPECT_EQ(idle.out, "pushed: nothing new\npulled: nothing new\n");
}

TEST_F(SyncDuplicatesTest, AMergeThatIsNotAllowedChangesNothing) {
  const Laptop ana = laptop("ana"), bea = laptop("bea");
  ana.setUp("Ana Ruiz");
  ana.ok({"family", "add", "--name", "Núñez, Eva", "--since", "2025-01-01", "--phone",
          "+34 612 345 678"});
  bea.setUp("Bea Soto");
  const auto bea_family = bea.ok(
      {"family", "add", "--name", "Paz, Lola", "--since", "2025-01-01", "--phone", "612-34-56-78"});
  ASSERT_EQ(ana.sync().exit_code, 0);
  ASSERT_EQ(bea.sync().exit_code, 0);
  const std::string pair = adminValue("SELECT id FROM securebase.duplicate_pairs");
  const std::string nunez = familyUuid("Núñez, Eva"), paz = familyUuid("Paz, Lola");
  EXPECT_TRUE(has(asLogin("sol", {"sync", "duplicates"}).out,
                  "possible duplicate " + pair + ": same caregiver phone\n"));

  auto rows = pushAuditRows();
  auto refused = [&](const std::string& login, const std::string& id, const std::string& keep,
                     int exit_code, const std::string& why) {
    const auto result = asLogin(login, {"sync", "merge", id, "--keep", keep});
    EXPECT_EQ(result.exit_code, exit_code) << describe(result);
    EXPECT_EQ(result.err, "securebase-cli: " + why + "\n");
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(serverCount("families"), "2");
    EXPECT_EQ(serverCount("family_merges"), "0");
    EXPECT_EQ(pushAuditRows(), rows);
  };
  refused("ana", pair, nunez, 1, "only a supervisor merges families");
  refused("sol", "999", nunez, 2, "there is no possible duplicate 999");
  refused("sol", pair, staffUuid("ana"), 1,
          "family " + staffUuid("ana") + " is not one of possible duplicate " + pair +
              "; nothing was merged");

  // Bea corrects the phone: the two no longer share anything, and the pair is gone.
  setFamilyPhone(bea, bea_family, "699 000 111");
  ASSERT_EQ(bea.sync().exit_code, 0);
  rows = pushAuditRows();
  EXPECT_EQ(asLogin("sol", {"sync", "duplicates"}).out, "No possible duplicate families\n");
  refused("sol", pair, paz, 1,
          "possible duplicate " + pair +
              " is not one any more (its families no longer share a child's name and birth "
              "date or a phone, or one was merged); nothing was merged");
}

}  // namespace securebase::testing
