#include "file_change.h"

#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>

#include "durable_files.h"
#include "securebase/core/error.h"

namespace securebase::store {
namespace fs = std::filesystem;

namespace {

bool diskFull(int error) {
  return error == ENOSPC || error == EFBIG || error == EDQUOT;
}

[[noreturn]] void failWith(const std::string& doing, int error) {
  if (diskFull(error)) throwOutput("the disk is full: cannot " + doing);
  throwOutput("cannot " + doing + ": " + std::strerror(error));
}

void writeAll(int fd, const std::string& text, const fs::path& file) {
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) failWith("write " + file.string(), errno);
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

fs::path intentFileOf(const fs::path& database) {
  return fs::path(database.string() + ".unfinished");
}

void writeIntent(const fs::path& database, const ChangeIntent& intent) {
  std::ostringstream text;
  text << "operation " << intent.operation << "\nstage " << intent.stage << "\nincoming "
       << intent.incoming.string() << "\naside " << intent.aside.string() << "\nkeep_aside "
       << (intent.keep_aside ? 1 : 0) << "\n";
  const fs::path target = intentFileOf(database);
  const fs::path temp(target.string() + ".new");
  ::unlink(temp.c_str());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) failWith("write " + temp.string(), errno);
  try {
    writeAll(fd, text.str(), temp);
    if (::fsync(fd) != 0) failWith("write " + temp.string(), errno);
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  ::close(fd);
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    failWith("write " + target.string(), error);
  }
  syncFolderOf(target);
}

std::optional<ChangeIntent> readIntent(const fs::path& database) {
  const fs::path file = intentFileOf(database);
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, n);
  ::close(fd);
  ChangeIntent intent;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const auto space = line.find(' ');
    if (space == std::string::npos) continue;
    const std::string name = line.substr(0, space), value = line.substr(space + 1);
    if (name == "operation") intent.operation = value;
    if (name == "stage") intent.stage = value;
    if (name == "incoming") intent.incoming = value;
    if (name == "aside") intent.aside = value;
    if (name == "keep_aside") intent.keep_aside = value == "1";
  }
  // Written by rename, so never half there; anything else is not ours to act on.
  if (intent.operation.empty() || intent.stage.empty() || intent.incoming.empty())
    return std::nullopt;
  return intent;
}

void removeIntent(const fs::path& database) {
  removeFile(intentFileOf(database));
}

void linkAside(const fs::path& file, const fs::path& aside) {
  if (::link(file.c_str(), aside.c_str()) != 0)
    failWith("keep " + file.string() + " as " + aside.string(), errno);
  syncFolderOf(aside);
}

void moveInto(const fs::path& from, const fs::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0)
    failWith("put " + from.string() + " in place of " + to.string(), errno);
  syncFolderOf(to);
}

void copyDurably(const fs::path& from, const fs::path& to) {
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) failWith("read " + from.string(), errno);
  const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0) {
    const int error = errno;
    ::close(in);
    failWith("write " + to.string(), error);
  }
  int error = 0;
  struct stat status {};
  if (::fstat(in, &status) != 0) error = errno;
  for (off_t done = 0; error == 0 && done < status.st_size;) {
    const ssize_t n = ::sendfile(out, in, nullptr, static_cast<std::size_t>(status.st_size - done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) error = errno;
    if (n == 0) error = EIO;  // the source shrank under us
    if (n > 0) done += n;
  }
  if (error == 0 && ::fsync(out) != 0) error = errno;
  ::close(in);
  if (::close(out) != 0 && error == 0) error = errno;
  if (error != 0) {
    ::unlink(to.c_str());
    failWith("copy " + from.string() + " to " + to.string(), error);
  }
}

void removeFile(const fs::path& file) {
  if (::unlink(file.c_str()) != 0 && errno != ENOENT) failWith("remove " + file.string(), errno);
}

bool sameFile(const fs::path& a, const fs::path& b) {
  struct stat sa {
  }, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

}  // namespace securebase::store

#include "securebase/store/recovery.h"

namespace securebase::store {

namespace {

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "; ") + line;
  return text;
}

[[noreturn]] void failAndSettle(const fs::path& database, ErrorKind kind, const std::string& what) {
  std::string outcome;
  try {
    outcome = joined(finishInterruptedChange(database));
  } catch (const std::exception& e) {
    outcome = std::string("the change is unfinished (") + e.what() +
              "); it is completed or undone the next time the database is opened";
  }
  throw Error(kind, what + (outcome.empty() ? "" : "; " + outcome));
}

}  // namespace

void replaceDatabaseFile(const fs::path& database, ChangeIntent intent,
                         const std::function<void()>& make_incoming,
                         const std::function<void()>& before_swap,
                         const std::function<void()>& prove) {
  intent.stage = "copying";
  removeFile(intent.incoming);
  writeIntent(database, intent);
  try {
    make_incoming();
    intent.stage = "swapping";
    writeIntent(database, intent);
    if (!intent.aside.empty()) {
      linkAside(database, intent.aside);
      // A journal left beside the database belongs to the old file: beside the new one it
      // would be replayed onto it.
      for (const char* journal : kJournalSuffixes) {
        const fs::path file(database.string() + journal);
        if (::access(file.c_str(), F_OK) == 0)
          moveInto(file, fs::path(intent.aside.string() + journal));
      }
      removeFile(fs::path(database.string() + "-shm"));
    }
    if (before_swap) before_swap();
    moveInto(intent.incoming, database);
  } catch (const Error& e) {
    failAndSettle(database, e.kind(), e.what());
  } catch (const std::exception& e) {
    failAndSettle(database, ErrorKind::output, e.what());
  }
  // In place. Until the new file has proven itself under its own name, the old one stays.
  if (prove) {
    try {
      prove();
    } catch (const std::exception& e) {
      if (!intent.aside.empty()) {
        moveInto(intent.aside, database);
        removeIntent(database);
        throwDatabase(std::string(e.what()) + "; the previous file was put back unchanged");
      }
      throw;
    }
  }
  finishInterruptedChange(database);
}

}  // namespace securebase::store
