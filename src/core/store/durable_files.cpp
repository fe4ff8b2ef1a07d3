#include "durable_files.h"

#include <fcntl.h>
#include <unistd.h>

namespace securebase::store {
namespace {

void syncOpened(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void syncFile(const std::filesystem::path& file) {
  syncOpened(file, O_RDONLY);
}

void syncFolderOf(const std::filesystem::path& file) {
  syncOpened(file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path(),
             O_RDONLY | O_DIRECTORY);
}

}  // namespace securebase::store
