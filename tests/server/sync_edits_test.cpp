// Edits travel (issue 15): a caregiver changed on one laptop only since the last sync reaches
// the server and the other laptops; changed on two laptops between syncs, it is a conflict —
// each keeps its own, nothing is written over — and which laptop syncs first changes nothing
// on either laptop.
#include <gtest/gtest.h>

#include <filesystem>

#include "pg_cluster.h"
#include "securebase/server/connection.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"
#include "sync_fixture.h"
#include "test_key.h"

namespace securebase::testing {
namespace {

// The window's edit of a family's first caregiver's name, through the store; its uuid.
std::string renameMother(const Laptop& laptop, const std::string& counselor,
                         const std::string& name) {
  store::Database db(laptop.db(), {.key = kTestKey, .create_if_missing = false});
  store::Store store(db, counselor);
  const auto family = store.listFamilies().at(0).family.id;
  auto mother = store.loadFamily(family).caregivers.at(0);
  mother.name = name;
  store.updateCaregiver(mother);
  return mother.uuid;
}

// The first family's first caregiver's name on a laptop.
std::string motherName(const Laptop& laptop) {
  store::Database db(laptop.db(), {.key = kTestKey, .create_if_missing = false});
  store::Store store(db, "reader");
  return store.loadFamily(store.listFamilies().at(0).family.id).caregivers.at(0).name;
}

}  // namespace

class SyncEditsTest : public SyncTest {
 protected:
  // Ana's family with a signed visit, on the server and on the supervisor Sol's laptop.
  void bothHoldTheFamily(const Laptop& ana, const Laptop& sol) const {
    ana.setUp("Ana Ruiz");
    ana.ok({"visit", "sign",
            ana.addVisit(ana.addFamily("García", "Ana Ruiz", "Sofía"), "2025-03-01")});
    ASSERT_EQ(ana.sync().exit_code, 0);
    sol.setUp("Sol Vega");
    ASSERT_EQ(sol.sync().exit_code, 0);
    ASSERT_EQ(motherName(sol), "Mamá de Sofía");
  }

