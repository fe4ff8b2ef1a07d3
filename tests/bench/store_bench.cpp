// The store's speed on a realistic caseload: a 10,000-family demo database (~220,000 visits,
// ~7 million observations). Targets: list all families with last visit and next due ≤ 50 ms;
// the caseload ≤ 50 ms; load one family with 40 visits ≤ 2 ms; record a visit with 30
// observations in one synchronous=FULL transaction ≤ 10 ms; generating the database ≤ 60 s;
// checking the audit chain of the generated database ≤ 100 ms.
#include <benchmark/benchmark.h>

#include "build_paths.h"
#include "demo_database.h"
#include "securebase/demo/demo.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/service/caseload.h"
#include "securebase/service/scoring.h"
#include "securebase/service/visits.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/store.h"
#include "temp_dir.h"
#include "test_key.h"

namespace {

using namespace securebase;

constexpr int kFamilies = 10000;

std::shared_ptr<forms::FormCatalog> catalog() {
  static auto shared = std::make_shared<forms::FormCatalog>(
      forms::FormCatalog::load(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms"));
  return shared;
}

// Every store benchmark runs twice: /0 on the unencrypted file, /1 on the same data encrypted
// (raw key, so only the page encryption is measured; opening with a passphrase is BM_Unlock).
struct Open {
  explicit Open(const benchmark::State& state)
      : db(state.range(0) ? testing::encryptedDemoDatabase(kFamilies)
                          : testing::demoDatabase(kFamilies),
           {.key = state.range(0) ? testing::kTestKey : "", .create_if_missing = false}) {
    service::enableScoring(store, catalog());
  }
  store::Database db;
  store::Store store{db, "benchmark"};
};

// The first family with exactly `count` visits (the recording benchmark adds visits to another).
model::Id familyWithVisits(store::Store& store, int count) {
  auto s = store.database().prepare(
      "SELECT family_id FROM visits GROUP BY family_id HAVING count(*) = ? ORDER BY family_id "
      "LIMIT 1");
  s.bind(1, count);
  s.step();
  return s.integer(0);
}

void BM_ListAllFamilies(benchmark::State& state) {
  Open open(state);
  for (auto _ : state) {
    auto rows = open.store.listFamilies();
    benchmark::DoNotOptimize(rows.data());
    state.counters["families"] = static_cast<double>(rows.size());
  }
}
BENCHMARK(BM_ListAllFamilies)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_Caseload(benchmark::State& state) {
  Open open(state);
  service::CaseloadQuery query;
  query.filter.status.reset();
  for (auto _ : state) benchmark::DoNotOptimize(service::caseload(open.store, query).data());
}
BENCHMARK(BM_Caseload)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_LoadFamilyWith40Visits(benchmark::State& state) {
  Open open(state);
  const model::Id family = familyWithVisits(open.store, 40);
  for (auto _ : state) {
    auto record = open.store.loadFamily(family);
    state.counters["visits"] = static_cast<double>(record.visits.size());
    benchmark::DoNotOptimize(record.visits.data());
  }
}
BENCHMARK(BM_LoadFamilyWith40Visits)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_RecordVisitWith30Observations(benchmark::State& state) {
  Open open(state);
  const model::Id family_id = familyWithVisits(open.store, 6);
  const auto record = open.store.loadFamily(family_id);
  const forms::Form& form = *catalog()->latest("attachment-practices");
  model::Visit visit;
  visit.family_id = family_id;
  visit.date = model::Date::today();
  visit.form_id = form.id;
  visit.form_version = form.version;
  model::ObservationSet set;
  set.caregiver_id = record.caregivers.at(0).id;
  set.child_id = record.children.at(0).id;
  int n = 0;
  for (const auto& section : form.sections)
    for (const auto& item : section.items)
      if (item.kind == forms::ItemKind::rating)
        set.observations.push_back({item.id, false, std::to_string(n++ % 3), "", false});
  visit.sets.push_back(set);
  state.counters["observations"] = static_cast<double>(set.observations.size());
  for (auto _ : state)
    benchmark::DoNotOptimize(service::recordVisit(open.store, *catalog(), visit));
}
BENCHMARK(BM_RecordVisitWith30Observations)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The whole trail of the demo database (one "generate" row per family) read and rehashed.
void BM_VerifyAuditChain(benchmark::State& state) {
  Open open(state);
  for (auto _ : state) {
    const auto report = store::verifyAuditChain(open.db);
    if (!report.ok()) state.SkipWithError(report.problem->message.c_str());
    state.counters["rows"] = static_cast<double>(report.rows_checked);
  }
}
BENCHMARK(BM_VerifyAuditChain)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_GenerateDemo10000(benchmark::State& state) {
  for (auto _ : state) {
    const auto file = std::filesystem::temp_directory_path() / "securebase-bench-demo.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
    {
      store::Database db(file, {.key = state.range(0) ? testing::kTestKey : ""});
      store::Store store(db, "benchmark");
      service::enableScoring(store, catalog());
      demo::DemoOptions options;
      options.families = kFamilies;
      demo::generateDemo(store, *catalog()->latest("attachment-practices"), options);
    }
    state.counters["MB"] = static_cast<double>(std::filesystem::file_size(file)) / 1e6;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  }
}
BENCHMARK(BM_GenerateDemo10000)->Arg(0)->Arg(1)->Unit(benchmark::kSecond)->Iterations(1);

// Unlocking: opening an encrypted database with a passphrase, through SQLCipher's PBKDF2 with
// kKdfIterations — what a counselor waits for after typing it.
void BM_UnlockWithPassphrase(benchmark::State& state) {
  testing::TempDir dir;
  const auto file = dir / "unlock.db";
  const std::string passphrase = "quiet river morning";
  { store::Database create(file, {.key = passphrase}); }
  for (auto _ : state) {
    store::Database db(file, {.key = passphrase, .create_if_missing = false});
    benchmark::DoNotOptimize(db.schemaVersion());
  }
}
BENCHMARK(BM_UnlockWithPassphrase)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
