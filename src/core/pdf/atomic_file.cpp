#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <exception>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <vector>

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

fs::path folderOf(const fs::path& path) {
  return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

// A regular file being written without its name: unnamed (O_TMPFILE), or under a hidden
// temporary name where the file system has no unnamed files.
struct UnnamedFile {
  fs::path path;  // the name it gets
  fs::path temp;  // its temporary name, empty while unnamed
  bool exists = false;
  int fd = -1;
};

// Where the bytes for `requested` go: nullopt when it exists and is not a regular file (a device,
// a pipe), which is written through.
std::optional<UnnamedFile> openUnnamed(const fs::path& requested) {
  struct stat status {};
  UnnamedFile file;
  file.path = requested;
  if (::lstat(requested.c_str(), &status) == 0 && S_ISLNK(status.st_mode)) {
    std::error_code ec;
    file.path = fs::canonical(requested, ec);  // replace the file the link names, not the link
    if (ec) throwOutput("cannot write " + requested.string() + ": " + ec.message());
  }
  file.exists = ::stat(file.path.c_str(), &status) == 0;
  if (file.exists && S_ISDIR(status.st_mode))
    throwOutput("cannot write " + file.path.string() + ": it is a folder");
  if (file.exists && !S_ISREG(status.st_mode)) return std::nullopt;
  const fs::path folder = folderOf(file.path);
  // An unnamed file (O_TMPFILE) gets its name only once complete: a process killed while
  // writing leaves nothing behind, not even a hidden partial copy.
  file.fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (file.fd < 0) {
    file.temp = folder / ("." + file.path.filename().string() + "." + randomSuffix() + ".tmp");
    file.fd = ::open(file.temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (file.fd < 0) fail(file.path, errno);
  }
  return file;
}

void discard(UnnamedFile& file) {
  if (file.fd >= 0) ::close(file.fd);
  file.fd = -1;
  if (!file.temp.empty()) ::unlink(file.temp.c_str());
}

// Gives a complete, synced file its name (the folder is synced by the caller).
void giveName(UnnamedFile& file) {
  if (file.temp.empty()) {
    const std::string self = "/proc/self/fd/" + std::to_string(file.fd);
    if (!file.exists &&
        ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, file.path.c_str(), AT_SYMLINK_FOLLOW) == 0) {
      ::close(file.fd);
      file.fd = -1;
      return;
    }
    file.temp =
        folderOf(file.path) / ("." + file.path.filename().string() + "." + randomSuffix() + ".tmp");
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, file.temp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      const int error = errno;
      file.temp.clear();
      discard(file);
      fail(file.path, error);
    }
  }
  const int closed = ::close(file.fd);
  file.fd = -1;
  if (closed != 0) {
    const int error = errno;
    ::unlink(file.temp.c_str());
    fail(file.path, error);
  }
  if (std::rename(file.temp.c_str(), file.path.c_str()) != 0) {
    const int error = errno;
    ::unlink(file.temp.c_str());
    fail(file.path, error);
  }
}

void produceInto(UnnamedFile& file, const std::function<void(const ByteSink&)>& produce) {
  bool discarded = false;
  const auto abandon = [&](int error) {
    discarded = true;
    discard(file);
    fail(file.path, error);
  };
  try {
    produce(sinkTo(file.fd, abandon));
  } catch (...) {
    // A producer that fails (a database error mid-export) leaves no partial file behind.
    if (!discarded) discard(file);
    throw;
  }
}

}  // namespace

void writeFileAtomically(const fs::path& path, std::string_view bytes) {
  writeFileAtomically(path, [&](const ByteSink& sink) { sink(bytes); });
}

void writeFileAtomically(const fs::path& requested,
                         const std::function<void(const ByteSink&)>& produce) {
  std::optional<UnnamedFile> file = openUnnamed(requested);
  if (!file) return writeThrough(requested, produce);
  produceInto(*file, produce);
  if (::fsync(file->fd) != 0) {
    const int error = errno;
    discard(*file);
    fail(file->path, error);
  }
  giveName(*file);
  syncFolder(folderOf(file->path));
}

// The writer's files not yet named, and the thread that syncs and names them.
struct FileBatchWriter::State {
  static constexpr std::size_t kGroup = 32;  // files synced together (and open at once)

  std::mutex mutex;
  std::condition_variable changed;
  std::vector<UnnamedFile> waiting;  // written, not yet handed to the namer
  std::vector<UnnamedFile> naming;   // being synced and named
  bool busy = false;
  bool stopping = false;
  std::exception_ptr error;
  std::thread namer;

  void nameGroup(std::vector<UnnamedFile>& group) {
    std::set<fs::path> folders;
    for (UnnamedFile& file : group) {
      if (::fsync(file.fd) != 0) {
        const int failure = errno;
        discard(file);
        fail(file.path, failure);
      }
    }
    for (UnnamedFile& file : group) {
      giveName(file);
      folders.insert(folderOf(file.path));
    }
    for (const fs::path& folder : folders) syncFolder(folder);
    group.clear();
  }

  void run() {
    std::unique_lock lock(mutex);
    for (;;) {
      changed.wait(lock, [&] { return stopping || waiting.size() >= kGroup; });
      if (waiting.empty() && stopping) return;
      naming.swap(waiting);
      busy = true;
      lock.unlock();
      try {
        nameGroup(naming);
      } catch (...) {
        lock.lock();
        if (!error) error = std::current_exception();
        busy = false;
        changed.notify_all();
        return;
      }
      lock.lock();
      busy = false;
      changed.notify_all();
    }
  }

  ~State() {
    for (auto* files : {&waiting, &naming})
      for (UnnamedFile& file : *files) discard(file);
  }
};

FileBatchWriter::FileBatchWriter() : state_(std::make_unique<State>()) {
  state_->namer = std::thread([state = state_.get()] { state->run(); });
}

FileBatchWriter::~FileBatchWriter() {
  {
    const std::lock_guard lock(state_->mutex);
    state_->stopping = true;
    // Files still waiting are discarded, not named: an error stopped the batch.
    for (UnnamedFile& file : state_->waiting) discard(file);
    state_->waiting.clear();
  }
  state_->changed.notify_all();
  if (state_->namer.joinable()) state_->namer.join();
}

void FileBatchWriter::add(const fs::path& path, std::string_view bytes) {
  {
    const std::lock_guard lock(state_->mutex);
    if (state_->error) std::rethrow_exception(state_->error);
  }
  std::optional<UnnamedFile> file = openUnnamed(path);
  if (!file) return writeFileAtomically(path, bytes);
  produceInto(*file, [&](const ByteSink& sink) { sink(bytes); });
  // Start the disk on it now, so the group's sync has little left to wait for.
  ::sync_file_range(file->fd, 0, 0, SYNC_FILE_RANGE_WRITE);
  std::unique_lock lock(state_->mutex);
  // At most two groups open at once: a writer far ahead of the disk waits for it.
  state_->changed.wait(lock,
                       [&] { return state_->error || state_->waiting.size() < 2 * State::kGroup; });
  if (state_->error) {
    discard(*file);
    std::rethrow_exception(state_->error);
  }
  state_->waiting.push_back(std::move(*file));
  if (state_->waiting.size() >= State::kGroup) state_->changed.notify_all();
}

void FileBatchWriter::finish() {
  {
    const std::lock_guard lock(state_->mutex);
    state_->stopping = true;
  }
  state_->changed.notify_all();
  if (state_->namer.joinable()) state_->namer.join();
  if (state_->error) std::rethrow_exception(state_->error);
}

}  // namespace securebase::pdf
