// What every fuzz target promises: any input either works or is refused with securebase::Error
// (the refusal a user sees as one clear line). Any other exception escaping the core is a bug —
// a Boost or standard-library message would reach the user raw — so it aborts, which libFuzzer
// and the corpus replay both report as a failure.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>

#include "securebase/core/error.h"

namespace securebase::fuzz {

template <typename Body>
void refuseOnlyWithError(Body&& body) {
  try {
    body();
  } catch (const securebase::Error& e) {
    // The expected refusal; SECUREBASE_FUZZ_VERBOSE=1 shows it, to see what a seed reaches.
    static const bool verbose = std::getenv("SECUREBASE_FUZZ_VERBOSE") != nullptr;
    if (verbose) std::fprintf(stderr, "refused: %s\n", e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz: an exception other than securebase::Error escaped: %s\n", e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "fuzz: a non-standard exception escaped\n");
    std::abort();
  }
}

}  // namespace securebase::fuzz
