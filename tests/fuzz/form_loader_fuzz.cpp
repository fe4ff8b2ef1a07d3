// Fuzz target: a form file as a counselor's supervisor might hand-edit it (forms::parseForm).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_guard.h"
#include "securebase/forms/form_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  securebase::fuzz::refuseOnlyWithError(
      [&] { (void)securebase::forms::parseForm(text, "fuzz-form.json"); });
  return 0;
}
