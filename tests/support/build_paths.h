#pragma once
// Where this build's sources, outputs and programs are. The paths live in build_paths.cpp alone
// (its compile definitions), so no other test file depends on where the tree is checked out.

namespace securebase::testing {
const char* testSourceDir();
const char* testBinaryDir();
const char* cliProgramPath();
}  // namespace securebase::testing

#define SECUREBASE_TEST_SOURCE_DIR (::securebase::testing::testSourceDir())
#define SECUREBASE_TEST_BINARY_DIR (::securebase::testing::testBinaryDir())
#define SECUREBASE_CLI_PATH (::securebase::testing::cliProgramPath())
