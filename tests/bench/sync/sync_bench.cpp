// The agency server at scale (issue 15): a PostgreSQL 15 server holding 10,000 demo families
// (about 7 million observations) brought by 50 counselors, and the syncs a laptop makes against
// it, over TLS on localhost as a counselor's or the supervisor's login. Targets: a day's sync
// (5 signed visits) ≤ 1 s; a counselor's first pull of 200 families ≤ 5 s; a supervisor's first
// pull of all 10,000 families ≤ 120 s.
//
// The loaded server is made once and kept under the build folder (bench-data/sync-server, with
// the counselors' laptops beside it): every counselor's laptop is a 200-family demo database that
// pushes its families through the real sync. Later runs start the kept cluster again. The
// cluster runs with fsync and synchronous commits on, as an agency's would.
//
// Run the supervisor's pull alone to read its peak memory:
//   bench_sync --benchmark_filter=BM_SupervisorFirstPull
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "build_paths.h"
#include "pg_cluster.h"
#include "securebase/demo/demo.h"
#include "securebase/server/connection.h"
#include "securebase/server/schema.h"
#include "securebase/service/visits.h"
#include "securebase/service/workspace.h"
#include "securebase/sync/sync.h"
#include "temp_dir.h"
#include "test_key.h"

namespace {

using namespace securebase;
namespace fs = std::filesystem;

constexpr int kCounselors = 50;
constexpr int kFamiliesEach = 200;
constexpr const char* kDatabase = "agency";
constexpr const char* kPassword = "a counselor's long password";

fs::path benchData() {
  return fs::path(SECUREBASE_TEST_BINARY_DIR) / "bench-data";
}

// counselor_0 … counselor_49; -1 is the supervisor.
std::string login(int counselor) {
  return counselor < 0 ? "supervisor" : "counselor_" + std::to_string(counselor);
}

fs::path laptopFile(int counselor) {
  return benchData() / "sync-laptops" / (login(counselor) + ".db");
}

service::Workspace openLaptop(const fs::path& file, const std::string& counselor) {
  service::WorkspaceOptions options;
  options.database.key = testing::kTestKey;
  options.counselor = [counselor](store::Store&) { return counselor; };
  return service::openWorkspace(file, std::move(options));
}

std::shared_ptr<const forms::FormCatalog> catalog() {
  static auto shared = std::make_shared<const forms::FormCatalog>(
      forms::FormCatalog::load(fs::path(SECUREBASE_TEST_SOURCE_DIR) / "forms"));
  return shared;
}

class Agency {
 public:
  Agency()
      : cluster_(freshUnlessLoaded(),
                 "fsync = on\nsynchronous_commit = on\nfull_page_writes = on\n"
                 "shared_buffers = 256MB\nmax_wal_size = 2GB\n") {
    if (!fs::exists(benchData() / "sync-server" / "loaded")) {
      load();
      return;
    }
    // A server loaded by an older program is brought up to date, as `server init` does.
    server::Connection owner(cluster_.socketConninfo(kDatabase));
    server::initServerSchema(owner);
  }

  // A connection as `user` over TLS, as a laptop makes it.
  server::Connection connect(const std::string& user) const {
    return server::Connection(cluster_.tcpConninfo(kDatabase, user), std::string(kPassword));
  }

 private:
  void load() {
    std::cerr << "loading the agency server: " << kCounselors << " counselors × " << kFamiliesEach
              << " demo families (made once, kept under " << benchData() << ")…\n";
    server::Connection admin(cluster_.socketConninfo("postgres"));
    admin.execScript(std::string("CREATE DATABASE ") + kDatabase);
    server::Connection owner(cluster_.socketConninfo(kDatabase));
    server::initServerSchema(owner);
    server::addStaff(owner, server::StaffRole::supervisor, "Sol Vega", "supervisor", kPassword);
    fs::create_directories(laptopFile(0).parent_path());
    for (int i = 0; i < kCounselors; ++i) {
      server::addStaff(owner, server::StaffRole::counselor, "Counselor " + std::to_string(i),
                       login(i), kPassword);
      const auto file = laptopFile(i);
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
      auto laptop = openLaptop(file, "Counselor " + std::to_string(i));
      demo::DemoOptions options;
      options.families = kFamiliesEach;
      options.seed = 1000 + static_cast<std::uint64_t>(i);
      options.today = {2026, 11, 1};
      demo::generateDemo(*laptop.store, *catalog()->latest("attachment-practices"), options);
      auto connection = connect(login(i));
      sync::sync(*laptop.store, connection);
      std::cerr << "  " << login(i) << " synced\n";
    }
    std::ofstream(benchData() / "sync-server" / "loaded") << "10000 families\n";
  }

  // The kept cluster's folder, emptied first when an earlier load did not finish (its logins
  // are the cluster's, so the cluster goes whole).
  static fs::path freshUnlessLoaded() {
    const auto folder = benchData() / "sync-server";
    if (!fs::exists(folder / "loaded")) fs::remove_all(folder);
    return folder;
  }

