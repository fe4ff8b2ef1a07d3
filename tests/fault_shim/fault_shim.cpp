// An LD_PRELOAD library that makes one chosen file-system call of a program fail, to prove that
// a crash or an error at any instant leaves the database whole (tests/cli/fault_injection_test).
//
// It counts the calls that change files — write, pwrite, writev, fsync, fdatasync, ftruncate,
// rename, link, unlink, sendfile, copy_file_range — on descriptors other than 0, 1 and 2, and at
// call number SECUREBASE_FAULT_AT (1-based) acts as SECUREBASE_FAULT_ACTION says: "kill" (SIGKILL
// before the call: the program dies as in a power cut), "enospc" or "eio" (the call fails with
// that errno without doing anything). With SECUREBASE_FAULT_TRACE set, a normally ending program
// writes there one line per call counted — "<call> <file>" — so a test knows every point to try,
// and which of them are alike (the 40 page writes of one file in a row are one kind of point).
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

namespace {

std::atomic<long> calls{0};

long faultAt() {
  static const long at = [] {
    const char* text = std::getenv("SECUREBASE_FAULT_AT");
    return text != nullptr ? std::atol(text) : 0L;
  }();
  return at;
}

int faultErrno() {
  static const int error = [] {
    const char* action = std::getenv("SECUREBASE_FAULT_ACTION");
    if (action != nullptr && std::strcmp(action, "enospc") == 0) return ENOSPC;
    if (action != nullptr && std::strcmp(action, "eio") == 0) return EIO;
    return 0;  // kill
  }();
  return error;
}

bool tracing() {
  static const bool on = std::getenv("SECUREBASE_FAULT_TRACE") != nullptr;
  return on;
}

std::mutex trace_mutex;
std::string* trace = new std::string;  // never freed: calls may come during exit
thread_local bool inside_shim = false;

void record(const char* call, int fd, const char* path) {
  if (!tracing() || inside_shim) return;
  inside_shim = true;
  std::string file = path != nullptr ? path : "";
  if (path == nullptr && fd >= 0) {
    char link[64], target[4096];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = ::readlink(link, target, sizeof target - 1);
    if (n > 0) file.assign(target, static_cast<std::size_t>(n));
  }
  {
    std::lock_guard<std::mutex> lock(trace_mutex);
    *trace += std::string(call) + " " + file + "\n";
  }
  inside_shim = false;
}

// True when this call must fail (errno set); never returns when it must be killed.
bool faultHere(const char* call, int fd, const char* path) {
  if ((fd >= 0 && fd <= 2) || inside_shim) return false;
  record(call, fd, path);
  const long n = ++calls;
  if (faultAt() <= 0 || n != faultAt()) return false;
  const int error = faultErrno();
  if (error == 0) ::kill(::getpid(), SIGKILL);
  errno = error;
  return true;
}

template <typename F>
F real(const char* name) {
  return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

struct TraceReport {
  ~TraceReport() {
    const char* file = std::getenv("SECUREBASE_FAULT_TRACE");
    if (file == nullptr) return;
    inside_shim = true;
    if (FILE* out = std::fopen(file, "w")) {
      std::fputs(trace->c_str(), out);
      std::fclose(out);
    }
  }
} report;

}  // namespace

#define SECUREBASE_FAULT_WRAP(ret, name, params, args, fd, path) \
  extern "C" ret name params {                                   \
    static const auto next = real<ret(*) params>(#name);         \
    if (faultHere(#name, fd, path)) return static_cast<ret>(-1); \
    return next args;                                            \
  }

SECUREBASE_FAULT_WRAP(ssize_t, write, (int fd, const void* b, size_t n), (fd, b, n), fd, nullptr)
SECUREBASE_FAULT_WRAP(ssize_t, pwrite, (int fd, const void* b, size_t n, off_t o), (fd, b, n, o),
                      fd, nullptr)
SECUREBASE_FAULT_WRAP(ssize_t, pwrite64, (int fd, const void* b, size_t n, off64_t o),
                      (fd, b, n, o), fd, nullptr)
SECUREBASE_FAULT_WRAP(ssize_t, writev, (int fd, const struct iovec* v, int n), (fd, v, n), fd,
                      nullptr)
SECUREBASE_FAULT_WRAP(int, fsync, (int fd), (fd), fd, nullptr)
SECUREBASE_FAULT_WRAP(int, fdatasync, (int fd), (fd), fd, nullptr)
SECUREBASE_FAULT_WRAP(int, ftruncate, (int fd, off_t n), (fd, n), fd, nullptr)
SECUREBASE_FAULT_WRAP(int, ftruncate64, (int fd, off64_t n), (fd, n), fd, nullptr)
SECUREBASE_FAULT_WRAP(int, rename, (const char* a, const char* b), (a, b), -1, a)
SECUREBASE_FAULT_WRAP(int, renameat, (int fa, const char* a, int fb, const char* b), (fa, a, fb, b),
                      -1, a)
SECUREBASE_FAULT_WRAP(int, link, (const char* a, const char* b), (a, b), -1, a)
SECUREBASE_FAULT_WRAP(int, linkat, (int fa, const char* a, int fb, const char* b, int f),
                      (fa, a, fb, b, f), -1, b)
SECUREBASE_FAULT_WRAP(int, unlink, (const char* a), (a), -1, a)
SECUREBASE_FAULT_WRAP(int, unlinkat, (int fd, const char* a, int f), (fd, a, f), -1, a)
SECUREBASE_FAULT_WRAP(int, remove, (const char* a), (a), -1, a)
SECUREBASE_FAULT_WRAP(ssize_t, sendfile, (int out, int in, off_t* o, size_t n), (out, in, o, n),
                      out, nullptr)
SECUREBASE_FAULT_WRAP(ssize_t, sendfile64, (int out, int in, off64_t* o, size_t n), (out, in, o, n),
                      out, nullptr)
SECUREBASE_FAULT_WRAP(ssize_t, copy_file_range,
                      (int in, loff_t* a, int out, loff_t* b, size_t n, unsigned f),
                      (in, a, out, b, n, f), out, nullptr)
