#include "private_cups.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace securebase::testing {
namespace fs = std::filesystem;
namespace {

// Copies the job (the file in $6, else standard input) into the folder of capture:/folder,
// under a hidden name first so that a reader never sees half a job.
constexpr const char* kCaptureBackend = R"(#!/bin/sh
if [ $# -eq 0 ]; then echo 'direct capture "Unknown" "Capture to a folder"'; exit 0; fi
folder=${DEVICE_URI#capture:}
if [ $# -ge 6 ]; then cat "$6" > "$folder/.job-$1"; else cat > "$folder/.job-$1"; fi
mv "$folder/.job-$1" "$folder/job-$1.pdf"
)";

void write(const fs::path& file, const std::string& text, fs::perms perms) {
  std::ofstream(file) << text;
  fs::permissions(file, perms);
}

int runQuietly(const std::string& command) {
  return std::system((command + " >/dev/null 2>&1").c_str());
}

}  // namespace

PrivateCups::PrivateCups() {
  char run[] = "/tmp/sbcups-XXXXXX";
  if (mkdtemp(run) == nullptr) throw std::runtime_error("cannot make a folder for cupsd's socket");
  run_dir_ = run;
  fs::permissions(run_dir_, fs::perms::all);
  try {
    start();
  } catch (...) {
    stop();  // no cupsd left behind by a test that could not start
    throw;
  }
}

void PrivateCups::start() {
  const fs::path d = dir_.path();
  for (const char* sub :
       {"run", "spool", "cache", "state", "tmp", "log", "conf", "bin/backend", "bin/daemon", "out"})
    fs::create_directories(d / sub);
  // The backend runs as lp: it must reach the folder and write into "out".
  for (fs::path p = d; p != p.root_path(); p = p.parent_path())
    fs::permissions(p, fs::perms::others_exec, fs::perm_options::add);
  fs::permissions(d / "out", fs::perms::all);
  for (const auto& entry : fs::directory_iterator("/usr/lib/cups/daemon"))
    fs::copy_file(entry.path(), d / "bin/daemon" / entry.path().filename());
  write(d / "bin/backend/capture", kCaptureBackend,
        fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
            fs::perms::others_read | fs::perms::others_exec);
  write(d / "conf/cupsd.conf",
        "Listen " + socket() +
            "\nLogLevel warn\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n",
        fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
            fs::perms::others_read);
  write(d / "conf/cups-files.conf",
        "ServerRoot " + (d / "conf").string() + "\nRequestRoot " + (d / "spool").string() +
            "\nCacheDir " + (d / "cache").string() + "\nStateDir " + (d / "state").string() +
            "\nTempDir " + (d / "tmp").string() + "\nAccessLog " + (d / "log/access_log").string() +
            "\nErrorLog " + (d / "log/error_log").string() + "\nPageLog " +
            (d / "log/page_log").string() + "\nUser lp\nGroup lp\nSystemGroup root\nServerBin " +
            (d / "bin").string() + "\n",
        fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
            fs::perms::others_read);

  pid_ = fork();
  if (pid_ == 0) {
    // Not the test's output pipes: a reader of them would wait for cupsd too.
    const int null = open("/dev/null", O_RDWR);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    const std::string conf = (d / "conf/cupsd.conf").string();
    const std::string files = (d / "conf/cups-files.conf").string();
    execl("/usr/sbin/cupsd", "cupsd", "-f", "-c", conf.c_str(), "-s", files.c_str(), nullptr);
    _exit(127);
  }
  if (const char* server = std::getenv("CUPS_SERVER")) {
    had_server_ = true;
    previous_server_ = server;
  }
  setenv("CUPS_SERVER", socket().c_str(), 1);
  for (int i = 0; i < 100 && !fs::exists(socket()); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  if (!fs::exists(socket())) throw std::runtime_error("cupsd did not start (see its error_log)");
  const std::string env = "CUPS_SERVER=" + socket() + " ";
  if (runQuietly(env + "lpadmin -p capture -E -v capture:" + (d / "out").string()) != 0 ||
      runQuietly(env + "lpadmin -d capture") != 0)
    throw std::runtime_error("lpadmin could not add the capture queue");
}

PrivateCups::~PrivateCups() {
  stop();
}

void PrivateCups::stop() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  std::error_code ignored;
  fs::remove_all(run_dir_, ignored);
  if (had_server_)
    setenv("CUPS_SERVER", previous_server_.c_str(), 1);
  else
    unsetenv("CUPS_SERVER");
}

std::vector<fs::path> PrivateCups::capturedJobs(std::size_t at_least) const {
  std::vector<fs::path> jobs;
  for (int i = 0; i < 200; ++i) {
    jobs.clear();
    for (const auto& entry : fs::directory_iterator(dir_ / "out"))
      if (entry.path().filename().string().rfind("job-", 0) == 0) jobs.push_back(entry.path());
    if (jobs.size() >= at_least) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return jobs;
}

}  // namespace securebase::testing
