// Progress report for a family with 100 visits, data already loaded: trends + build + render to
// memory. Target: ≤ 20 ms. Also the trends alone (the caseload arrow's cost per family).
#include <benchmark/benchmark.h>

#include "../pdf/report_fixture.h"
#include "securebase/pdf/render.h"
#include "securebase/report/progress_report.h"
#include "temp_dir.h"

namespace {

using namespace securebase;

struct Loaded {
  securebase::testing::TempDir dir;
  report::testing::ReportDatabase data{dir / "bench.db"};
  report::ReportInput input;
  report::FormLookup forms;
  Loaded() {
    const auto id = data.addFamily(
        "Rivera family", {.visits = 100, .first_visit = {2022, 1, 3}, .birth = {2021, 12, 1}});
    input.record = data.store().loadFamily(id);
    input.counselor_name = "Dana Whitfield";
    input.clinic_name = "Riverside Family Clinic";
    forms = report::formLookupFor(data.store(), data.catalog());
  }
};

Loaded& loaded() {
  static Loaded instance;
  return instance;
}

void BM_ReportHundredVisits(benchmark::State& state) {
  auto& l = loaded();
  report::ReportOptions options;
  options.audience = state.range(0) ? report::Audience::parent : report::Audience::clinical;
  const auto text = report::ReportText::loadDefault(options.language);
  for (auto _ : state) {
    const auto trends = report::computeTrends(l.input.record, l.forms, options.period);
    const auto pdf = pdf::renderPdf(report::buildProgressReport(l.input, trends, text, options));
    benchmark::DoNotOptimize(pdf.bytes.data());
  }
}
BENCHMARK(BM_ReportHundredVisits)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_TrendPointsHundredVisits(benchmark::State& state) {
  auto& l = loaded();
  for (auto _ : state) benchmark::DoNotOptimize(report::trendPoints(l.input.record, l.forms));
}
BENCHMARK(BM_TrendPointsHundredVisits)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
