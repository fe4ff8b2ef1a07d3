// Cost of making PDFs in memory. Targets for the real handouts (DESIGN §6): personalised
// <= 2 ms median, generic <= 1.5 ms, file <= 48 KB. Run with --benchmark_repetitions=10
// --benchmark_report_aggregates_only=true to read medians.
#include <benchmark/benchmark.h>

#include "../pdf/sample_documents.h"
#include "securebase/pdf/font_metrics.h"
#include "securebase/pdf/line_breaking.h"
#include "securebase/pdf/render.h"

namespace {

using namespace securebase::pdf;

void renderBench(benchmark::State& state, const Document& doc) {
  const auto compression = static_cast<Compression>(state.range(0));
  std::size_t bytes = 0;
  for (auto _ : state) {
    RenderedPdf pdf = renderPdf(doc, {compression});
    bytes = pdf.bytes.size();
    benchmark::DoNotOptimize(pdf.bytes.data());
  }
  state.counters["file_KB"] = static_cast<double>(bytes) / 1024.0;
}

// Two-page handout, ~800 words, headings, bullets, three tip boxes, header and footer.
void BM_Handout(benchmark::State& state) {
  renderBench(state, samples::handout());
}
BENCHMARK(BM_Handout)
    ->ArgName("compression")
    ->Arg(static_cast<int>(Compression::all))
    ->Arg(static_cast<int>(Compression::text_only))
    ->Arg(static_cast<int>(Compression::none))
    ->Unit(benchmark::kMillisecond);

// Fixed cost of a document: one page with only the header and footer (fonts still embedded).
void BM_EmptyPage(benchmark::State& state) {
  Document doc;
  doc.furniture = samples::clinicFurniture();
  renderBench(state, doc);
}
BENCHMARK(BM_EmptyPage)->ArgName("compression")->Arg(0)->Unit(benchmark::kMillisecond);

// Progress report: key-values, a line chart of 4 series and a 40-row table.
void BM_Report(benchmark::State& state) {
  renderBench(state, samples::report());
}
BENCHMARK(BM_Report)->ArgName("compression")->Arg(0)->Unit(benchmark::kMillisecond);

// Line breaking of the handout's longest paragraph with the cached metrics alone.
void BM_BreakParagraph(benchmark::State& state) {
  const FontMetrics& regular = FontMetrics::of(FontFace::regular);
  const std::string text = std::get<Paragraph>(samples::handout().blocks[5]).text;
  const TextWidthFn width = [&regular](std::string_view t) { return regular.width(t, 12); };
  for (auto _ : state)
    benchmark::DoNotOptimize(breakLines(text, 504, width));
}
BENCHMARK(BM_BreakParagraph);

}  // namespace

BENCHMARK_MAIN();
