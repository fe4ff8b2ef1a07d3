#include "accessibility_bus.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

#include "gui_support.h"

namespace securebase::testing {
namespace {

constexpr const char* kLauncher = "/usr/libexec/at-spi-bus-launcher";

// Forks a process in `group` (0: a new group named after it) that dies with this program, its
// output silenced except for `keep_fd`, without $DISPLAY when `without_x`.
pid_t spawn(pid_t group, const char* const argv[], int keep_fd = -1, bool without_x = false) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  setpgid(0, group);
  if (without_x) unsetenv("DISPLAY");
  prctl(PR_SET_PDEATHSIG, SIGTERM);  // a crashed test leaves no bus behind
  const int null = open("/dev/null", O_RDWR);
  if (null >= 0) {
    dup2(null, STDIN_FILENO);
    if (keep_fd != STDOUT_FILENO) dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
  }
  execv(argv[0], const_cast<char* const*>(argv));
  _exit(127);
}

bool a11yBusOwned() {
  return run("dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus "
             "org.freedesktop.DBus.NameHasOwner string:org.a11y.Bus 2>/dev/null")
             .find("boolean true") != std::string::npos;
}

}  // namespace

bool accessibilityBusWanted() {
  const char* wanted = std::getenv("SECUREBASE_GUI_TEST_AT_SPI");
  return wanted != nullptr && std::strcmp(wanted, "1") == 0;
}

AccessibilityBus::AccessibilityBus() {
  // Processes the buses start (the AT-SPI registry, the accessibility bus's own daemon) outlive
  // their parents for a moment at the end; as their reaper this program collects them.
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  // The launcher puts the accessibility bus's socket in the runtime folder under a fixed name:
  // a folder of its own, so test programs running side by side never share one.
  runtime_dir_ = (std::filesystem::temp_directory_path() / "securebase-at-spi-XXXXXX").string();
  if (mkdtemp(runtime_dir_.data()) == nullptr) {
    runtime_dir_.clear();
    return;
  }
  setenv("XDG_RUNTIME_DIR", runtime_dir_.c_str(), 1);
  int fds[2];
  if (pipe(fds) != 0) return;
  const std::string address_fd = "--print-address=" + std::to_string(fds[1]);
  const char* daemon[] = {"/usr/bin/dbus-daemon", "--session",        "--nofork",
                          "--nopidfile",          address_fd.c_str(), nullptr};
  group_ = spawn(0, daemon, fds[1]);
  close(fds[1]);
  std::string address;
  char c = 0;
  while (read(fds[0], &c, 1) == 1 && c != '\n') address += c;
  close(fds[0]);
  if (group_ <= 0 || address.empty()) {
    std::fprintf(stderr, "could not start dbus-daemon --session (package dbus-daemon)\n");
    return;
  }
  setpgid(group_, group_);  // also from here, so the group exists before the launcher joins
  setenv("DBUS_SESSION_BUS_ADDRESS", address.c_str(), 1);
  const char* launcher[] = {kLauncher, "--launch-immediately", nullptr};
  // Off the X server: GTK finds the accessibility bus through the session bus, and the X
  // connections the launcher (and the registry it starts) made while GTK opened the display
  // made that fail now and then.
  spawn(group_, launcher, -1, true);
  // GTK asks the session bus for the accessibility bus once, at start: the launcher must own
  // its name by then, or the bus would start a second launcher on demand.
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!(ok_ = a11yBusOwned()) && std::chrono::steady_clock::now() < end)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  if (!ok_) std::fprintf(stderr, "the AT-SPI bus did not start (package at-spi2-core)\n");
  unsetenv("NO_AT_BRIDGE");
}

AccessibilityBus::~AccessibilityBus() {
  endProcesses();
  std::error_code ignored;
  if (!runtime_dir_.empty()) std::filesystem::remove_all(runtime_dir_, ignored);
}

void AccessibilityBus::endProcesses() {
  if (group_ <= 0) return;
  kill(-group_, SIGTERM);
  // Reaps the whole group: the two started here, and those they started (orphaned to this
  // program, their reaper), whatever order they end in; what lingers is killed.
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (true) {
    const pid_t pid = waitpid(-group_, nullptr, WNOHANG);
    if (pid < 0) break;  // none of the group is left
    if (pid > 0) continue;
    if (std::chrono::steady_clock::now() > end) {
      kill(-group_, SIGKILL);
      while (waitpid(-group_, nullptr, 0) > 0) {
      }
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace securebase::testing
