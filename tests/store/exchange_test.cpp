// Export and import over real databases: determinism, the round trip through an empty
// database, merging two databases that share families, conflicts, and all-or-nothing refusal.
#include <gtest/gtest.h>
#include <sqlcipher/sqlite3.h>

#include "build_paths.h"
#include "securebase/core/error.h"
#include "securebase/demo/demo.h"
#include "securebase/exchange/deidentify.h"
#include "securebase/exchange/export.h"
#include "securebase/exchange/import.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/pdf/text_check.h"
#include "securebase/service/scoring.h"
#include "securebase/service/visits.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/record_audit.h"
#include "statement_journals.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

struct OpenDb {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::Store> store;
};

struct Exchange : ::testing::Test {
  TempDir dir;
  std::shared_ptr<forms::FormCatalog> catalog = std::make_shared<forms::FormCatalog>(
      forms::FormCatalog::load(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms"));
  const forms::Form& form = *catalog->latest("attachment-practices");

  // Opened as the programs open it: printable-text check and scoring on.
  OpenDb open(const std::string& name) {
    OpenDb o;
    o.db = std::make_unique<store::Database>(dir / name);
    o.store = std::make_unique<store::Store>(*o.db, "Supervisor " + name);
    o.store->setTextCheck(pdf::checkPrintable);
    service::enableScoring(*o.store, catalog);
    return o;
  }

  // Demo families, plus a signed amendment of one signed visit.
  OpenDb demoDb(const std::string& name, int families = 20) {
    OpenDb o = open(name);
    demo::DemoOptions options;
    options.families = families;
    options.today = {2026, 6, 1};
    demo::generateDemo(*o.store, form, options);
    const auto record = o.store->loadFamily(o.store->listFamilies().front().family.id);
    for (const auto& v : record.visits) {
      if (!v.isSigned() || v.superseded_by) continue;
      model::Visit amended = o.store->visit(o.store->amendVisit(v.id, "Corrected a rating"));
      amended.notes = "Corrected: the visit was at the clinic.";
      o.store->updateVisitHeader(amended);
      o.store->signVisit(amended.id);
      break;
    }
    return o;
  }

  // A completed visit of `family` (every rating item rated `rating`) by the family's first pair.
  model::Id addVisit(store::Store& s, model::Id family, const std::string& date, int rating) {
    const auto record = s.loadFamily(family);
    model::Visit v;
    v.family_id = family;
    v.date = *model::Date::parse(date);
    v.form_id = form.id;
    v.form_version = form.version;
    model::ObservationSet set{0, record.caregivers.at(0).id, record.children.at(0).id, {}};
    for (const auto& section : form.sections)
      for (const auto& item : section.items)
        if (item.kind == forms::ItemKind::rating)
          set.observations.push_back({item.id, false, std::to_string(rating), "", false});
    v.sets.push_back(set);
    v.status = model::VisitStatus::signed_off;
    v.signed_by = "Kim Lee";
    return service::recordVisit(s, *catalog, v);
  }

  model::Id familyByUuid(store::Store& s, const std::string& uuid) {
    return *s.idByUuid(store::Store::UuidTable::families, uuid);
  }
};

long long countWhere(store::Database& db, const std::string& sql) {
  auto s = db.prepare(sql);
  s.step();
  return s.integer(0);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST_F(Exchange, ExportingTwiceGivesTheSameBytes) {
  auto a = demoDb("a.db");
  const std::string first = exchange::exportJson(*a.store);
  EXPECT_EQ(exchange::exportJson(*a.store), first);
  EXPECT_GT(first.size(), 100000u);
  EXPECT_NE(first.find("\"amends_uuid\": \""), std::string::npos);
}

// Export writes as it reads: the document comes in one piece per family (plus head and tail),
// and the pieces are exactly the bytes of the whole export, deidentified or not.
TEST_F(Exchange, ExportStreamsOneFamilyAtATimeWithTheSameBytes) {
  auto a = demoDb("a.db");
  for (const exchange::ExportOptions& options :
       {exchange::ExportOptions{}, exchange::ExportOptions{.deidentify = true, .seed = "s"}}) {
    std::string joined;
    int pieces = 0;
    exchange::exportJson(*a.store, options, [&](std::string_view piece) {
      joined += piece;
      ++pieces;
    });
    EXPECT_EQ(joined, exchange::exportJson(*a.store, options));
    EXPECT_EQ(joined,
              exchange::toJsonText(options.deidentify
                                       ? exchange::deidentify(exchange::readDatabase(*a.store),
                                                              exchange::saltFromSeed("s"))
                                       : exchange::readDatabase(*a.store)));
    EXPECT_EQ(pieces, 20 + 3);
  }
}

// An import row names the record's kind and uuid and vouches for its content by hash: no copy.
TEST_F(Exchange, ImportAuditRowsCarryUuidKindAndContentHashOnly) {
  auto a = demoDb("a.db");
  auto b = open("b.db");
  exchange::importExport(*b.store, exchange::exportJson(*a.store), "a.json");
  auto rows = b.db->prepare(
      "SELECT entity, entity_id, details, content_hash FROM audit_log WHERE action = 'import' "
      "AND entity <> 'form' AND entity <> 'settings'");
  int checked = 0;
  while (rows.step()) {
    const std::string table = rows.text(0) == "family"  ? "families"
                              : rows.text(0) == "child" ? "children"
                                                        : rows.text(0) + "s";
    auto uuid = b.db->prepare("SELECT uuid FROM " + table + " WHERE id = ?");
    uuid.bind(1, rows.integer(1));
    ASSERT_TRUE(uuid.step()) << rows.text(0);
    EXPECT_EQ(rows.text(2), "{\"uuid\":\"" + uuid.text(0) + "\"}");
    EXPECT_EQ(rows.text(3).size(), 64u);
    ++checked;
  }
  EXPECT_GT(checked, 100);
  EXPECT_TRUE(store::verifyRecordContent(*b.db).ok())
      << store::verifyRecordContent(*b.db).summary();
}

TEST_F(Exchange, RoundTripThroughAnEmptyDatabaseGivesTheSameBytes) {
  auto a = demoDb("a.db");
  const std::string exported = exchange::exportJson(*a.store);
  auto b = open("b.db");
  const auto plan = exchange::importExport(*b.store, exported, "a.json");
  EXPECT_TRUE(plan.conflicts.empty());
  EXPECT_EQ(plan.counts.at(exchange::RecordType::family).added, 20);
  EXPECT_EQ(exchange::exportJson(*b.store), exported);

  // Signed visits arrive signed, with their signatures, scored, and each audited as imported.
  for (const char* sql :
       {"SELECT count(*) FROM visits WHERE status = 'signed'",
        "SELECT count(*) FROM visits WHERE superseded_by IS NOT NULL",
        "SELECT count(*) FROM visit_scores WHERE overall IS NOT NULL",
        "SELECT count(*) FROM observations", "SELECT count(*) FROM families WHERE flagged = 1",
        "SELECT count(*) FROM families WHERE open_referrals > 0"})
    EXPECT_EQ(countWhere(*b.db, sql), countWhere(*a.db, sql)) << sql;
  EXPECT_EQ(countWhere(*b.db,
                       "SELECT count(*) FROM audit_log WHERE action = 'import' AND "
                       "entity = 'visit'"),
            countRows(*a.db, "visits"));
  // Beside them, one row for each original an imported amendment supersedes.
  EXPECT_EQ(countWhere(*b.db, "SELECT count(*) FROM audit_log WHERE action = 'supersede'"),
            countWhere(*a.db, "SELECT count(*) FROM visits WHERE superseded_by IS NOT NULL"));
  EXPECT_EQ(
      countWhere(*b.db,
                 "SELECT count(*) FROM audit_log WHERE action NOT IN ('import', 'supersede')"),
      0);
  EXPECT_TRUE(store::verifyRecordContent(*b.db).ok())
      << store::verifyRecordContent(*b.db).summary();
  EXPECT_TRUE(store::verifyRecordContent(*a.db).ok())
      << store::verifyRecordContent(*a.db).summary();
  const auto summaries_a = a.store->listFamilies();
  const auto summaries_b = b.store->listFamilies();
  ASSERT_EQ(summaries_a.size(), summaries_b.size());
  for (std::size_t i = 0; i < summaries_a.size(); ++i) {
    EXPECT_EQ(summaries_a[i].family.uuid, summaries_b[i].family.uuid);
    EXPECT_EQ(summaries_a[i].trend_points, summaries_b[i].trend_points);
    EXPECT_EQ(summaries_a[i].next_due, summaries_b[i].next_due);
  }
}

TEST_F(Exchange, MergingBothWaysGivesTheUnionWithoutDuplicates) {
  auto a = demoDb("a.db", 5);
  auto b = open("b.db");
  exchange::importExport(*b.store, exchange::exportJson(*a.store), "a.json");
  const auto families = a.store->listFamilies();
  // Each side records its own new work.
  addVisit(*a.store, families[0].family.id, "2026-06-10", 2);
  model::Family fresh;
  fresh.display_name = "Nguyen, Lan";
  fresh.created_on = {2026, 6, 1};
  a.store->addFamily(fresh);
  const model::Id in_b = familyByUuid(*b.store, families[1].family.uuid);
  const model::Id b_visit = addVisit(*b.store, in_b, "2026-06-12", 1);
  model::Goal goal;
  goal.family_id = in_b;
  goal.text = "Sing during diaper changes";
  goal.set_at_visit_id = b_visit;
  b.store->addGoal(goal);
  const long long visits_total = countRows(*a.db, "visits") + 1;

  const auto into_a = exchange::importExport(*a.store, exchange::exportJson(*b.store), "b.json");
  EXPECT_TRUE(into_a.conflicts.empty());
  EXPECT_EQ(into_a.counts.at(exchange::RecordType::visit).added, 1);
  EXPECT_EQ(into_a.counts.at(exchange::RecordType::goal).added, 1);
  const auto into_b = exchange::importExport(*b.store, exchange::exportJson(*a.store), "a.json");
  EXPECT_TRUE(into_b.conflicts.empty());
  EXPECT_EQ(into_b.counts.at(exchange::RecordType::visit).added, 1);
  EXPECT_EQ(into_b.counts.at(exchange::RecordType::family).added, 1);

  EXPECT_EQ(countRows(*a.db, "visits"), visits_total);
  EXPECT_EQ(countRows(*b.db, "visits"), visits_total);
  EXPECT_EQ(exchange::exportJson(*a.store), exchange::exportJson(*b.store));
  // A third merge finds everything already there.
  const auto again = exchange::importExport(*a.store, exchange::exportJson(*b.store), "b.json");
  for (const auto& [type, counts] : again.counts) {
    EXPECT_EQ(counts.added, 0) << exchange::toString(type);
    EXPECT_EQ(counts.conflicts, 0) << exchange::toString(type);
  }
}

TEST_F(Exchange, AnAmendmentMadeInTheCopyReplacesTheOriginalOnMerge) {
  auto a = demoDb("a.db", 3);
  auto b = open("b.db");
  exchange::importExport(*b.store, exchange::exportJson(*a.store), "a.json");
  model::Id original = 0;
  for (const auto& row : b.store->listFamilies())
    for (const auto& v : b.store->loadFamily(row.family.id).visits)
      if (original == 0 && v.isSigned() && !v.superseded_by && !v.amends_visit_id) original = v.id;
  const std::string uuid = b.store->visit(original).uuid;
  const model::Id amendment = b.store->amendVisit(original, "Corrected a rating");
  b.store->signVisit(amendment);
  const auto plan = exchange::importExport(*a.store, exchange::exportJson(*b.store), "b.json");
  EXPECT_TRUE(plan.conflicts.empty());
  const model::Visit in_a =
      a.store->visit(*a.store->idByUuid(store::Store::UuidTable::visits, uuid));
  ASSERT_TRUE(in_a.superseded_by.has_value());
  EXPECT_EQ(a.store->visit(*in_a.superseded_by).uuid, b.store->visit(amendment).uuid);
  EXPECT_EQ(exchange::exportJson(*a.store), exchange::exportJson(*b.store));
}

TEST_F(Exchange, AConflictRefusesTheWholeImportAndChangesNothing) {
  auto a = demoDb("a.db", 5);
  auto b = open("b.db");
  exchange::importExport(*b.store, exchange::exportJson(*a.store), "a.json");
  const auto families = b.store->listFamilies();
  model::Family edited = families[0].family;
  edited.phone = "555-9999";
  b.store->updateFamily(edited);
  addVisit(*b.store, families[1].family.id, "2026-06-12", 1);
  const std::string text = exchange::exportJson(*b.store);

  const std::string before = dumpContent(*a.db);
  try {
    exchange::importExport(*a.store, text, "b.json");
    FAIL() << "a conflicting import was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::bad_input);
    EXPECT_NE(std::string(e.what()).find("1 conflict (first: conflict: family " + edited.uuid +
                                         ": differs in phone)"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(dumpContent(*a.db), before);

  const auto plan = exchange::importExport(*a.store, text, "b.json", {.skip_conflicts = true});
  ASSERT_EQ(plan.conflicts.size(), 1u);
  EXPECT_EQ(plan.conflicts[0].describe(), "conflict: family " + edited.uuid + ": differs in phone");
  EXPECT_EQ(plan.counts.at(exchange::RecordType::visit).added, 1);
  // Never overwritten: the database keeps its own phone number.
  EXPECT_NE(a.store->family(familyByUuid(*a.store, edited.uuid)).phone, "555-9999");
}

TEST_F(Exchange, AVisitDependingOnAConflictingPersonIsLeftOut) {
  auto a = demoDb("a.db", 2);
  auto b = open("b.db");
  exchange::importExport(*b.store, exchange::exportJson(*a.store), "a.json");
  // The same caregiver uuid, renamed in the copy (through SQL: the program has no rename).
  const auto family = b.store->listFamilies()[0].family;
  const auto caregiver = b.store->caregivers(family.id).at(0);
  b.db->exec("UPDATE caregivers SET name = 'Someone Else' WHERE id = " +
             std::to_string(caregiver.id));
  addVisit(*b.store, family.id, "2026-06-12", 1);
  const auto plan = exchange::importExport(*a.store, exchange::exportJson(*b.store), "b.json",
                                           {.skip_conflicts = true});
  ASSERT_EQ(plan.conflicts.size(), 2u);
  EXPECT_EQ(plan.conflicts[0].describe(),
            "conflict: caregiver " + caregiver.uuid + ": differs in name");
  EXPECT_NE(
      plan.conflicts[1].describe().find("observes " + caregiver.uuid + ", which is in conflict"),
      std::string::npos);
  EXPECT_EQ(countRows(*a.db, "visits"), countRows(*b.db, "visits") - 1);
}

TEST_F(Exchange, InvalidFilesAreRefusedAndChangeNothing) {
  auto source = demoDb("source.db", 4);
  const std::string good = exchange::exportJson(*source.store);
  auto target = demoDb("target.db", 2);
  const std::string before = dumpContent(*target.db);
  const auto last_family = good.rfind("\"display_name\": ");
  const auto rating = good.find("\"value\":\"", good.rfind("\"observations\": ["));
  // The last observation set in the file (the last visit may be a missed one, with none).
  const auto caregiver = good.rfind("\"caregiver_uuid\": \"");
  const std::string caregiver_uuid = good.substr(caregiver + 19, 36);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {good.substr(0, good.size() / 2), "not valid JSON"},
      {replaced(good, "\"outcome\": \"completed\"", "\"outcome\": \"done\""), "is not completed"},
      {replaced(good, "\"caregiver_uuid\": \"" + caregiver_uuid,
                "\"caregiver_uuid\": \"00000000-0000-4000-8000-000000000000"),
       "neither in the file nor in this family"},
      {good.substr(0, rating + 9) + "99" + good.substr(good.find('"', rating + 9)),
       "observation_sets[0]"},
      {good.substr(0, last_family + 17) + "\xC3\x28" + good.substr(last_family + 17),
       "not valid UTF-8"},
      {exchange::exportJson(*source.store, {.deidentify = true, .seed = "x"}),
       "deidentified export"},
  };
  for (const auto& [text, message] : cases) {
    try {
      exchange::importExport(*target.store, text, "file.json");
      ADD_FAILURE() << "accepted a file that should say " << message;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
    }
    EXPECT_EQ(dumpContent(*target.db), before) << message;
  }
}

TEST_F(Exchange, AFailureWhileWritingLeavesNothingBehind) {
  auto source = demoDb("source.db", 6);
  const std::string text = exchange::exportJson(*source.store);
  // The last family in the file is refused by the target's own text check, after all the
  // others were written inside the transaction.
  const auto families = source.store->listFamilies();
  std::string last_uuid;
  for (const auto& row : families) last_uuid = std::max(last_uuid, row.family.uuid);
  const std::string refused_name =
      source.store->family(familyByUuid(*source.store, last_uuid)).display_name;
  auto target = open("target.db");
  target.store->setTextCheck([&](std::string_view text_in, std::string_view what) {
    if (text_in == refused_name) throwBadInput(std::string(what) + ": refused by this clinic");
  });
  const std::string before = dumpContent(*target.db);
  EXPECT_THROW(exchange::importExport(*target.store, text, "s.json"), Error);
  EXPECT_EQ(dumpContent(*target.db), before);
}

TEST_F(Exchange, DeidentifiedExportsOfTheSameSeedMatchAndNameNobody) {
  auto a = demoDb("a.db", 5);
  const std::string first = exchange::exportJson(*a.store, {.deidentify = true, .seed = "s1"});
  EXPECT_EQ(exchange::exportJson(*a.store, {.deidentify = true, .seed = "s1"}), first);
  EXPECT_NE(exchange::exportJson(*a.store, {.deidentify = true}), first);
  for (const auto& row : a.store->listFamilies()) {
    EXPECT_EQ(first.find(row.family.display_name), std::string::npos);
    EXPECT_EQ(first.find(row.family.uuid), std::string::npos);
    for (const auto& child : a.store->children(row.family.id))
      EXPECT_EQ(first.find("\"" + child.name + "\""), std::string::npos) << child.name;
  }
  const auto csv = exchange::exportCsv(*a.store, {.deidentify = true, .seed = "s1"});
  EXPECT_EQ(csv.at("families.csv").find(a.store->listFamilies()[0].family.display_name),
            std::string::npos);
}

// A file may leave out a form this database already holds: its new visits are checked against
// the stored form (the plan keeps the database's forms for the whole import).
TEST_F(Exchange, AVisitOfAFormOnlyThisDatabaseHoldsIsCheckedAgainstTheStoredOne) {
  auto a = demoDb("a.db", 3);
  auto b = open("b.db");
  exchange::importExport(*b.store, exchange::exportJson(*a.store), "a.json");
  addVisit(*a.store, a.store->listFamilies().front().family.id, "2026-06-10", 2);
  exchange::ExchangeData file = exchange::parseExport(exchange::exportJson(*a.store), "a.json");
  file.forms.clear();
  const auto plan = exchange::importExport(*b.store, exchange::toJsonText(file), "no-forms.json");
  EXPECT_EQ(plan.counts.at(exchange::RecordType::visit).added, 1);
  EXPECT_EQ(exchange::exportJson(*b.store), exchange::exportJson(*a.store));
}

namespace {

// Counts the statements run on a connection by how their SQL starts (statements of triggers
// are not counted: their text starts with "--").
class StatementCounter {
 public:
  explicit StatementCounter(store::Database& db) : db_(db) {
    sqlite3_trace_v2(db_.handle(), SQLITE_TRACE_STMT, &StatementCounter::seen, this);
  }
  ~StatementCounter() { sqlite3_trace_v2(db_.handle(), 0, nullptr, nullptr); }
  StatementCounter(const StatementCounter&) = delete;
  StatementCounter& operator=(const StatementCounter&) = delete;

  long long starting(std::string_view prefix) const {
    long long n = 0;
    for (const auto& sql : statements_)
      if (sql.rfind(prefix, 0) == 0) ++n;
    return n;
  }

 private:
  static int seen(unsigned, void* self, void*, void* text) {
    static_cast<StatementCounter*>(self)->statements_.emplace_back(static_cast<const char*>(text));
    return 0;
  }
  store::Database& db_;
  std::vector<std::string> statements_;
};

struct ImportBatches : Exchange {};

}  // namespace

// A family's visits, their observation sets, observations, signatures, scores and audit rows are
// written many rows per statement, not one statement per row: each statement has its own cost
// (and, before schema 9, its own statement journal, encrypted page by page).
TEST_F(ImportBatches, AFamilysVisitsAreWrittenManyRowsPerStatement) {
  auto a = demoDb("a.db", 6);
  const long long visits = countRows(*a.db, "visits");
  const long long families = countRows(*a.db, "families");
  const long long amendments =
      countWhere(*a.db, "SELECT count(*) FROM visits WHERE amends_visit_id IS NOT NULL");
  ASSERT_GT(visits, 4 * (families + amendments));
  ASSERT_GE(amendments, 1);
  const std::string text = exchange::exportJson(*a.store);

  auto b = open("b.db");
  StatementCounter counter(*b.db);
  exchange::importExport(*b.store, text, "a.json");
  // One batch per family, and one more for each amendment whose original is in the batch; a
  // batch takes one statement per table, or more for many rows (64 to 128 a statement).
  const long long batches = families + amendments;
  const auto atMost = [&](long long rows, long long per_statement) {
    return batches + rows / per_statement;
  };
  const long long observations = countRows(*a.db, "observations");
  EXPECT_LE(counter.starting("INSERT OR FAIL INTO visits "), atMost(visits, 64));
  EXPECT_LE(counter.starting("INSERT OR FAIL INTO observation_sets "), atMost(visits, 128));
  EXPECT_LE(counter.starting("INSERT OR FAIL INTO observations "), atMost(observations, 128));
  EXPECT_LE(counter.starting("UPDATE OR FAIL visits SET status = 'signed'"), atMost(visits, 128));
  EXPECT_LE(counter.starting("INSERT OR FAIL INTO visit_scores "), atMost(visits, 128));
  EXPECT_LE(counter.starting("INSERT OR FAIL INTO visit_section_scores "),
            atMost(countRows(*a.db, "visit_section_scores"), 128));
  // A family's audit rows share statements too (the head's counselors and forms come before).
  const long long audit_rows = countRows(*b.db, "audit_log");
  const long long head_rows = countWhere(
      *b.db, "SELECT count(*) FROM audit_log WHERE entity IN ('counselor', 'form', 'settings')");
  EXPECT_LE(counter.starting("INSERT OR FAIL INTO audit_log "), head_rows + atMost(audit_rows, 64));
  EXPECT_LT(counter.starting("INSERT OR FAIL INTO audit_log "), audit_rows / 10);
  EXPECT_LT(counter.starting("INSERT OR FAIL INTO visits "), visits / 4);
  EXPECT_LT(counter.starting("INSERT OR FAIL INTO observations "),
            countRows(*a.db, "observation_sets") / 2);

  EXPECT_EQ(countRows(*b.db, "visits"), visits);
  EXPECT_EQ(countRows(*b.db, "observations"), countRows(*a.db, "observations"));
  EXPECT_EQ(exchange::exportJson(*b.store), text);
  EXPECT_TRUE(store::verifyAuditChain(*b.db).ok());
  EXPECT_TRUE(store::verifyRecordContent(*b.db).ok())
      << store::verifyRecordContent(*b.db).summary();
}

// Each visit of a batch passes the checks of a visit imported alone: one refused visit refuses
// the batch, and nothing of it is written.
TEST_F(ImportBatches, OneRefusedVisitRefusesItsWholeBatch) {
  auto a = demoDb("a.db", 2);
  const auto families = a.store->listFamilies();
  const auto first = a.store->loadFamily(families.at(0).family.id);
  const auto second = a.store->loadFamily(families.at(1).family.id);
  std::string rated_item;
  for (const auto& section : form.sections)
    for (const auto& item : section.items)
      if (rated_item.empty() && item.kind == forms::ItemKind::rating) rated_item = item.id;
  const auto batchOf = [&](model::Id caregiver_of_second_visit) {
    std::vector<model::Visit> batch;
    for (int i = 0; i < 2; ++i) {
      model::Visit v;
      v.uuid = "b4a1c7de-0000-4000-8000-00000000000" + std::to_string(i);
      v.family_id = first.family.id;
      v.date = *model::Date::parse("2026-05-0" + std::to_string(i + 1));
      v.form_id = form.id;
      v.form_version = form.version;
      v.sets.push_back({0,
                        i == 0 ? first.caregivers.at(0).id : caregiver_of_second_visit,
                        first.children.at(0).id,
                        {{rated_item, false, "2", "", false}}});
      batch.push_back(v);
    }
    return batch;
  };
  const std::string before = dumpContent(*a.db);
  EXPECT_THROW(a.store->importVisits(batchOf(second.caregivers.at(0).id)), Error);
  EXPECT_EQ(dumpContent(*a.db), before);

  const auto ids = a.store->importVisits(batchOf(first.caregivers.at(0).id));
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(a.store->visit(ids[1]).uuid, "b4a1c7de-0000-4000-8000-000000000001");
  EXPECT_EQ(a.store->visit(ids[1]).sets.at(0).observations.at(0).value, "2");
  EXPECT_TRUE(store::verifyRecordContent(*a.db).ok())
      << store::verifyRecordContent(*a.db).summary();
}

// An import keeps no statement journal, into which SQLCipher would encrypt every page a
// statement touches (batch_insert.h): with them an encrypted import of 10,000 families took
// half again the time of an unencrypted one. The same import inside a transaction already open
// checks foreign keys as it goes, which SQLite journals for: that shows the count is real.
TEST_F(ImportBatches, AnImportKeepsNoStatementJournal) {
  StatementJournals journals;
  {
    auto a = demoDb("a.db", 3);
    const std::string text = exchange::exportJson(*a.store);

    auto b = open("b.db");
    b.db->exec("PRAGMA temp_store = FILE");
    journals.reset();
    exchange::importExport(*b.store, text, "a.json");
    EXPECT_EQ(journals.opened(), 0);
    EXPECT_EQ(exchange::exportJson(*b.store), text);

    auto c = open("c.db");
    c.db->exec("PRAGMA temp_store = FILE");
    c.db->transaction([&] { exchange::importExport(*c.store, text, "a.json"); });
    EXPECT_GT(journals.opened(), 0);
    EXPECT_EQ(exchange::exportJson(*c.store), text);
  }
}

// A small file into a large database checks keys row by row, as SQLite does, rather than
// reading the whole database to check them at the end (import_stream.cpp says when each pays).
TEST_F(ImportBatches, ASmallFileIntoALargeDatabaseChecksKeysAsItGoes) {
  StatementJournals journals;
  {
    auto small = open("small.db");
    demo::generateDemo(*small.store, form, {.families = 1, .seed = 4242, .today = {2026, 6, 1}});
    const std::string text = exchange::exportJson(*small.store);

    auto large = demoDb("large.db", 9);
    large.db->exec("PRAGMA temp_store = FILE");
    journals.reset();
    exchange::importExport(*large.store, text, "small.json");
    EXPECT_GT(journals.opened(), 0);
    EXPECT_EQ(countRows(*large.db, "families"), 10);
    EXPECT_TRUE(store::verifyRecordContent(*large.db).ok());
  }
}
