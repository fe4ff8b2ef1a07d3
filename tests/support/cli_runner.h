// Runs the real securebase-cli binary the way a script would: an argument vector (never a shell
// string, so spaces, quotes and invalid UTF-8 bytes arrive exactly), a controlled environment,
// and stdout, stderr and the exit code captured, with a timeout.
//
// The environment is the test process's own minus everything SecureBase reads, plus HOME and
// XDG_DATA_HOME inside the test's folder (the real user's database is never touched) and
// SECUREBASE_DATA_DIR pointing at the source tree (the shipped forms).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace securebase::testing {

struct CliResult {
  int exit_code = -1;  // -1 when killed by a signal (see signal)
  int signal = 0;
  bool timed_out = false;
  std::string out;
  std::string err;

  // stderr split into lines (without the trailing newline of the last one).
  std::vector<std::string> errLines() const;
};

// A started securebase-cli whose output goes to pipes; wait() collects it.
class CliProcess {
 public:
  CliProcess(pid_t pid, int out_fd, int err_fd) : pid_(pid), out_fd_(out_fd), err_fd_(err_fd) {}
  ~CliProcess();
  CliProcess(CliProcess&& other) noexcept;
  CliProcess(const CliProcess&) = delete;
  CliProcess& operator=(const CliProcess&) = delete;
  CliProcess& operator=(CliProcess&&) = delete;

  pid_t pid() const { return pid_; }
  // Reads both pipes until the process ends; kills it with SIGKILL after `timeout`.
  CliResult wait(std::chrono::milliseconds timeout);

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
};

class CliRunner {
 public:
  // `home` is a folder of the test; HOME and XDG_DATA_HOME are placed inside it.
  explicit CliRunner(const std::filesystem::path& home);

  // Extra variables for every later run (e.g. SECUREBASE_DB); an empty value unsets.
  void setEnv(const std::string& name, const std::string& value) { env_[name] = value; }
  // Programs run before the binary, e.g. {"/usr/bin/setpriv", "--reuid=65534", …}.
  void setPrefix(std::vector<std::string> prefix) { prefix_ = std::move(prefix); }
  // Sends stdout to this file (e.g. /dev/full) instead of capturing it; empty to capture.
  void setStdoutFile(std::filesystem::path file) { stdout_file_ = std::move(file); }
  // Runs this build of the CLI instead of binary() (e.g. holdingBinary()).
  void setProgram(std::filesystem::path program) { program_ = std::move(program); }

  CliResult run(const std::vector<std::string>& args,
                const std::map<std::string, std::string>& extra_env = {},
                std::chrono::milliseconds timeout = std::chrono::seconds(20)) const;
  CliProcess start(const std::vector<std::string>& args,
                   const std::map<std::string, std::string>& extra_env = {}) const;

  static std::filesystem::path binary();
  // The CLI built with tests/cli_holding/hold_before_commit.cpp (see there).
  static std::filesystem::path holdingBinary();

 private:
  std::map<std::string, std::string> env_;
  std::vector<std::string> prefix_;
  std::filesystem::path stdout_file_;
  std::filesystem::path program_ = binary();
};

// A readable description for assertion messages: exit code, stdout and stderr.
std::string describe(const CliResult& result);
// What a command that must succeed printed, without its last newline; when it did not succeed,
// a test failure names the command and shows what it printed.
std::string successOutput(const CliResult& result, const std::vector<std::string>& args);

}  // namespace securebase::testing
