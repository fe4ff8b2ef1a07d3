// Helpers for GUI tests: run the event loop for a while, take a screenshot, build a database
// with families, drive the real program as a child process.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "securebase/store/store.h"
#include "test_key.h"

class wxDialog;
class wxListCtrl;
class wxString;

namespace securebase::app {
class MainFrame;
}

namespace securebase::testing {

// Points XDG_CONFIG_HOME and XDG_DATA_HOME at a fresh folder under the build tree, so tests
// never read or write the user's window sizes or database.
void isolateUserFolders();

// The desktop program this build made.
const char* appProgramPath();

// Processes events (timers included) for `ms` milliseconds.
void pump(int ms);

// Saves the whole virtual screen as <build>/gui-screenshots/<name>.png; returns the path.
std::filesystem::path screenshot(const std::string& name);

// Runs `script` inside the next modal dialog's own event loop, once that dialog is shown
// (checked every 50 ms), with the mouse pointer over it so keys reach it.
void whenModalOpens(std::function<void(wxDialog&)> script);

// The main window on `file` (opened with kTestKey) at the screen's top left, shown and settled.
app::MainFrame* showMainFrame(const std::filesystem::path& file, int width = 1280,
                              int height = 800);

// Moves the mouse over a cell of a report list (near its left end) and returns the tooltip of
// the window under the pointer then.
wxString tooltipOverCell(wxListCtrl& list, long item, int column);

// Closes every top-level window and lets wx delete them.
void closeAllWindows();

// The counselor at work in GUI tests: a record of the database, remembered on this computer
// (WindowConfig), so the window neither asks who is working after the passphrase nor before
// signing. addTestFamily calls it.
inline constexpr const char* kTestCounselor = "Test Counselor";
void rememberTestCounselor(store::Store& store);

struct TestFamily {
  model::Id family = 0, caregiver = 0, child = 0;
};
TestFamily addTestFamily(store::Store& store, const std::string& name,
                         const std::string& caregiver = "Ana", const std::string& child = "Leo");

// Writes kTestKey to `folder`/key.txt (mode 0600) for the program's --passphrase-file.
std::filesystem::path writeKeyFile(const std::filesystem::path& folder);

// The real `securebase` program, killed (SIGKILL) if still running when this goes away.
class AppProcess {
 public:
  explicit AppProcess(const std::vector<std::string>& args);
  ~AppProcess();
  AppProcess(const AppProcess&) = delete;
  AppProcess& operator=(const AppProcess&) = delete;
  void kill9();
  bool running();

 private:
  pid_t pid_ = -1;
};

// Runs a shell command (xdotool, import); returns its standard output.
std::string run(const std::string& command);
// The real securebase-cli with `arguments` and the passphrase in `key_file` (writeKeyFile):
// its exit code, or its standard output (standard error is dropped).
int runCli(const std::string& arguments, const std::filesystem::path& key_file);
std::string cliOutput(const std::string& arguments, const std::filesystem::path& key_file);
// Waits for a window whose title contains `title`; returns its X id or "" after `timeout_ms`.
std::string waitForWindow(const std::string& title, int timeout_ms = 10000);

}  // namespace securebase::testing
