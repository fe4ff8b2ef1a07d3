// How long the visit editor and the handout wait for the form layer: loading and checking the
// shipped instrument, scoring a full visit, and choosing the handout's points.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "build_paths.h"
#include "securebase/forms/form_loader.h"
#include "securebase/forms/handout_picks.h"
#include "securebase/forms/scoring.h"
#include "temp_dir.h"

namespace {

using namespace securebase;

std::string shippedText() {
  return testing::readFile(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) /
                           "forms/attachment-practices.v1.json");
}

model::ObservationSet fullVisit(const forms::Form& form) {
  model::ObservationSet set;
  int n = 0;
  for (const auto& section : form.sections) {
    for (const auto& item : section.items) {
      if (item.kind != forms::ItemKind::rating) continue;
      model::Observation observation;
      observation.item_id = item.id;
      observation.value = std::to_string(n++ % 3);
      set.observations.push_back(observation);
    }
  }
  return set;
}

void BM_ParseShippedForm(benchmark::State& state) {
  const std::string text = shippedText();
  for (auto _ : state)
    benchmark::DoNotOptimize(forms::parseForm(text, "attachment-practices.v1.json"));
}
BENCHMARK(BM_ParseShippedForm);

void BM_ScoreFullVisit(benchmark::State& state) {
  const auto form = forms::parseForm(shippedText(), "attachment-practices.v1.json");
  const auto set = fullVisit(form);
  for (auto _ : state) benchmark::DoNotOptimize(forms::scoreSections(form, set));
}
BENCHMARK(BM_ScoreFullVisit);

void BM_HandoutPoints(benchmark::State& state) {
  const auto form = forms::parseForm(shippedText(), "attachment-practices.v1.json");
  const auto set = fullVisit(form);
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        forms::strengths(form, set, model::Language::es, "Ana", model::Sex::female, 5));
    benchmark::DoNotOptimize(
        forms::thingsToTry(form, set, model::Language::es, "Ana", model::Sex::female));
  }
}
BENCHMARK(BM_HandoutPoints);

}  // namespace

BENCHMARK_MAIN();
