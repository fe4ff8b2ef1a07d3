#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

#include "securebase/core/error.h"
#include "securebase/pdf/render.h"

namespace securebase::pdf {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& path, int error) {
  if (error == ENOSPC || error == EFBIG || error == EDQUOT)
    throwOutput(errorText("the disk is full: cannot write {1}", path.string()));
  throwOutput(errorText("cannot write {1}: {2}", path.string(), std::strerror(error)));
}

std::string randomSuffix() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  return std::to_string(random());
}

// Writes everything the producer gives to `fd`; on failure `abandon(errno)` (which throws).
ByteSink sinkTo(int fd, const std::function<void(int)>& abandon) {
  return [fd, abandon](std::string_view bytes) {
    for (std::size_t written = 0; written < bytes.size();) {
      const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) abandon(errno);
      written += static_cast<std::size_t>(n);
    }
  };
}

// A target that is not a regular file (a device, a pipe) is written through, never replaced.
void writeThrough(const fs::path& path, const std::function<void(const ByteSink&)>& produce) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail(path, errno);
  try {
    produce(sinkTo(fd, [&](int error) { fail(path, error); }));
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

void syncFolder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void writeFileAtomically(const fs::path& path, std::string_view bytes) {
  writeFileAtomically(path, [&](const ByteSink& sink) { sink(bytes); });
}

void writeFileAtomically(const fs::path& requested,
                         const std::function<void(const ByteSink&)>& produce) {
  struct stat status {};
  fs::path path = requested;
  if (::lstat(requested.c_str(), &status) == 0 && S_ISLNK(status.st_mode)) {
    std::error_code ec;
    path = fs::canonical(requested, ec);  // replace the file the link names, not the link
    if (ec) throwOutput("cannot write " + requested.string() + ": " + ec.message());
  }
  const bool exists = ::stat(path.c_str(), &status) == 0;
  if (exists && S_ISDIR(status.st_mode))
    throwOutput("cannot write " + path.string() + ": it is a folder");
  if (exists && !S_ISREG(status.st_mode)) return writeThrough(path, produce);

  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  // An unnamed file (O_TMPFILE) gets its name only once complete: a process killed while
  // writing leaves nothing behind, not even a hidden partial copy.
  int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  fs::path temp;
  if (fd < 0) {
    temp = folder / ("." + path.filename().string() + "." + randomSuffix() + ".tmp");
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) fail(path, errno);
  }
  bool discarded = false;
  const auto discard = [&] {
    discarded = true;
    ::close(fd);
    if (!temp.empty()) ::unlink(temp.c_str());
  };
  const auto abandon = [&](int error) {
    discard();
    fail(path, error);
  };
  try {
    produce(sinkTo(fd, abandon));
  } catch (...) {
    // A producer that fails (a database error mid-export) leaves no partial file behind.
    if (!discarded) discard();
    throw;
  }
  if (::fsync(fd) != 0) abandon(errno);
  if (temp.empty()) {
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    if (!exists &&
        ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0) {
      ::close(fd);
      syncFolder(folder);
      return;
    }
    temp = folder / ("." + path.filename().string() + "." + randomSuffix() + ".tmp");
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      temp.clear();
      abandon(errno);
    }
  }
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(path, error);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(path, error);
  }
  syncFolder(folder);
}

}  // namespace securebase::pdf
