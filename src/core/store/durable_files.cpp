#include "durable_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "securebase/core/error.h"

namespace securebase::store {
namespace {

[[noreturn]] void failSync(const std::filesystem::path& path, const char* doing, int error) {
  throwOutput(errorText("could not make {1} safe on disk ({2}): {3}", path.string(),
                        std::string(doing), std::string(std::strerror(error))));
}

void syncOpened(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) failSync(path, "open", errno);
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    failSync(path, "fsync", error);
  }
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