  std::string serverMotherName() const {
    return adminValue("SELECT name FROM securebase.people WHERE kind = 'caregiver'");
  }
};

TEST_F(SyncEditsTest, ACaregiverEditedOnOneLaptopReachesTheServerAndTheOtherLaptop) {
  const Laptop ana = laptop("ana"), sol = laptop("sol");
  bothHoldTheFamily(ana, sol);
  const auto number_before = adminValue(
      "SELECT change_number FROM securebase.people "
      "WHERE kind = 'caregiver'");
  const auto audit_before = pushAuditRows();
  const auto caregiver = renameMother(ana, "Ana Ruiz", "Ana María García");

  const auto sent = ana.sync();
  ASSERT_EQ(sent.exit_code, 0) << describe(sent);
  EXPECT_TRUE(has(sent.out, "pushed: nothing new\nedit sent: caregiver " + caregiver + "\n"))
      << sent.out;
  EXPECT_EQ(sent.err, "");
  EXPECT_EQ(serverMotherName(), "Ana María García");
  EXPECT_GT(std::stoll(adminValue("SELECT change_number FROM securebase.people "
                                  "WHERE kind = 'caregiver'")),
            std::stoll(number_before));
  EXPECT_EQ(adminValue("SELECT revision FROM securebase.people WHERE kind = 'caregiver'"), "2");
  EXPECT_EQ(pushAuditRows(), audit_before + 1);
  EXPECT_EQ(adminValue("SELECT what FROM securebase.push_audit ORDER BY id DESC LIMIT 1"),
            "push: no new records; edited caregiver " + caregiver);

  // The supervisor's laptop takes it through the store's own edit, with its audit row.
  const auto pulled = sol.sync();
  ASSERT_EQ(pulled.exit_code, 0) << describe(pulled);
  EXPECT_EQ(pulled.err, "");
  EXPECT_TRUE(has(pulled.out, "pushed: nothing new\n")) << pulled.out;
  EXPECT_EQ(motherName(sol), "Ana María García");
  {
    store::Database db(sol.db(), {.key = kTestKey, .create_if_missing = false});
    store::Store store(db, "reader");
    const auto trail = store.auditTrail("caregiver");
    ASSERT_FALSE(trail.empty());
    EXPECT_EQ(trail.back().action, "update");
    EXPECT_TRUE(has(trail.back().details, "Ana María García")) << trail.back().details;
  }
  EXPECT_EQ(signedFamilies(sol.ok({"export"})), signedFamilies(ana.ok({"export"})));
  // Nothing more to do on either side, however often they sync.
  const auto audit_after = pushAuditRows();
  for (const Laptop* l : {&ana, &sol, &ana}) {
    const auto again = l->sync();
    EXPECT_TRUE(has(again.out, "pushed: nothing new\npulled: ")) << again.out;
    EXPECT_FALSE(has(again.out, "edit sent")) << again.out;
  }
  EXPECT_EQ(pushAuditRows(), audit_after);
  EXPECT_EQ(motherName(ana), "Ana María García");
}

TEST_F(SyncEditsTest, AChildCorrectedByTheSupervisorReachesTheCounselorsLaptop) {
  const Laptop ana = laptop("ana"), sol = laptop("sol");
  bothHoldTheFamily(ana, sol);
  std::string child;
  {  // The supervisor corrects the baby's name and weeks of gestation.
    store::Database db(sol.db(), {.key = kTestKey, .create_if_missing = false});
    store::Store store(db, "Sol Vega");
    auto baby = store.loadFamily(store.listFamilies().at(0).family.id).children.at(0);
    child = baby.uuid;
    baby.name = "Sofía Inés";
    baby.gestation_weeks = 35;
    store.updateChild(baby);
  }
  const auto sent = sol.sync();
  EXPECT_TRUE(has(sent.out, "edit sent: child " + child)) << describe(sent);
  EXPECT_EQ(adminValue("SELECT name || ' ' || gestation_weeks FROM securebase.people "
                       "WHERE kind = 'child'"),
            "Sofía Inés 35");
  const auto pulled = ana.sync();
  ASSERT_EQ(pulled.exit_code, 0) << describe(pulled);
  EXPECT_EQ(pulled.err, "");
  store::Database db(ana.db(), {.key = kTestKey, .create_if_missing = false});
  store::Store store(db, "reader");
  const auto baby = store.loadFamily(store.listFamilies().at(0).family.id).children.at(0);
  EXPECT_EQ(baby.name, "Sofía Inés");
  EXPECT_EQ(baby.gestation_weeks, 35);
  EXPECT_EQ(store.auditTrail("child", baby.id).back().action, "update");
}

// The same caregiver renamed and the same goal reworded on both laptops between syncs, while
// the family's address changes on one and a referral on the other. Run in both orders on copies
// of the same server and laptops: each laptop keeps its own version of what both changed and
// names the conflict on every sync, takes what the other alone changed, and each laptop's
// export is the same bytes whichever synced first.
TEST_F(SyncEditsTest, TheSameCaregiverEditedOnTwoLaptopsIsAConflictWhateverTheOrder) {
  const Laptop ana = laptop("ana"), sol = laptop("sol");
  bothHoldTheFamily(ana, sol);
  onStore(ana, "Ana Ruiz", [](store::Store& store) {
    const auto family = store.listFamilies().at(0).family.id;
    const auto day = model::Date::parse("2025-03-01").value();
    store.addGoal({0, "", family, "Cantar al bañarla", model::GoalStatus::open, std::nullopt,
                   std::nullopt, day});
    store.addReferral({0, "", family, std::nullopt, "Grupo de crianza", "apoyo entre madres",
                       model::ReferralStatus::open, day});
  });
  ASSERT_EQ(ana.sync().exit_code, 0);
  ASSERT_EQ(sol.sync().exit_code, 0);
  const auto caregiver = renameMother(ana, "Ana Ruiz", "Ana María García");
  renameMother(sol, "Sol Vega", "Ana G. López");
  auto rewordGoal = [](store::Store& store, const std::string& text) {
    store.updateGoalText(store.loadFamily(store.listFamilies().at(0).family.id).goals.at(0).id,
                         text);
  };
  onStore(ana, "Ana Ruiz", [&](store::Store& store) {
    auto family = store.listFamilies().at(0).family;
    family.address = "Calle Luna 5";
    store.updateFamily(family);
    rewordGoal(store, "Cantarle cada día al bañarla");
  });
  onStore(sol, "Sol Vega", [&](store::Store& store) {
    const auto record = store.loadFamily(store.listFamilies().at(0).family.id);
    store.setReferralStatus(record.referrals.at(0).id, model::ReferralStatus::completed);
    rewordGoal(store, "Cantar juntas al bañarla");
  });

  struct Run {
    std::string ana_export, sol_export;
  };
  auto play = [&](const std::string& name, bool ana_first) {
    // A copy of the server database and of both laptops' files, as they are now.
    const std::string copy = dbname_ + "_" + name;
    adminRun("CREATE DATABASE " + copy + " TEMPLATE " + dbname_);
    auto twin = [&](const std::string& login, const Laptop& original) {
      Laptop l(dir_ / name / login, pgCluster().tcpConninfo(copy, dbname_ + "_" + login),
               dir_ / "password.txt");
      std::filesystem::copy_file(original.db(), l.db());
      return l;
    };
    const Laptop a = twin("ana", ana), s = twin("sol", sol);
    const Laptop* first = ana_first ? &a : &s;
    const Laptop* second = ana_first ? &s : &a;
    const std::string conflict =
        "conflict: caregiver " + caregiver + " was changed here and on the server";
    EXPECT_TRUE(has(first->sync().out, "edit sent: caregiver " + caregiver));
    const std::string listed =
        ": caregiver " + caregiver + " (reported by " + dbname_ + (ana_first ? "_sol)" : "_ana)");
    for (int round = 0; round < 2; ++round) {
      const auto later = second->sync();
      EXPECT_EQ(later.exit_code, 0) << describe(later);
      EXPECT_TRUE(has(later.out, conflict)) << name << "\n" << later.out;
      EXPECT_FALSE(has(later.out, "edit sent: caregiver")) << later.out;
      EXPECT_TRUE(has(later.out, listed)) << later.out;
      EXPECT_FALSE(has(later.out, "conflict: family")) << later.out;
      EXPECT_FALSE(has(later.out, "conflict: referral")) << later.out;
      // Listed on the laptop whose version the server holds too.
      const auto again = first->sync();
      EXPECT_EQ(again.exit_code, 0) << describe(again);
      EXPECT_FALSE(has(again.out, "edit sent: caregiver")) << again.out;
      EXPECT_TRUE(has(again.out, listed)) << again.out;
    }
    // Nothing written over: each laptop keeps its own, the server the version that came first.
    EXPECT_EQ(motherName(a), "Ana María García") << name;
    EXPECT_EQ(motherName(s), "Ana G. López") << name;
    // What one laptop alone changed is on both.
    for (const Laptop* l : {&a, &s})
      onStore(*l, "reader", [&](store::Store& store) {
        const auto record = store.loadFamily(store.listFamilies().at(0).family.id);
        EXPECT_EQ(record.family.address, "Calle Luna 5") << name;
        EXPECT_EQ(record.referrals.at(0).status, model::ReferralStatus::completed) << name;
        EXPECT_EQ(record.goals.at(0).text,
                  l == &a ? "Cantarle cada día al bañarla" : "Cantar juntas al bañarla")
            << name;
      });
    server::Connection server(pgCluster().socketConninfo(copy));
    EXPECT_EQ(server.exec("SELECT name FROM securebase.people WHERE kind = 'caregiver'").text(0, 0),
              ana_first ? "Ana María García" : "Ana G. López");
    // Recorded once on the server, however often it is met.
    EXPECT_EQ(server
                  .exec("SELECT count(*) FROM securebase.conflicts WHERE record_uuid = $1 "
                        "AND resolved_at IS NULL",
                        {caregiver})
                  .text(0, 0),
              "1");
    return Run{a.ok({"export"}), s.ok({"export"})};
  };
  const Run ana_first = play("ab", true);
  const Run sol_first = play("ba", false);
  EXPECT_EQ(ana_first.ana_export, sol_first.ana_export);
  EXPECT_EQ(ana_first.sol_export, sol_first.sol_export);
  EXPECT_TRUE(has(ana_first.ana_export, "Ana María García"));
  EXPECT_TRUE(has(ana_first.sol_export, "Ana G. López"));
  EXPECT_TRUE(has(ana_first.ana_export, "\"settings\": {\"counselor.name\":\"Ana Ruiz\"}"))
      << ana_first.ana_export.substr(0, 200);
}

TEST_F(SyncEditsTest, TheSupervisorsResolutionReachesBothLaptops) {
  const Laptop ana = laptop("ana"), sol = laptop("sol");
  bothHoldTheFamily(ana, sol);
  CliRunner admin(dir_ / "admin");
  auto resolve = [&](const std::string& login, const std::string& keep) {
    return admin.run({"sync", "resolve", adminValue("SELECT max(id) FROM securebase.conflicts"),
                      "--keep", keep, "--server",
                      pgCluster().tcpConninfo(dbname_, dbname_ + "_" + login),
                      "--server-passphrase-file", (dir_ / "password.txt").string()});
  };
  auto conflictBetween = [&](const std::string& on_ana, const std::string& on_sol) {
    renameMother(ana, "Ana Ruiz", on_ana);
    renameMother(sol, "Sol Vega", on_sol);
    ASSERT_EQ(ana.sync().exit_code, 0);
    const auto met = sol.sync();
    ASSERT_TRUE(has(met.out, "conflict on the server, until a supervisor resolves it: "))
        << met.out;
  };

  // The server's version kept: the laptop that reported the conflict takes it.
  conflictBetween("Ana María García", "Ana G. López");
  const auto by_counselor = resolve("ana", "server");
  EXPECT_EQ(by_counselor.exit_code, 1) << describe(by_counselor);
  EXPECT_EQ(by_counselor.err, "securebase-cli: only a supervisor resolves conflicts\n");
  const auto resolved = resolve("sol", "server");
  ASSERT_EQ(resolved.exit_code, 0) << describe(resolved);
  for (const Laptop* l : {&sol, &ana}) {
    const auto synced = l->sync();
    EXPECT_EQ(synced.exit_code, 0) << describe(synced);
    EXPECT_FALSE(has(synced.out, "conflict")) << synced.out;
    EXPECT_EQ(synced.err, "");
  }
  EXPECT_EQ(motherName(sol), "Ana María García");
  EXPECT_EQ(motherName(ana), "Ana María García");
  EXPECT_EQ(serverMotherName(), "Ana María García");
  EXPECT_EQ(resolve("sol", "server").exit_code, 2);  // resolved already

  // The reporting laptop's version kept: it goes to the server, and on to the other laptop.
  conflictBetween("Ana M. García", "Ana García López");
  ASSERT_EQ(resolve("sol", "laptop").exit_code, 0);
  EXPECT_TRUE(has(sol.sync().out, "edit sent: caregiver"));
  const auto taken = ana.sync();
  EXPECT_FALSE(has(taken.out, "conflict")) << taken.out;
  EXPECT_EQ(taken.err, "");
  EXPECT_EQ(motherName(sol), "Ana García López");
  EXPECT_EQ(motherName(ana), "Ana García López");
  EXPECT_EQ(serverMotherName(), "Ana García López");
  EXPECT_EQ(signedFamilies(sol.ok({"export"})), signedFamilies(ana.ok({"export"})));
  EXPECT_EQ(adminValue("SELECT string_agg(kept || ' by ' || resolved_by, ', ' ORDER BY id) "
                       "FROM securebase.conflicts"),
            "server by " + dbname_ + "_sol, laptop by " + dbname_ + "_sol");
}

}  // namespace securebase::testing
