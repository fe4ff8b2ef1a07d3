// A private accessibility bus for the GUI tests that read what a screen reader reads: a D-Bus
// session bus of its own and the AT-SPI bus launcher (at-spi2-core), started before GTK so that
// GTK's AT-SPI bridge connects to them, and ended with every process they started.
#pragma once

#include <sys/types.h>

#include <string>

namespace securebase::testing {

class AccessibilityBus {
 public:
  // Starts `dbus-daemon --session` and `at-spi-bus-launcher` in a runtime folder of their own,
  // sets DBUS_SESSION_BUS_ADDRESS and XDG_RUNTIME_DIR and unsets NO_AT_BRIDGE; ok() once the
  // AT-SPI bus answers.
  AccessibilityBus();
  ~AccessibilityBus();
  AccessibilityBus(const AccessibilityBus&) = delete;
  AccessibilityBus& operator=(const AccessibilityBus&) = delete;

  bool ok() const { return ok_; }

 private:
  void endProcesses();

  pid_t group_ = -1;  // the session bus's process id, also the group of all the bus processes
  std::string runtime_dir_;  // XDG_RUNTIME_DIR of the bus processes, removed at the end
  bool ok_ = false;
};

// True when this test program was started with SECUREBASE_GUI_TEST_AT_SPI=1 (see gui_main.cpp).
bool accessibilityBusWanted();

}  // namespace securebase::testing
