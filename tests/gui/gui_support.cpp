#include "gui_support.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/evtloop.h>
#include <wx/listctrl.h>
#include <wx/timer.h>
#include <wx/toplevel.h>
#include <wx/uiaction.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "build_paths.h"
#include "main_frame.h"
#include "securebase/store/settings.h"
#include "window_config.h"

namespace securebase::testing {

const char* appProgramPath() {
  return SECUREBASE_APP_PATH;
}

namespace {

// The folder isolateUserFolders made; removed when the test program ends (ctest runs every
// test in a program of its own, so the folders would otherwise pile up).
std::string& userFolders() {
  static std::string folder;
  return folder;
}

void removeUserFolders() {
  std::error_code ignored;
  if (!userFolders().empty()) std::filesystem::remove_all(userFolders(), ignored);
}

}  // namespace

void isolateUserFolders() {
  std::string folder = std::string(SECUREBASE_TEST_BINARY_DIR) + "/gui-home-XXXXXX";
  if (mkdtemp(folder.data()) == nullptr) {
    // Going on would read and write the real ~/.config and ~/.local of whoever runs the tests.
    std::perror(("gui tests: cannot make the scratch home " + folder).c_str());
    std::exit(1);
  }
  userFolders() = folder;
  std::atexit(removeUserFolders);
  setenv("XDG_CONFIG_HOME", (folder + "/config").c_str(), 1);
  setenv("XDG_DATA_HOME", (folder + "/data").c_str(), 1);
  unsetenv("SECUREBASE_DB");
}

void pump(int ms) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  // Dispatching on the active loop (not wxYield) also works inside a modal dialog's loop.
  do {
    if (wxEventLoopBase* loop = wxEventLoopBase::GetActive())
      while (loop->Pending()) loop->Dispatch();
    wxTheApp->ProcessPendingEvents();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  } while (std::chrono::steady_clock::now() < end);
}

wxString tooltipOverCell(wxListCtrl& list, long item, int column) {
  wxRect cell;
  list.GetSubItemRect(item, column, cell);
  const wxPoint at = list.ClientToScreen(cell.GetPosition() +
                                         wxPoint(std::min(cell.width / 2, 40), cell.height / 2));
  wxUIActionSimulator mouse;
  mouse.MouseMove(at + wxPoint(3, 0));
  pump(100);
  mouse.MouseMove(at);
  pump(300);
  wxWindow* under = wxFindWindowAtPoint(at);
  return under != nullptr ? under->GetToolTipText() : wxString();
}

std::filesystem::path screenshot(const std::string& name) {
  const std::filesystem::path folder = SECUREBASE_SCREENSHOT_DIR;
  std::filesystem::create_directories(folder);
  const auto file = folder / (name + ".png");
  run("import -window root '" + file.string() + "' 2>/dev/null");
  return file;
}

namespace {

class ModalWatcher : public wxTimer {
 public:
  explicit ModalWatcher(std::function<void(wxDialog&)> script) : script_(std::move(script)) {
    Start(50);
  }
  void Notify() override {
    for (wxWindow* window : wxTopLevelWindows)
      if (auto* dialog = dynamic_cast<wxDialog*>(window);
          dialog && dialog->IsModal() && dialog->IsShown()) {
        Stop();
        pump(250);
        wxUIActionSimulator sim;
        sim.MouseMove(dialog->GetScreenRect().GetPosition() + wxPoint(30, 30));
        pump(50);
        script_(*dialog);
        delete this;
        return;
      }
  }

 private:
  std::function<void(wxDialog&)> script_;
};

}  // namespace

void whenModalOpens(std::function<void(wxDialog&)> script) {
  new ModalWatcher(std::move(script));
}

app::MainFrame* showMainFrame(const std::filesystem::path& file, int width, int height) {
  auto* frame = new app::MainFrame(std::make_unique<app::Session>(file, kTestKey));
  frame->SetPosition(wxPoint(0, 0));
  frame->SetSize(wxSize(width, height));
  frame->Show();
  pump(300);
  return frame;
}

void closeAllWindows() {
  for (wxWindow* window : wxTopLevelWindows) window->Destroy();
  pump(50);
  // Top-level windows are deleted at idle time; the next test must not find them listed.
  wxTheApp->ProcessIdle();
  pump(20);
}

void rememberTestCounselor(store::Store& store) {
  // Also the personal setting: the handouts' "your counselor" line.
  if (!store.setting(store::setting::counselor_name))
    store.setSetting(store::setting::counselor_name, kTestCounselor);
  if (!store.findCounselorByName(kTestCounselor)) {
    model::Counselor counselor;
    counselor.name = kTestCounselor;
    store.addCounselor(counselor);
  }
  app::WindowConfig::instance().setCounselor(kTestCounselor);
}

TestFamily addTestFamily(store::Store& store, const std::string& name, const std::string& caregiver,
                         const std::string& child) {
  TestFamily ids;
  rememberTestCounselor(store);
  model::Family family;
  family.display_name = name;
  family.created_on = model::Date::today().plusDays(-730);  // visits are recorded days ago
  ids.family = store.addFamily(family);
  model::Caregiver c;
  c.family_id = ids.family;
  c.name = caregiver;
  c.relationship = "mother";
  ids.caregiver = store.addCaregiver(c);
  model::Child k;
  k.family_id = ids.family;
  k.name = child;
  k.birth_date = model::Date::today().plusDays(-70);
  k.sex = model::Sex::male;
  ids.child = store.addChild(k);
  return ids;
}

std::filesystem::path writeKeyFile(const std::filesystem::path& folder) {
  const auto file = folder / "key.txt";
  {
    std::ofstream out(file);
    out << kTestKey << "\n";
  }
  std::filesystem::permissions(
      file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  return file;
}

AppProcess::AppProcess(const std::vector<std::string>& args) {
  pid_ = fork();
  if (pid_ == 0) {
    std::vector<char*> argv;
    std::string program = appProgramPath();
    argv.push_back(program.data());
    std::vector<std::string> copies = args;
    for (auto& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
}

AppProcess::~AppProcess() {
  kill9();
}

void AppProcess::kill9() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

bool AppProcess::running() {
  return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0;
}

std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  std::array<char, 256> buffer{};
  while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr)
    output += buffer.data();
  pclose(pipe);
  return output;
}

namespace {

std::string cliCommand(const std::string& arguments, const std::filesystem::path& key_file) {
  return "SECUREBASE_DATA_DIR='" + std::string(SECUREBASE_TEST_SOURCE_DIR) + "' '" +
         SECUREBASE_CLI_PATH + "' " + arguments + " --passphrase-file '" + key_file.string() +
         "' 2>/dev/null";
}

}  // namespace

int runCli(const std::string& arguments, const std::filesystem::path& key_file) {
  const int status = std::system((cliCommand(arguments, key_file) + " >/dev/null").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string cliOutput(const std::string& arguments, const std::filesystem::path& key_file) {
  return run(cliCommand(arguments, key_file));
}

std::string waitForWindow(const std::string& title, int timeout_ms) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < end) {
    std::string id =
        run("xdotool search --onlyvisible --name '" + title + "' 2>/dev/null | head -1");
    while (!id.empty() && (id.back() == '\n' || id.back() == ' ')) id.pop_back();
    if (!id.empty()) return id;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return "";
}

}  // namespace securebase::testing
