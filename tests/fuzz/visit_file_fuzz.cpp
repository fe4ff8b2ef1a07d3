// Fuzz target: the visit file read by `securebase-cli visit add --from FILE`
// (exchange::parseVisitFile).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_guard.h"
#include "securebase/exchange/visit_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  securebase::fuzz::refuseOnlyWithError(
      [&] { (void)securebase::exchange::parseVisitFile(text, "fuzz-visit.json"); });
  return 0;
}
