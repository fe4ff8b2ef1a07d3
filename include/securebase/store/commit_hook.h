// A seam for the tests that must stop a writer at the worst moment: inside its write
// transaction, just before COMMIT, to kill it there. The programs never set it; the store's
// crash tests and the test-only CLI build (tests/cli_holding/hold_before_commit.cpp) do.
#pragma once

#include <functional>

namespace securebase::store {

// Called in every outermost Database::transaction before COMMIT; empty: nothing.
void setBeforeCommitHook(std::function<void()> hook);

}  // namespace securebase::store
