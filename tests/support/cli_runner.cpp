#include "cli_runner.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "build_paths.h"

extern char** environ;

namespace securebase::testing {
namespace {

// A time limit is there to catch a hung command, not a slow one: under AddressSanitizer (the
// `asan` preset) the same command takes several times as long.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kSlowdown = 5;
#else
constexpr int kSlowdown = 1;
#endif

// Variables the binary reads; inherited values would make a test depend on the machine.
bool isControlled(const std::string& name) {
  return name.rfind("SECUREBASE_", 0) == 0 || name.rfind("XDG_", 0) == 0 || name == "HOME";
}

std::vector<std::string> environmentFor(const std::map<std::string, std::string>& overrides) {
  std::map<std::string, std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string text(*entry);
    const auto equals = text.find('=');
    if (equals == std::string::npos) continue;
    const std::string name = text.substr(0, equals);
    if (!isControlled(name)) env[name] = text.substr(equals + 1);
  }
  for (const auto& [name, value] : overrides) {
    if (value.empty())
      env.erase(name);
    else
      env[name] = value;
  }
  std::vector<std::string> list;
  for (const auto& [name, value] : env) list.push_back(name + "=" + value);
  return list;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> list;
  for (auto& s : strings) list.push_back(s.data());
  list.push_back(nullptr);
  return list;
}

void closeFd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

std::vector<std::string> CliResult::errLines() const {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < err.size()) {
    const auto end = err.find('\n', start);
    lines.push_back(err.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

CliProcess::~CliProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  closeFd(out_fd_);
  closeFd(err_fd_);
}

CliProcess::CliProcess(CliProcess&& other) noexcept
    : pid_(other.pid_), out_fd_(other.out_fd_), err_fd_(other.err_fd_) {
  other.pid_ = -1;
  other.out_fd_ = -1;
  other.err_fd_ = -1;
}

CliResult CliProcess::wait(std::chrono::milliseconds timeout) {
  CliResult result;
  const auto deadline = std::chrono::steady_clock::now() + timeout * kSlowdown;
  while (out_fd_ >= 0 || err_fd_ >= 0) {
    pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      ::kill(pid_, SIGKILL);
      break;
    }
    const int ready = ::poll(fds, 2, static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buffer[4096];
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        closeFd(i == 0 ? out_fd_ : err_fd_);
      }
    }
  }
  closeFd(out_fd_);
  closeFd(err_fd_);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

CliRunner::CliRunner(const std::filesystem::path& home) {
  std::filesystem::create_directories(home / "home");
  env_["HOME"] = (home / "home").string();
  env_["XDG_DATA_HOME"] = (home / "home" / "data").string();
  env_["SECUREBASE_DATA_DIR"] = SECUREBASE_TEST_SOURCE_DIR;
}

std::filesystem::path CliRunner::binary() {
  return SECUREBASE_CLI_PATH;
}

std::filesystem::path CliRunner::holdingBinary() {
  return binary().parent_path() / "securebase-cli-holding";
}

CliProcess CliRunner::start(const std::vector<std::string>& args,
                            const std::map<std::string, std::string>& extra_env) const {
  auto overrides = env_;
  for (const auto& [name, value] : extra_env) overrides[name] = value;
  std::vector<std::string> env = environmentFor(overrides);
  std::vector<std::string> argv = prefix_;
  argv.push_back(program_.string());
  argv.insert(argv.end(), args.begin(), args.end());

  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  if (stdout_file_.empty())
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  else
    posix_spawn_file_actions_addopen(&actions, 1, stdout_file_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  auto argv_ptrs = pointers(argv);
  auto env_ptrs = pointers(env);
  pid_t pid = -1;
  const int rc =
      ::posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, argv_ptrs.data(), env_ptrs.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  }
  if (!stdout_file_.empty()) ::close(out_pipe[0]);
  return CliProcess(pid, stdout_file_.empty() ? out_pipe[0] : -1, err_pipe[0]);
}

CliResult CliRunner::run(const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& extra_env,
                         std::chrono::milliseconds timeout) const {
  return start(args, extra_env).wait(timeout);
}

std::string describe(const CliResult& result) {
  std::string text = "exit " + std::to_string(result.exit_code);
  if (result.signal != 0) text += " (signal " + std::to_string(result.signal) + ")";
  if (result.timed_out) text += " (timed out)";
  return text + "\n--- stdout ---\n" + result.out + "--- stderr ---\n" + result.err;
}

std::string successOutput(const CliResult& result, const std::vector<std::string>& args) {
  std::string command;
  for (const auto& arg : args) command += " " + arg;
  EXPECT_EQ(result.exit_code, 0) << "securebase-cli" << command << "\n" << describe(result);
  std::string out = result.out;
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace securebase::testing