  testing::PgCluster cluster_;
};

Agency& agency() {
  static Agency shared;
  return shared;
}

double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Copies a database file with its WAL beside it.
void copyDatabase(const fs::path& from, const fs::path& to) {
  for (const char* suffix : {"", "-wal", "-shm"})
    if (fs::exists(from.string() + suffix))
      fs::copy_file(from.string() + suffix, to.string() + suffix,
                    fs::copy_options::overwrite_existing);
}

// Five signed visits on five of the laptop's families, each a copy of the family's latest
// signed visit dated `date`.
void recordFiveVisits(store::Store& store, model::Date date) {
  int recorded = 0;
  for (const auto& summary : store.listFamilies()) {
    if (recorded == 5) break;
    auto family = store.loadFamily(summary.family.id);
    const model::Visit* latest = nullptr;
    for (const auto& visit : family.visits)
      if (visit.isSigned() && visit.isCurrent() && (!latest || latest->date < visit.date))
        latest = &visit;
    if (!latest || !(latest->date < date)) continue;
    model::Visit visit = *latest;
    visit.id = 0;
    visit.uuid.clear();
    visit.status = model::VisitStatus::draft;
    visit.date = date;
    visit.signed_at.clear();
    visit.signed_by.clear();
    visit.next_planned.reset();
    for (auto& set : visit.sets) set.id = 0;
    store.signVisit(service::recordVisit(store, *catalog(), visit));
    ++recorded;
  }
}

// A counselor's day: five visits signed on the laptop, then one sync (connecting included).
void BM_DaySync(benchmark::State& state) {
  auto& server = agency();
  testing::TempDir dir;
  const auto file = dir / "laptop.db";
  copyDatabase(laptopFile(7), file);
  auto laptop = openLaptop(file, "Counselor 7");
  {
    auto connection = server.connect(login(7));
    sync::sync(*laptop.store, connection);  // what other days' runs left on the server
  }
  model::Date day{2026, 11, 2};
  for (auto _ : state) {
    state.PauseTiming();
    recordFiveVisits(*laptop.store, day);
    day = day.plusDays(1);
    state.ResumeTiming();
    auto connection = server.connect(login(7));
    const auto result = sync::sync(*laptop.store, connection);
    if (result.push.sent.visits != 5) state.SkipWithError("the sync did not send 5 visits");
  }
}
BENCHMARK(BM_DaySync)->Unit(benchmark::kMillisecond)->Iterations(5);

// A new laptop of `who` (a counselor's number, or -1 for the supervisor): an empty file, then
// its first sync, timed with the connection; the file is left in `kept` when given.
void firstPull(benchmark::State& state, int who, const std::string& name, int families,
               const fs::path& kept = {}) {
  auto& server = agency();
  for (auto _ : state) {
    state.PauseTiming();
    testing::TempDir dir;
    const auto file = dir / "new-laptop.db";
    auto laptop = openLaptop(file, name);
    state.ResumeTiming();
    auto connection = server.connect(login(who));
    const auto result = sync::sync(*laptop.store, connection);
    state.PauseTiming();
    if (result.pull.families < families) state.SkipWithError("families missing");
    state.counters["families"] = result.pull.families;
    state.counters["file_MB"] = static_cast<double>(fs::file_size(file)) / 1e6;
    laptop = {};
    if (!kept.empty()) copyDatabase(file, kept);
    state.ResumeTiming();
  }
  state.counters["peak_rss_MB"] = peakRssMb();
}

// A counselor's new laptop: the first sync brings their 200 families.
void BM_CounselorFirstPull(benchmark::State& state) {
  firstPull(state, 12, "Counselor 12", kFamiliesEach);
}
BENCHMARK(BM_CounselorFirstPull)->Unit(benchmark::kSecond)->Iterations(3);

// The supervisor's new laptop: the first sync brings every family of the agency. The file is
// kept for BM_SupervisorDaySync.
void BM_SupervisorFirstPull(benchmark::State& state) {
  firstPull(state, -1, "Sol Vega", kCounselors * kFamiliesEach, laptopFile(-1));
}
BENCHMARK(BM_SupervisorFirstPull)->Unit(benchmark::kSecond)->Iterations(1);

// The supervisor's laptop on a later day, holding the whole agency: a sync that finds nothing
// new still reads every family here to learn what the server lacks (run BM_SupervisorFirstPull
// once first: it leaves that laptop under bench-data).
void BM_SupervisorDaySync(benchmark::State& state) {
  auto& server = agency();
  if (!fs::exists(laptopFile(-1))) {
    state.SkipWithError("run BM_SupervisorFirstPull first");
    return;
  }
  testing::TempDir dir;
  copyDatabase(laptopFile(-1), dir / "supervisor.db");
  auto laptop = openLaptop(dir / "supervisor.db", "Sol Vega");
  for (auto _ : state) {
    auto connection = server.connect("supervisor");
    benchmark::DoNotOptimize(sync::sync(*laptop.store, connection));
  }
  state.counters["peak_rss_MB"] = peakRssMb();
}
BENCHMARK(BM_SupervisorDaySync)->Unit(benchmark::kSecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
