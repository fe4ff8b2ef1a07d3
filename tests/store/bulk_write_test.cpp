// A bulk write (Database::bulkTransaction) checks foreign keys once, before COMMIT, and the
// schema's refusal triggers FAIL instead of ABORT (schema version 9): neither needs a statement
// journal, and neither lets a broken reference or a changed signed visit through.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "securebase/core/error.h"
#include "securebase/store/database.h"
#include "securebase/store/migrations.h"
#include "securebase/store/store.h"
#include "store_fixture.h"
#include "temp_dir.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

bool foreignKeysOn(store::Database& db) {
  auto s = db.prepare("PRAGMA foreign_keys");
  return s.step() && s.integer(0) == 1;
}

std::string addCaregiverTo(model::Id family_id, const std::string& uuid) {
  return "INSERT INTO caregivers (uuid, family_id, name) VALUES ('" + uuid + "', " +
         std::to_string(family_id) + ", 'Ana')";
}

std::map<std::string, std::string> triggers(store::Database& db) {
  std::map<std::string, std::string> all;
  auto s = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'");
  while (s.step()) all[s.text(0)] = s.text(1);
  return all;
}

}  // namespace

struct BulkTransaction : ::testing::Test {
  TempDir dir;
  store::Database db{dir / "bulk.db"};
  store::Store store{db, "test"};
  const SmallFamily family = addSmallFamily(store);
  const std::string before = dumpContent(db);
};

TEST_F(BulkTransaction, ABrokenReferenceRefusesItAllAndKeysAreCheckedAgainAfter) {
  EXPECT_EQ(errorMessageOf([&] {
              db.bulkTransaction([&] {
                db.exec(addCaregiverTo(family.family, "c-kept-1"));
                db.exec(addCaregiverTo(family.family + 1000, "c-orphan"));
              });
            }),
            "a caregivers row would refer to a families row that does not exist; nothing was "
            "changed");
  EXPECT_EQ(dumpContent(db), before);
  EXPECT_TRUE(foreignKeysOn(db));
  EXPECT_THROW(db.exec(addCaregiverTo(family.family + 1000, "c-orphan")), Error);

  db.bulkTransaction([&] { db.exec(addCaregiverTo(family.family, "c-kept-2")); });
  EXPECT_EQ(countRows(db, "caregivers"), 2);
  EXPECT_TRUE(foreignKeysOn(db));
  EXPECT_THROW(db.exec(addCaregiverTo(family.family + 1000, "c-orphan")), Error);
  EXPECT_EQ(countRows(db, "caregivers"), 2);
}

// Inside another transaction the keys cannot be switched off: they are checked row by row.
TEST_F(BulkTransaction, NestedInATransactionItChecksKeysAsItGoes) {
  EXPECT_THROW(db.transaction([&] {
    db.bulkTransaction([&] {
      EXPECT_TRUE(foreignKeysOn(db));
      db.exec(addCaregiverTo(family.family + 1000, "c-orphan"));
    });
  }),
               Error);
  EXPECT_EQ(dumpContent(db), before);
}

// Version 9 makes every refusal trigger again with FAIL: same tables, conditions and words.
// And it indexes the visits that count, which a family's summary triggers read.
TEST(SchemaVersion9, RefusalTriggersFailWithTheirOwnWords) {
  TempDir dir;
  const auto file = dir / "v8.db";
  std::map<std::string, std::string> expected;
  {
    store::Database db(file, {.migrate_to_version = 8});
    for (auto [name, sql] : triggers(db)) {
      for (auto at = sql.find("RAISE(ABORT,"); at != std::string::npos;
           at = sql.find("RAISE(ABORT,", at))
        sql.replace(at, 12, "RAISE(FAIL,");
      expected[name] = sql;
    }
  }
  // Version 10 adds one refusal of its own ("no referral made" records), with FAIL too;
  // version 12 two (family merges), and lets a signed visit's family change along a merge;
  // version 13 the refusals of a read-only family's changes, and lets a signed visit go while
  // its family is pruned.
  const auto withoutLaterVersions = [](std::map<std::string, std::string> now) {
    for (const char* name :
         {"no_referral_fixed", "family_merges_no_update", "family_merges_no_delete"}) {
      EXPECT_NE(now[name].find("RAISE(FAIL, '"), std::string::npos) << name;
      now.erase(name);
    }
    std::string& guard = now["signed_visit_no_update"];
    const std::string moved = "NEW.family_id IS NOT OLD.family_id";
    const auto from = guard.find("(" + moved + " AND NOT EXISTS (SELECT 1 FROM family_merges");
    const std::string end = "w.id = NEW.family_id))";
    const auto to = guard.find(end, from);
    EXPECT_NE(to, std::string::npos) << guard;
    if (to != std::string::npos) guard.replace(from, to + end.size() - from, moved);
    std::erase_if(now, [](const auto& trigger) {
      if (!trigger.first.starts_with("read_only_")) return false;
      EXPECT_NE(trigger.second.find("RAISE(FAIL, '"), std::string::npos) << trigger.first;
      return true;
    });
    for (const char* name : {"signed_visit_no_delete", "signed_visit_sets_no_delete",
                             "signed_observation_no_delete"}) {
      auto& sql = now[name];
      const auto at = sql.find(" AND NOT EXISTS (SELECT 1 FROM read_only_families");
      EXPECT_NE(at, std::string::npos) << name;
      if (at != std::string::npos) sql.erase(at, sql.find("\nBEGIN", at) - at);
    }
    return now;
  };
  store::Database db(file);
  EXPECT_EQ(withoutLaterVersions(triggers(db)), expected);
  int failing = 0;
  for (const auto& [name, sql] : triggers(db)) {
    EXPECT_EQ(sql.find("RAISE(ABORT"), std::string::npos) << name;
    if (sql.find("RAISE(FAIL, '") != std::string::npos) ++failing;
  }
  EXPECT_EQ(failing, 19 + 14);
  TempDir fresh_dir;
  store::Database fresh(fresh_dir / "fresh.db");
  EXPECT_EQ(withoutLaterVersions(triggers(fresh)), expected);
  // The triggers that keep a family's summary find the visits that count through an index.
  for (store::Database* each : {&db, &fresh}) {
    auto plan = each->prepare(
        "EXPLAIN QUERY PLAN SELECT visit_date FROM current_visits c WHERE c.family_id = 1 AND "
        "c.outcome = 'completed' ORDER BY visit_date DESC, id DESC LIMIT 1");
    ASSERT_TRUE(plan.step());
    EXPECT_NE(plan.text(3).find("USING INDEX visits_current"), std::string::npos) << plan.text(3);
  }

  // Still refused, with the same words, and nothing of the statement is left.
  store::Store store(db, "test");
  const SmallFamily family = addSmallFamily(store);
  const model::Id visit =
      store.addVisit(makeVisit(family, "2026-01-05", {2, 1}), testFormSnapshot());
  store.signVisit(visit);
  const std::string before = dumpContent(db);
  EXPECT_NE(errorMessageOf([&] {
              db.transaction([&] {
                db.exec("UPDATE visits SET notes = 'changed' WHERE id = " + std::to_string(visit));
              });
            }).find("a signed visit cannot be edited; amend it instead"),
            std::string::npos);
  EXPECT_NE(errorMessageOf([&] {
              db.exec("DELETE FROM observations");
            }).find("a signed visit cannot be edited; amend it instead"),
            std::string::npos);
  EXPECT_EQ(dumpContent(db), before);
}
