// Cost of parent handouts (DESIGN §6, issue 12). Targets: personalised <= 1 ms median in
// process and <= 48 KB; a name outside WinAnsi/CP1250 (Vietnamese) <= 2 ms; `handout --all`
// through the real CLI, whole process, <= 0.9 ms per handout on 200 demo families.
// Medians: --benchmark_repetitions=10 --benchmark_report_aggregates_only=true. The batch
// benchmarks build their demo database first (not timed) with the real CLI.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "../pdf/handout_test_support.h"
#include "build_paths.h"
#include "test_key.h"

namespace {

using namespace securebase;
using namespace securebase::handout;

void measure(benchmark::State& state, const std::function<pdf::Document()>& build) {
  pdf::RenderedPdf pdf;
  for (auto _ : state) {
    pdf = renderHandout(build());
    benchmark::DoNotOptimize(pdf.bytes.data());
  }
  state.counters["file_KB"] = static_cast<double>(pdf.bytes.size()) / 1024.0;
  state.counters["pages"] = static_cast<double>(pdf.pages);
}

model::Language languageArg(const benchmark::State& state) {
  return state.range(0) == 0 ? model::Language::en : model::Language::es;
}

// Built and written to memory, the content and inputs already loaded.
void BM_PersonalisedHandout(benchmark::State& state) {
  const HandoutContent content = loadHandoutContent("infant-attachment", languageArg(state));
  const PersonalInputs inputs =
      handout::testing::samplePersonal(languageArg(state), pdf::PaperSize::letter);
  measure(state, [&] { return buildPersonalisedHandout(content, inputs); });
}
BENCHMARK(BM_PersonalisedHandout)->ArgName("es")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_GenericHandout(benchmark::State& state) {
  const HandoutContent content = loadHandoutContent("infant-attachment", languageArg(state));
  const GenericInputs inputs =
      handout::testing::sampleGeneric(languageArg(state), pdf::PaperSize::letter, "Sofía");
  measure(state, [&] { return buildGenericHandout(content, inputs); });
}
BENCHMARK(BM_GenericHandout)->ArgName("es")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// A name no single-byte encoding holds: the document takes glyph-addressed (Type0) fonts.
constexpr const char* kVietnameseName = "Nguy\u1EC5n Th\u1EA3o";

void BM_PersonalisedHandoutVietnameseName(benchmark::State& state) {
  const HandoutContent content = loadHandoutContent("infant-attachment", languageArg(state));
  const PersonalInputs inputs =
      handout::testing::samplePersonal(languageArg(state), pdf::PaperSize::letter, kVietnameseName);
  measure(state, [&] { return buildPersonalisedHandout(content, inputs); });
}
BENCHMARK(BM_PersonalisedHandoutVietnameseName)
    ->ArgName("es")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond);

void BM_GenericHandoutVietnameseName(benchmark::State& state) {
  const HandoutContent content = loadHandoutContent("infant-attachment", languageArg(state));
  const GenericInputs inputs =
      handout::testing::sampleGeneric(languageArg(state), pdf::PaperSize::letter, kVietnameseName);
  measure(state, [&] { return buildGenericHandout(content, inputs); });
}
BENCHMARK(BM_GenericHandoutVietnameseName)->ArgName("es")->Arg(0)->Unit(benchmark::kMillisecond);

// The builder alone (no PDF): what the handout layer adds to the engine's cost.
void BM_BuildPersonalisedDocument(benchmark::State& state) {
  const HandoutContent content = loadHandoutContent("infant-attachment", model::Language::en);
  const PersonalInputs inputs =
      handout::testing::samplePersonal(model::Language::en, pdf::PaperSize::letter);
  for (auto _ : state) benchmark::DoNotOptimize(buildPersonalisedHandout(content, inputs));
}
BENCHMARK(BM_BuildPersonalisedDocument)->Unit(benchmark::kMicrosecond);

// `securebase-cli handout --all` over N demo families, whole process (start, unlock, reading,
// writing every file durably), one timed run; the time per handout written, the largest file and
// the number written are reported as counters.
void BM_CliBatch(benchmark::State& state) {
  namespace fs = std::filesystem;
  const auto families = std::to_string(state.range(0));
  const fs::path folder = fs::path(SECUREBASE_TEST_BINARY_DIR) / "handout-bench";
  const fs::path db = folder / ("demo-" + families + "-keyed.db");
  // The passphrase comes from a file: run without a terminal, the CLI has no other way to ask.
  fs::create_directories(folder);
  const fs::path key = folder / "key.txt";
  std::ofstream(key) << securebase::testing::kTestKey << "\n";
  fs::permissions(key, fs::perms::owner_read | fs::perms::owner_write);
  const std::string cli = std::string("SECUREBASE_DATA_DIR='") + SECUREBASE_TEST_SOURCE_DIR +
                          "' '" + SECUREBASE_CLI_PATH + "'";
  const std::string with_key = " --passphrase-file '" + key.string() + "'";
  if (!fs::exists(db) && std::system((cli + " demo --families " + families + " --db '" +
                                      db.string() + "'" + with_key + " </dev/null >/dev/null")
                                         .c_str()) != 0) {
    state.SkipWithError("could not build the demo database");
    return;
  }
  const fs::path out = folder / ("out-" + families);
  double seconds = 0;
  for (auto _ : state) {
    state.PauseTiming();
    fs::remove_all(out);
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    if (std::system((cli + " handout --all --db '" + db.string() + "' --out-dir '" + out.string() +
                     "'" + with_key + " </dev/null >/dev/null 2>&1")
                        .c_str()) != 0) {
      state.SkipWithError("the batch failed");
      return;
    }
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  std::uintmax_t largest = 0;
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(out)) {
    largest = std::max(largest, entry.file_size());
    ++files;
  }
  state.counters["files"] = static_cast<double>(files);
  state.counters["ms_per_handout"] = files == 0 ? 0 : seconds * 1000 / static_cast<double>(files);
  state.counters["largest_KB"] = static_cast<double>(largest) / 1024.0;
}
BENCHMARK(BM_CliBatch)
    ->ArgName("families")
    ->Arg(200)
    ->Arg(1000)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
