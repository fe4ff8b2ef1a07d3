// A private virtual X server for one test program: started when the program starts, stopped
// when it ends. Xvfb picks a free display itself (-displayfd), so test programs that ctest
// runs in parallel never collide, and no DISPLAY or xvfb-run is needed.
#pragma once

#include <sys/types.h>

#include <string>

namespace securebase::testing {

class XvfbServer {
 public:
  // Starts `Xvfb -screen 0 1280x800x24` (each side times `scale`, for a screen GTK scales by
  // GDK_SCALE) and points DISPLAY at it. Set
  // SECUREBASE_GUI_TEST_DISPLAY=current to use the DISPLAY already set instead.
  explicit XvfbServer(int scale = 1);
  ~XvfbServer();
  XvfbServer(const XvfbServer&) = delete;
  XvfbServer& operator=(const XvfbServer&) = delete;

  bool ok() const { return !display_.empty(); }
  const std::string& display() const { return display_; }

 private:
  pid_t pid_ = -1;
  std::string display_;
};

}  // namespace securebase::testing
