#include <fcntl.h>
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
  throwOutput("cannot write " + path.string() + ": " + std::strerror(error));
}

std::string randomSuffix() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  return std::to_string(random());
}

}  // namespace

void writeFileAtomically(const fs::path& path, std::string_view bytes) {
  writeFileAtomically(path, [&](const ByteSink& sink) { sink(bytes); });
}

void writeFileAtomically(const fs::path& path,
                         const std::function<void(const ByteSink&)>& produce) {
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const fs::path temp = folder / ("." + path.filename().string() + "." + randomSuffix() + ".tmp");
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, errno);
  const auto abandon = [&](int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail(path, error);
  };
  const ByteSink sink = [&](std::string_view bytes) {
    for (std::size_t written = 0; written < bytes.size();) {
      const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
      if (n < 0) {
        if (errno == EINTR) continue;
        abandon(errno);
      }
      written += static_cast<std::size_t>(n);
    }
  };
  try {
    produce(sink);
  } catch (...) {
    // A producer that fails (a database error mid-export) leaves no partial file behind.
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::fsync(fd) != 0) abandon(errno);
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
}

}  // namespace securebase::pdf
