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

// Arguments: the compression, then 1 to allow single-byte fonts (the default) or 0 to force
// UTF-8 fonts. The counter single_byte shows which path the document took.
void renderBench(benchmark::State& state, const Document& doc) {
  const RenderOptions options{static_cast<Compression>(state.range(0)), state.range(1) != 0};
  RenderedPdf pdf;
  for (auto _ : state) {
    pdf = renderPdf(doc, options);
    benchmark::DoNotOptimize(pdf.bytes.data());
  }
  state.counters["file_KB"] = static_cast<double>(pdf.bytes.size()) / 1024.0;
  state.counters["single_byte"] = pdf.font_encoding == "UTF-8" ? 0 : 1;
  state.SetLabel(pdf.font_encoding);
}

constexpr int kAll = static_cast<int>(Compression::all);

// Two-page handout, ~800 words, headings, bullets, three tip boxes, header and footer; it
// names the child (personalised).
void BM_Handout(benchmark::State& state) {
  renderBench(state, samples::handout());
}
BENCHMARK(BM_Handout)
    ->ArgNames({"compression", "single_byte"})
    ->Args({kAll, 1})
    ->Args({kAll, 0})
    ->Args({static_cast<int>(Compression::text_only), 1})
    ->Args({static_cast<int>(Compression::none), 1})
    ->Unit(benchmark::kMillisecond);

// The handout with a Polish name: CP1250 fonts.
void BM_HandoutPolishName(benchmark::State& state) {
  Document doc = samples::handout();
  doc.blocks.push_back(Paragraph{"Przygotowała: Łucja Wąsik.", ""});
  renderBench(state, doc);
}
BENCHMARK(BM_HandoutPolishName)
    ->ArgNames({"compression", "single_byte"})
    ->Args({kAll, 1})
    ->Unit(benchmark::kMillisecond);

// Fixed cost of a document: one page with only the header and footer (fonts still embedded).
void BM_EmptyPage(benchmark::State& state) {
  Document doc;
  doc.furniture = samples::clinicFurniture();
  renderBench(state, doc);
}
BENCHMARK(BM_EmptyPage)
    ->ArgNames({"compression", "single_byte"})
    ->Args({kAll, 1})
    ->Args({kAll, 0})
    ->Unit(benchmark::kMillisecond);

// Progress report: key-values, a line chart of 4 series and a 40-row table. Its names need
// UTF-8 (Nguyễn).
void BM_Report(benchmark::State& state) {
  renderBench(state, samples::report());
}
BENCHMARK(BM_Report)
    ->ArgNames({"compression", "single_byte"})
    ->Args({kAll, 1})
    ->Unit(benchmark::kMillisecond);

// Line breaking of the handout's longest paragraph with the cached metrics alone.
void BM_BreakParagraph(benchmark::State& state) {
  const FontMetrics& regular = FontMetrics::of(FontFace::regular);
  const std::string text = std::get<Paragraph>(samples::handout().blocks[5]).text;
  const TextWidthFn width = [&regular](std::string_view t) { return regular.width(t, 12); };
  for (auto _ : state) benchmark::DoNotOptimize(breakLines(text, 504, width));
}
BENCHMARK(BM_BreakParagraph);

}  // namespace

BENCHMARK_MAIN();
