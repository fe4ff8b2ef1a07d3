// A CUPS server of the test's own (Debian's cups-daemon), so print tests never reach a real
// printer: cupsd on a Unix socket under a temporary folder, with one queue "capture" whose
// backend copies every job it receives into a folder. Clients reach it through CUPS_SERVER,
// which this sets for the test process (libcups reads it) and restores when it goes away.
// cupsd runs its backends as the lp user, so the tests must run as root (as CI does).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace securebase::testing {

class PrivateCups {
 public:
  PrivateCups();  // starts cupsd and adds the queue "capture" as the default printer
  ~PrivateCups();
  PrivateCups(const PrivateCups&) = delete;
  PrivateCups& operator=(const PrivateCups&) = delete;

  std::string socket() const { return run_dir_ + "/cups.sock"; }
  // Every job the queue has received so far, waiting up to 10 s for `at_least` of them.
  std::vector<std::filesystem::path> capturedJobs(std::size_t at_least = 1) const;

  // A CUPS_SERVER where no server listens.
  static std::string nowhere() { return "/nonexistent/securebase-cups.sock"; }

 private:
  void start();
  void stop();

  TempDir dir_;
  std::string run_dir_;  // under /tmp: a Unix socket's path must stay under 108 bytes
  pid_t pid_ = -1;
  std::string previous_server_;
  bool had_server_ = false;
};

}  // namespace securebase::testing
