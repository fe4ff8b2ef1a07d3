// A family the supervisor reassigns away from a counselor becomes read-only on that counselor's
// laptop at its next sync, and `sync --prune` removes it there — only once the server holds
// every record of it the laptop holds. Given back, it is writable again.
#include <gtest/gtest.h>

#include "securebase/core/error.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/database.h"
#include "securebase/store/record_audit.h"
#include "securebase/store/store.h"
#include "sync_fixture.h"
#include "test_key.h"

namespace securebase::testing {
namespace {

constexpr const char* kReadOnly =
    "was reassigned to bea on the agency server; it is read-only here";

// Each attempt to change the family is refused in one line naming who holds it, and changes
// nothing.
void expectRefused(const Laptop& on, const std::vector<std::string>& args) {
  const auto refused = on.run(args);
  EXPECT_EQ(refused.exit_code, 1) << describe(refused);
  ASSERT_EQ(refused.errLines().size(), 1u) << refused.err;
  EXPECT_TRUE(has(refused.err, std::string("family García ") + kReadOnly)) << refused.err;
}

}  // namespace

TEST_F(SyncTest, AFamilyReassignedAwayIsReadOnlyHereAndPrunedOnceTheServerHoldsItAll) {
  const Laptop ana = laptop("ana"), bea = laptop("bea");
  ana.setUp("Ana Ruiz");
  const auto garcia = ana.addFamily("García", "Ana Ruiz", "Sofía");
  const auto signed_visit = ana.addVisit(garcia, "2025-03-01");
  ana.ok({"visit", "sign", signed_visit});
  const auto ortiz = ana.addFamily("Ortiz", "Ana Ruiz", "Mateo");
  ASSERT_EQ(ana.sync().exit_code, 0);
  bea.setUp("Bea Soto");
  ASSERT_EQ(bea.sync().exit_code, 0);
  const std::string garcia_uuid = reassign("García", "bea");

  const auto told = ana.sync();
  ASSERT_EQ(told.exit_code, 0) << describe(told);
  EXPECT_TRUE(has(told.out, "read-only here: family García (" + garcia_uuid +
                                ") was reassigned to bea on the server\n"))
      << told.out;
  EXPECT_TRUE(has(told.out, "could be pruned: 1 family")) << told.out;
  EXPECT_TRUE(has(ana.ok({"family", "list", "--format", "csv"}), "García"))
      << "without --prune nothing is removed";

  // Every change to it is refused, by the CLI and by the store; the other family is writable.
  const auto before = ana.ok({"export"});
  const auto visit_file = ana.addVisit(ortiz, "2025-03-02");  // a draft in Ortiz: fine
  ana.ok({"visit", "discard", visit_file});
  expectRefused(ana, {"visit", "amend", signed_visit, "--reason", "typo"});
  expectRefused(ana, {"caregiver", "add", "--family", garcia[0], "--name", "Abuela"});
  expectRefused(ana,
                {"child", "add", "--family", garcia[0], "--name", "Luz", "--born", "2025-02-01"});
  {
    store::Database db(ana.db(), {.key = kTestKey, .create_if_missing = false});
    store::Store store(db, "Ana Ruiz");
    auto family = store.family(std::stoll(garcia[0]));
    family.phone = "555-0100";
    EXPECT_THROW(store.updateFamily(family), Error);
    auto caregiver = store.caregivers(family.id).at(0);
    caregiver.name = "Otra";
    EXPECT_THROW(store.updateCaregiver(caregiver), Error);
    model::Goal goal;
    goal.family_id = family.id;
    goal.text = "Leer";
    goal.created_on = *model::Date::parse("2025-03-01");
    EXPECT_THROW(store.addGoal(goal), Error);
    // Under the store, the triggers refuse what raw SQL would do.
    EXPECT_THROW(db.exec("UPDATE families SET phone = 'x' WHERE id = " + garcia[0]), Error);
    EXPECT_THROW(db.exec("INSERT INTO caregivers (uuid, family_id, name) VALUES ('u', " +
                         garcia[0] + ", 'x')"),
                 Error);
    EXPECT_THROW(db.exec("DELETE FROM visits WHERE id = " + signed_visit), Error);
  }
  EXPECT_EQ(ana.ok({"export"}), before);
  // The file the first visit was added from, once more.
  expectRefused(ana, {"visit", "add", "--from",
                      (dir_ / "ana" / ("visit-" + garcia[0] + "-2025-03-01.json")).string()});

  // The caseload marks it, with who holds it now; the other family has no mark.
  const auto caseload = ana.ok({"caseload", "--format", "csv"});
  EXPECT_TRUE(has(caseload, "read_only_held_by")) << caseload;
  EXPECT_TRUE(has(caseload, ",García,Ana Ruiz,")) << caseload;
  EXPECT_TRUE(has(caseload, ",bea,")) << caseload;
  EXPECT_TRUE(has(ana.ok({"caseload"}), "held by bea")) << ana.ok({"caseload"});

  const auto pruned = ana.sync({"--prune"});
  ASSERT_EQ(pruned.exit_code, 0) << describe(pruned);
  EXPECT_TRUE(has(pruned.out, "pruned: family García (" + garcia_uuid + ")")) << pruned.out;
  const auto list = ana.ok({"family", "list", "--format", "csv"});
  EXPECT_FALSE(has(list, "García")) << list;
  EXPECT_TRUE(has(list, "Ortiz")) << list;
  EXPECT_TRUE(has(ana.ok({"audit", "verify"}), "Audit trail intact"));
  {
    store::Database db(ana.db(), {.key = kTestKey, .create_if_missing = false});
    EXPECT_TRUE(store::verifyAuditChain(db).ok());
    EXPECT_TRUE(store::verifyRecordContent(db).ok()) << store::verifyRecordContent(db).summary();
    store::Store store(db, "reader");
    const auto trail = store.auditTrail("family", std::stoll(garcia[0]));
    ASSERT_FALSE(trail.empty());
    EXPECT_EQ(trail.back().action, "prune");
    EXPECT_EQ(trail.back().actor, "Ana Ruiz");
    EXPECT_TRUE(has(trail.back().details, "\"held_by\":\"bea\"")) << trail.back().details;
    EXPECT_TRUE(has(trail.back().details, garcia_uuid)) << trail.back().details;
    EXPECT_EQ(store.auditTrail("visit", std::stoll(signed_visit)).back().action, "prune");
  }
  // The server still holds it all, and Bea has it.
  EXPECT_EQ(adminValue("SELECT count(*) FROM securebase.visits"), "1");
  ASSERT_EQ(bea.sync().exit_code, 0);
  EXPECT_TRUE(has(bea.ok({"caseload", "--format", "csv"}), "García"));
  const auto after = ana.sync({"--prune"});
  ASSERT_EQ(after.exit_code, 0) << describe(after);
  EXPECT_FALSE(has(after.out, "García")) << after.out;
}

TEST_F(SyncTest, AFamilyHoldingWhatTheServerLacksIsNotPrunedAndGivenBackIsWritableAgain) {
  const Laptop ana = laptop("ana"), bea = laptop("bea");
  ana.setUp("Ana Ruiz");
  const auto garcia = ana.addFamily("García", "Ana Ruiz", "Sofía");
  ana.ok({"visit", "sign", ana.addVisit(garcia, "2025-03-01")});
  ASSERT_EQ(ana.sync().exit_code, 0);
  bea.setUp("Bea Soto");
  ASSERT_EQ(bea.sync().exit_code, 0);
  reassign("García", "bea");
  // Signed offline before the reassignment was known: the server cannot take it from Ana now.
  const auto offline = ana.addVisit(garcia, "2025-03-15");
  ana.ok({"visit", "sign", offline});
  ana.addVisit(garcia, "2025-03-16");  // and a draft, which never leaves the laptop

  const auto kept = ana.sync({"--prune"});
  EXPECT_EQ(kept.exit_code, 1) << describe(kept);
  ASSERT_EQ(kept.errLines().size(), 1u) << kept.err;
  EXPECT_TRUE(has(kept.err, "family García (")) << kept.err;
  EXPECT_TRUE(has(kept.err,
                  ") was not pruned: the server lacks what this computer holds of it "
                  "(signed visit "))
      << kept.err;
  EXPECT_TRUE(has(kept.err, ", draft visit ")) << kept.err;
  EXPECT_TRUE(has(kept.out, "read-only here: family García")) << kept.out;
  EXPECT_FALSE(has(kept.out, "could be pruned")) << kept.out;
  const auto shown = ana.ok({"family", "show", garcia[0]});
  EXPECT_TRUE(has(shown, "2025-03-15")) << shown;
  EXPECT_TRUE(has(shown, "2025-03-01")) << shown;
  EXPECT_TRUE(has(ana.ok({"audit", "verify"}), "Audit trail intact"));

  // The supervisor gives it back: the next sync sends the visit, and Ana may write again.
  reassign("García", "ana");
  const auto back = ana.sync();
  ASSERT_EQ(back.exit_code, 0) << describe(back);
  EXPECT_TRUE(has(back.out, "pushed: 1 signed visit")) << back.out;
  EXPECT_FALSE(has(back.out, "read-only")) << back.out;
  EXPECT_EQ(adminValue("SELECT count(*) FROM securebase.visits"), "2");
  ana.ok({"caregiver", "add", "--family", garcia[0], "--name", "Abuela"});
  ana.ok({"visit", "sign", ana.addVisit(garcia, "2025-03-20")});
  const auto caseload = ana.ok({"caseload", "--format", "csv"});
  EXPECT_FALSE(has(caseload, ",bea,")) << caseload;
  EXPECT_TRUE(has(ana.ok({"audit", "verify"}), "Audit trail intact"));
}

}  // namespace securebase::testing
