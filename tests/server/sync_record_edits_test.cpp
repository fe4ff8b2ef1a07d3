// Edits of families, goals and referrals travel (issue 15) like those of caregivers and children:
// changed on one laptop only since the last sync, they reach the server and are written on the
// other laptops through the store's own edits, with their audit rows; kept from the server by a
// supervisor's resolution, they reach the laptop that reported the conflict.
#include <gtest/gtest.h>

#include "pg_cluster.h"
#include "sync_fixture.h"

namespace securebase::testing {
namespace {

model::Family firstFamily(store::Store& store) {
  return store.listFamilies().at(0).family;
}

}  // namespace

class SyncRecordEditsTest : public SyncTest {
 protected:
  // Ana's family with a signed visit, a goal set at it and a referral made at it, on the server
  // and on the supervisor Sol's laptop.
  void bothHoldTheFamily(const Laptop& ana, const Laptop& sol) {
    ana.setUp("Ana Ruiz");
    family_ = ana.addFamily("García", "Ana Ruiz", "Sofía");
    const auto visit = ana.addVisit(family_, "2025-03-01");
    ana.ok({"visit", "sign", visit});
    onStore(ana, "Ana Ruiz", [&](store::Store& store) {
      const auto family_id = std::stoll(family_[0]);
      store.addGoal({0, "", family_id, "Leer un cuento cada noche", model::GoalStatus::open,
                     std::stoll(visit), std::nullopt, model::Date::parse("2025-03-01").value()});
      store.addReferral({0, "", family_id, std::stoll(visit), "Clínica del Sueño",
                         "despierta muchas veces", model::ReferralStatus::open,
                         model::Date::parse("2025-03-01").value()});
    });
    ASSERT_EQ(ana.sync().exit_code, 0);
    sol.setUp("Sol Vega");
    ASSERT_EQ(sol.sync().exit_code, 0);
    onStore(sol, "reader", [&](store::Store& store) {
      const auto record = store.loadFamily(firstFamily(store).id);
      ASSERT_EQ(record.goals.size(), 1u);
      ASSERT_EQ(record.referrals.size(), 1u);
    });
  }

  static void setAddress(const Laptop& laptop, const std::string& counselor,
                         const std::string& address) {
    onStore(laptop, counselor, [&](store::Store& store) {
      auto family = firstFamily(store);
      family.address = address;
      store.updateFamily(family);
    });
  }

  static store::FamilyRecord familyOn(const Laptop& laptop) {
    store::FamilyRecord record;
    onStore(laptop, "reader",
            [&](store::Store& store) { record = store.loadFamily(firstFamily(store).id); });
    return record;
  }

  std::string familyUuid() const { return adminValue("SELECT uuid FROM securebase.families"); }

