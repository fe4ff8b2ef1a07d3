// Linked only into securebase-cli-holding, the CLI the tests of an interrupted write run: when
// SECUREBASE_TEST_HOLD_BEFORE_COMMIT names a file, a write writes that file (with the process
// id) and then waits forever inside its open transaction, so the test can kill it exactly
// there. The shipped securebase-cli has no such hook.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "securebase/store/commit_hook.h"

namespace {

[[maybe_unused]] const bool installed = [] {
  const char* marker = std::getenv("SECUREBASE_TEST_HOLD_BEFORE_COMMIT");
  if (marker == nullptr || *marker == '\0') return false;
  securebase::store::setBeforeCommitHook([file = std::string(marker)] {
    { std::ofstream(file) << ::getpid() << "\n"; }
    for (;;) ::pause();
  });
  return true;
}();

}  // namespace
