#include "file_change.h"

#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>
#include <utility>

#include "durable_files.h"
#include "securebase/core/error.h"

namespace securebase::store {
namespace fs = std::filesystem;

namespace {

bool diskFull(int error) {
  return error == ENOSPC || error == EFBIG || error == EDQUOT;
}

// `doing` names the file operation ("write {1}"); the system's reason stays as it says it.
[[noreturn]] void failWith(ErrorText doing, int error) {
  if (diskFull(error)) throwOutput(errorText("the disk is full: cannot {1}", std::move(doing)));
  throwOutput(errorText("cannot {1}: {2}", std::move(doing), std::string(std::strerror(error))));
}

void writeAll(int fd, const std::string& text, const fs::path& file) {
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) failWith(errorText("write {1}", file.string()), errno);
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
  if (fd < 0) failWith(errorText("write {1}", temp.string()), errno);
  try {
    writeAll(fd, text.str(), temp);
    if (::fsync(fd) != 0) failWith(errorText("write {1}", temp.string()), errno);
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  ::close(fd);
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    failWith(errorText("write {1}", target.string()), error);
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
    failWith(errorText("keep {1} as {2}", file.string(), aside.string()), errno);
  syncFolderOf(aside);
}

void moveInto(const fs::path& from, const fs::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0)
    failWith(errorText("put {1} in place of {2}", from.string(), to.string()), errno);
  syncFolderOf(to);
}

void copyDurably(const fs::path& from, const fs::path& to) {
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) failWith(errorText("read {1}", from.string()), errno);
  const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0) {
    const int error = errno;
    ::close(in);
    failWith(errorText("write {1}", to.string()), error);
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
    failWith(errorText("copy {1} to {2}", from.string(), to.string()), error);
  }
}

void removeFile(const fs::path& file) {
  if (::unlink(file.c_str()) != 0 && errno != ENOENT)
    failWith(errorText("remove {1}", file.string()), errno);
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

// `what` went wrong, then what was done about it: "…; the unfinished … was undone: …".
[[noreturn]] void failAndSettle(const fs::path& database, ErrorKind kind, ErrorText what) {
  std::vector<ErrorText> outcome;
  try {
    outcome = finishInterruptedChange(database);
  } catch (const std::exception& e) {
    outcome.push_back(errorText(
        "the change is unfinished ({1}); it is completed or undone the next time the database is "
        "opened",
        causePart(e)));
  }
  for (auto& line : outcome) what = errorText("{1}; {2}", std::move(what), std::move(line));
  throw Error(kind, std::move(what));
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
    failAndSettle(database, e.kind(), causePart(e));
  } catch (const std::exception& e) {
    failAndSettle(database, ErrorKind::output, causePart(e));
  }
  // In place. Until the new file has proven itself under its own name, the old one stays.
  if (prove) {
    try {
      prove();
    } catch (const std::exception& e) {
      if (!intent.aside.empty()) {
        moveInto(intent.aside, database);
        removeIntent(database);
        throwDatabase(errorText("{1}; the previous file was put back unchanged", causePart(e)));
      }
      throw;
    }
  }
  finishInterruptedChange(database);
}

}  // namespace securebase::store
