// Export and import of a demo caseload (issue 11, "streaming exchange"). Targets on 10,000
// families: export ≤ 200 MB RSS, import into an empty database ≤ 600 MB RSS and ≤ 60 s, the
// imported file ≤ 1.3 × the source's size. Memory is measured on the real programs
// (/usr/bin/time -v securebase-cli export|import); here are the times, the sizes and the
// process's peak RSS so far (ru_maxrss: it only grows, so read it on one benchmark run alone,
// e.g. --benchmark_filter=BM_ImportIntoEmpty/10000/0).
//
// Arguments: families, then 1 for an encrypted database (raw key) or 0.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <fstream>

#include "demo_database.h"
#include "securebase/exchange/export.h"
#include "securebase/exchange/export_reader.h"
#include "securebase/exchange/import.h"
#include "securebase/store/store.h"
#include "temp_dir.h"
#include "test_key.h"

namespace {

using namespace securebase;

std::filesystem::path source(const benchmark::State& state) {
  const int families = static_cast<int>(state.range(0));
  return state.range(1) ? testing::encryptedDemoDatabase(families)
                        : testing::demoDatabase(families);
}

store::DatabaseOptions keyOf(const benchmark::State& state, bool create) {
  return {.key = state.range(1) ? testing::kTestKey : "", .create_if_missing = create};
}

// 1,000 families unencrypted and encrypted (quick), 10,000 unencrypted and encrypted (the
// targets).
void caseloads(benchmark::internal::Benchmark* benchmark) {
  benchmark->Args({1000, 0})->Args({1000, 1})->Args({10000, 0})->Args({10000, 1});
  benchmark->Unit(benchmark::kSecond)->Iterations(1);
}

double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The export of the source, written once beside the demo databases.
std::filesystem::path exportFile(const benchmark::State& state) {
  const auto db_file = source(state);
  const auto file = db_file.parent_path() / (db_file.stem().string() + ".json");
  if (std::filesystem::exists(file)) return file;
  store::Database db(db_file, keyOf(state, false));
  store::Store store(db, "benchmark");
  std::ofstream out(file, std::ios::binary);
  exchange::exportJson(store, {}, [&](std::string_view piece) {
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  });
  return file;
}

void BM_ExportJson(benchmark::State& state) {
  store::Database db(source(state), keyOf(state, false));
  store::Store store(db, "benchmark");
  for (auto _ : state) {
    std::size_t bytes = 0;
    exchange::exportJson(store, {}, [&](std::string_view piece) { bytes += piece.size(); });
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  }
  state.counters["peak_rss_MB"] = peakRssMb();
}
BENCHMARK(BM_ExportJson)->Apply(caseloads);

void BM_ExportCsv(benchmark::State& state) {
  store::Database db(source(state), keyOf(state, false));
  store::Store store(db, "benchmark");
  for (auto _ : state) {
    std::size_t bytes = 0;
    exchange::CsvSinks sinks;
    for (const auto& name : exchange::csvFileNames())
      sinks[name] = [&](std::string_view piece) { bytes += piece.size(); };
    exchange::exportCsv(store, {}, sinks);
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  }
  state.counters["peak_rss_MB"] = peakRssMb();
}
BENCHMARK(BM_ExportCsv)->Apply(caseloads);

// Check, plan and write the whole export into a new database, as `securebase-cli import` does.
void BM_ImportIntoEmpty(benchmark::State& state) {
  const auto file = exportFile(state);
  const auto source_size = std::filesystem::file_size(source(state));
  for (auto _ : state) {
    testing::TempDir dir;
    const auto target = dir / "imported.db";
    {
      store::Database db(target, keyOf(state, true));
      store::Store store(db, "benchmark");
      exchange::ExportReader reader = exchange::ExportReader::ofFile(file, file.string());
      reader.check();
      const auto plan = exchange::importFile(store, reader, {});
      benchmark::DoNotOptimize(plan.counts.size());
    }
    state.counters["size_ratio"] =
        static_cast<double>(std::filesystem::file_size(target)) / static_cast<double>(source_size);
  }
  state.counters["file_MB"] = static_cast<double>(std::filesystem::file_size(file)) / 1e6;
  state.counters["peak_rss_MB"] = peakRssMb();
}
BENCHMARK(BM_ImportIntoEmpty)->Apply(caseloads);

}  // namespace

BENCHMARK_MAIN();
