// Syncing written files to disk reports what it could not do instead of passing over it.
#include <gtest/gtest.h>

#include <fstream>

// The store's own helper (not part of the public headers), tested where it lives.
#include "../../src/core/store/durable_files.h"
#include "securebase/core/error.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

TEST(DurableFilesTest, SyncsAWrittenFileAndItsFolder) {
  TempDir dir;
  const auto file = dir / "copy.db";
  std::ofstream(file) << "data";
  EXPECT_NO_THROW(store::syncFile(file));
  EXPECT_NO_THROW(store::syncFolderOf(file));
}

TEST(DurableFilesTest, ReportsAFileThatCannotBeOpened) {
  TempDir dir;
  const auto missing = dir / "missing.db";
  try {
    store::syncFile(missing);
    FAIL() << "no error for a missing file";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::output);
    EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("No such file"), std::string::npos) << e.what();
  }
  EXPECT_THROW(store::syncFolderOf(dir / "no-folder" / "copy.db"), Error);
}

}  // namespace
}  // namespace securebase::testing
