#include "securebase/json/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "securebase/core/error.h"

namespace securebase::json {

std::size_t TextSource::read(std::size_t offset, char* out, std::size_t count) const {
  if (offset >= text_.size()) return 0;
  const std::size_t n = std::min(count, text_.size() - offset);
  std::memcpy(out, text_.data() + offset, n);
  return n;
}

FileSource::FileSource(const std::filesystem::path& file) : name_(file.string()) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) throwNotFound("cannot read " + name_ + ": no such file");
  if (std::filesystem::is_directory(file, ec))
    throwBadInput("cannot read " + name_ + ": it is a folder, not a file");
  fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat info {};
  if (fd_ < 0 || ::fstat(fd_, &info) != 0) {
    const std::string reason = std::strerror(errno);
    if (fd_ >= 0) ::close(fd_);
    throwBadInput("cannot read " + name_ + ": " + reason);
  }
  size_ = static_cast<std::size_t>(info.st_size);
}

FileSource::~FileSource() {
  if (fd_ >= 0) ::close(fd_);
}

std::size_t FileSource::read(std::size_t offset, char* out, std::size_t count) const {
  std::size_t done = 0;
  while (done < count) {
    const ssize_t got = ::pread(fd_, out + done, count - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throwBadInput("cannot read " + name_ + ": " + std::strerror(errno));
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  return done;
}

std::string readRange(const ByteSource& source, std::size_t begin, std::size_t end) {
  std::string text(end - begin, '\0');
  text.resize(source.read(begin, text.data(), end - begin));
  return text;
}

}  // namespace securebase::json
