// pdf::FileBatchWriter: many files written atomically and made durable in groups.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "securebase/core/error.h"
#include "securebase/pdf/render.h"
#include "temp_dir.h"

namespace securebase::pdf {
namespace {

using securebase::testing::TempDir;

std::size_t entriesIn(const std::filesystem::path& folder) {
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++entries;
  return entries;
}

TEST(FileBatchWriter, WritesEveryFileWholeFromTwoThreads) {
  TempDir dir;
  constexpr int kFiles = 150;  // several groups
  FileBatchWriter writer;
  const auto write = [&](int from) {
    for (int i = from; i < kFiles; i += 2)
      writer.add(dir / ("file-" + std::to_string(i)),
                 std::string(1000 + i, static_cast<char>('a' + i % 26)));
  };
  std::thread other(write, 1);
  write(0);
  other.join();
  writer.finish();
  EXPECT_EQ(entriesIn(dir.path()), static_cast<std::size_t>(kFiles));
  for (int i = 0; i < kFiles; ++i)
    EXPECT_EQ(securebase::testing::readFile(dir / ("file-" + std::to_string(i))),
              std::string(1000 + i, static_cast<char>('a' + i % 26)))
        << i;
}

TEST(FileBatchWriter, ReplacesAnExistingFileWhole) {
  TempDir dir;
  securebase::testing::writeFile(dir / "out.pdf", "old content, longer than the new");
  FileBatchWriter writer;
  writer.add(dir / "out.pdf", "new");
  writer.finish();
  EXPECT_EQ(securebase::testing::readFile(dir / "out.pdf"), "new");
  EXPECT_EQ(entriesIn(dir.path()), 1u);
}

TEST(FileBatchWriter, FilesNotYetNamedLeaveNothingWhenTheBatchStops) {
  TempDir dir;
  {
    FileBatchWriter writer;
    writer.add(dir / "a.pdf", "a");
    writer.add(dir / "b.pdf", "b");
    // Destroyed without finish(), as when an error stops the batch.
  }
  EXPECT_EQ(entriesIn(dir.path()), 0u);
}

TEST(FileBatchWriter, AMissingFolderIsAnOutputError) {
  TempDir dir;
  FileBatchWriter writer;
  try {
    writer.add(dir / "no-such-folder" / "out.pdf", "x");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::output);
    EXPECT_NE(std::string(e.what()).find("out.pdf"), std::string::npos) << e.what();
  }
  writer.finish();
}

}  // namespace
}  // namespace securebase::pdf
