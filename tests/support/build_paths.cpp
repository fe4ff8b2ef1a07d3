#include "build_paths.h"

namespace securebase::testing {
const char* testSourceDir() {
  return SECUREBASE_BUILD_SOURCE_DIR;
}
const char* testBinaryDir() {
  return SECUREBASE_BUILD_BINARY_DIR;
}
const char* cliProgramPath() {
  return SECUREBASE_BUILD_CLI_PATH;
}
}  // namespace securebase::testing
