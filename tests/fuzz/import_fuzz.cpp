// Fuzz target: the full import without a database — parseExport, then planImport against an
// empty database and against one holding a small valid export (so records are found present
// or in conflict), then the summary and conflict messages the CLI prints. An export that
// parses must also survive the round trip toJsonText → parseExport → toJsonText unchanged:
// export and import are meant to be each other's inverse.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_guard.h"
#include "securebase/exchange/export.h"
#include "securebase/exchange/import.h"

namespace {

using namespace securebase::exchange;

// The database the second plan compares against. Its path is fixed at build time.
const ExchangeData& targetDatabase() {
  static const ExchangeData target = [] {
    std::ifstream in(SECUREBASE_FUZZ_IMPORT_TARGET, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    try {
      return parseExport(text, SECUREBASE_FUZZ_IMPORT_TARGET);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "fuzz: cannot load the import target: %s\n", e.what());
      std::abort();
    }
  }();
  return target;
}

void exercisePlan(const ImportPlan& plan) {
  for (const auto& conflict : plan.conflicts) (void)conflict.describe();
  (void)summaryLines(plan);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ExchangeData& target = targetDatabase();
  std::optional<ExchangeData> file;
  securebase::fuzz::refuseOnlyWithError([&] { file = parseExport(text, "fuzz-export.json"); });
  if (!file) return 0;
  try {
    const std::string exported = toJsonText(*file);
    if (toJsonText(parseExport(exported, "fuzz-export-again.json")) != exported) {
      std::fprintf(stderr, "fuzz: exporting an imported export changes it\n");
      std::abort();
    }
  } catch (const securebase::Error& e) {
    std::fprintf(stderr, "fuzz: an accepted export does not read back after export: %s\n",
                 e.what());
    std::abort();
  }
  securebase::fuzz::refuseOnlyWithError([&] { (void)toCsvFiles(*file); });
  securebase::fuzz::refuseOnlyWithError([&] { exercisePlan(planImport(*file, ExchangeData{})); });
  securebase::fuzz::refuseOnlyWithError([&] { exercisePlan(planImport(*file, target)); });
  return 0;
}