  std::vector<std::string> family_;  // ana's local ids: family, caregiver, child
};

TEST_F(SyncRecordEditsTest, AFamilysAddressEditedOnOneLaptopReachesTheOther) {
  const Laptop ana = laptop("ana"), sol = laptop("sol");
  bothHoldTheFamily(ana, sol);
  setAddress(ana, "Ana Ruiz", "Calle Luna 5, 2.º B");
  const auto family = familyUuid();

  const auto sent = ana.sync();
  ASSERT_EQ(sent.exit_code, 0) << describe(sent);
  EXPECT_TRUE(has(sent.out, "edit sent: family " + family)) << sent.out;
  EXPECT_EQ(adminValue("SELECT address FROM securebase.families"), "Calle Luna 5, 2.º B");

  const auto pulled = sol.sync();
  ASSERT_EQ(pulled.exit_code, 0) << describe(pulled);
  EXPECT_EQ(pulled.err, "");
  EXPECT_TRUE(has(pulled.out, "edit received: family " + family + "\n")) << pulled.out;
  EXPECT_FALSE(has(pulled.out, "conflict")) << pulled.out;
  EXPECT_EQ(familyOn(sol).family.address, "Calle Luna 5, 2.º B");
  onStore(sol, "reader", [&](store::Store& store) {
    const auto trail = store.auditTrail("family");
    ASSERT_FALSE(trail.empty());
    EXPECT_EQ(trail.back().action, "update");
    EXPECT_TRUE(has(trail.back().details, "Calle Luna 5")) << trail.back().details;
  });
  EXPECT_EQ(signedFamilies(sol.ok({"export"})), signedFamilies(ana.ok({"export"})));
  // Taken once: nothing more to do on either side.
  const auto audit_after = pushAuditRows();
  for (const Laptop* l : {&sol, &ana, &sol}) {
    const auto again = l->sync();
    EXPECT_TRUE(has(again.out, "pushed: nothing new\n")) << again.out;
    EXPECT_FALSE(has(again.out, "edit ")) << again.out;
    EXPECT_FALSE(has(again.out, "conflict")) << again.out;
  }
  EXPECT_EQ(pushAuditRows(), audit_after);
}

// The goal is marked achieved at a visit signed after the last sync: the pull brings the visit
// before it writes the goal that names it.
TEST_F(SyncRecordEditsTest, AGoalsStatusAndAReferralEditedOnOneLaptopReachTheOther) {
  const Laptop ana = laptop("ana"), sol = laptop("sol");
  bothHoldTheFamily(ana, sol);
  const auto later_visit = ana.addVisit(family_, "2025-03-15");
  ana.ok({"visit", "sign", later_visit});
  std::string goal, referral, later_visit_uuid;
  onStore(ana, "Ana Ruiz", [&](store::Store& store) {
    const auto record = store.loadFamily(firstFamily(store).id);
    goal = record.goals.at(0).uuid;
    referral = record.referrals.at(0).uuid;
    later_visit_uuid = store.visit(std::stoll(later_visit)).uuid;
    store.setGoalStatus(record.goals.at(0).id, model::GoalStatus::achieved,
                        std::stoll(later_visit));
    store.updateReferral(record.referrals.at(0).id, "Clínica del Sueño Norte",
                         "despierta muchas veces; cita el 20 de marzo");
    store.setReferralStatus(record.referrals.at(0).id, model::ReferralStatus::completed);
  });

  const auto sent = ana.sync();
  ASSERT_EQ(sent.exit_code, 0) << describe(sent);
  EXPECT_TRUE(has(sent.out, "edit sent: goal " + goal)) << sent.out;
  EXPECT_TRUE(has(sent.out, "edit sent: referral " + referral)) << sent.out;

  const auto pulled = sol.sync();
  ASSERT_EQ(pulled.exit_code, 0) << describe(pulled);
  EXPECT_EQ(pulled.err, "");
  EXPECT_TRUE(has(pulled.out, "edit received: goal " + goal + "\n")) << pulled.out;
  EXPECT_TRUE(has(pulled.out, "edit received: referral " + referral + "\n")) << pulled.out;
  EXPECT_FALSE(has(pulled.out, "conflict")) << pulled.out;
  onStore(sol, "reader", [&](store::Store& store) {
    const auto record = store.loadFamily(firstFamily(store).id);
    ASSERT_EQ(record.goals.size(), 1u);
    EXPECT_EQ(record.goals[0].status, model::GoalStatus::achieved);
    ASSERT_TRUE(record.goals[0].closed_at_visit_id);
    EXPECT_EQ(store.visit(*record.goals[0].closed_at_visit_id).uuid, later_visit_uuid);
    ASSERT_EQ(record.referrals.size(), 1u);
    EXPECT_EQ(record.referrals[0].to_whom, "Clínica del Sueño Norte");
    EXPECT_EQ(record.referrals[0].reason, "despierta muchas veces; cita el 20 de marzo");
    EXPECT_EQ(record.referrals[0].status, model::ReferralStatus::completed);
    EXPECT_EQ(store.auditTrail("goal", record.goals[0].id).back().action, "update");
    EXPECT_EQ(store.auditTrail("referral", record.referrals[0].id).back().action, "update");
  });
  EXPECT_EQ(signedFamilies(sol.ok({"export"})), signedFamilies(ana.ok({"export"})));
  const auto again = sol.sync();
  EXPECT_FALSE(has(again.out, "edit ")) << again.out;
  EXPECT_FALSE(has(again.out, "conflict")) << again.out;
}

TEST_F(SyncRecordEditsTest, AFamilyKeptFromTheServerByAResolutionReachesTheReportingLaptop) {
  const Laptop ana = laptop("ana"), sol = laptop("sol");
  bothHoldTheFamily(ana, sol);
  setAddress(ana, "Ana Ruiz", "Calle Luna 5");
  setAddress(sol, "Sol Vega", "Avenida Sol 12");
  const auto family = familyUuid();
  ASSERT_EQ(ana.sync().exit_code, 0);
  const auto met = sol.sync();
  ASSERT_EQ(met.exit_code, 0) << describe(met);
  EXPECT_TRUE(has(met.out, "conflict: family " + family + " was changed here and on the server"))
      << met.out;
  EXPECT_EQ(familyOn(sol).family.address, "Avenida Sol 12");  // nothing written over

  CliRunner admin(dir_ / "admin");
  const auto resolved =
      admin.run({"sync", "resolve", adminValue("SELECT max(id) FROM securebase.conflicts"),
                 "--keep", "server", "--server", pgCluster().tcpConninfo(dbname_, dbname_ + "_sol"),
                 "--server-passphrase-file", (dir_ / "password.txt").string()});
  ASSERT_EQ(resolved.exit_code, 0) << describe(resolved);
  const auto taken = sol.sync();
  ASSERT_EQ(taken.exit_code, 0) << describe(taken);
  EXPECT_TRUE(has(taken.out, "edit received: family " + family)) << taken.out;
  EXPECT_FALSE(has(taken.out, "conflict")) << taken.out;
  EXPECT_FALSE(has(taken.out, "edit sent")) << taken.out;
  const auto other = ana.sync();
  EXPECT_FALSE(has(other.out, "conflict")) << other.out;
  EXPECT_EQ(familyOn(sol).family.address, "Calle Luna 5");
  EXPECT_EQ(familyOn(ana).family.address, "Calle Luna 5");
  EXPECT_EQ(adminValue("SELECT address FROM securebase.families"), "Calle Luna 5");
  EXPECT_EQ(signedFamilies(sol.ok({"export"})), signedFamilies(ana.ok({"export"})));
}

}  // namespace securebase::testing
