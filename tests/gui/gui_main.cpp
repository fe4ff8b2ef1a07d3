// GoogleTest main for the GUI tests, in the order GTK needs: list tests without a display
// (test discovery runs at build time), then a private X server (and, for the accessibility
// tests, a private AT-SPI bus), then wx, then the tests.
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/init.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "accessibility_bus.h"
#include "gui_support.h"
#include "utf8_locale.h"
#include "xvfb_server.h"

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  if (GTEST_FLAG_GET(list_tests)) return RUN_ALL_TESTS();
  // Tests of a scaled screen get SECUREBASE_GUI_TEST_SCALE=2 from ctest: GTK reads GDK_SCALE
  // once, as it starts, and the virtual screen doubles so the window keeps its 1280×800 units.
  int scale = 1;
  if (const char* asked = std::getenv("SECUREBASE_GUI_TEST_SCALE"); asked && *asked) {
    scale = std::atoi(asked) > 1 ? std::atoi(asked) : 1;
    setenv("GDK_SCALE", std::to_string(scale).c_str(), 1);
  }
  securebase::testing::XvfbServer xvfb(scale);
  if (!xvfb.ok()) return 1;
  // The accessibility tests read the windows as a screen reader does, over an AT-SPI bus of
  // their own; the others keep GTK off any bus.
  std::optional<securebase::testing::AccessibilityBus> bus;
  if (securebase::testing::accessibilityBusWanted()) {
    if (!bus.emplace().ok()) return 1;
  } else {
    setenv("NO_AT_BRIDGE", "1", 1);
  }
  securebase::testing::isolateUserFolders();
  wxApp::SetInstance(new wxApp);
  int wx_argc = 1;
  char* wx_argv[] = {argv[0], nullptr};
  if (!wxEntryStart(wx_argc, wx_argv)) {
    std::fprintf(stderr, "could not start wxWidgets on display %s\n", xvfb.display().c_str());
    return 1;
  }
  securebase::app::ensureUtf8Locale();
  // A failed wx assertion fails the test instead of opening a dialog nobody can click.
  wxSetAssertHandler([](const wxString& file, int line, const wxString& func, const wxString& cond,
                        const wxString& msg) {
    ADD_FAILURE() << "wx assertion " << cond.utf8_string() << " failed in " << func.utf8_string()
                  << " (" << file.utf8_string() << ":" << line << "): " << msg.utf8_string();
  });
  int result = 0;
  {
    // An active loop for pump() to dispatch on; wx's own loops take over inside modal dialogs.
    wxGUIEventLoop loop;
    wxEventLoopActivator activate(&loop);
    result = RUN_ALL_TESTS();
  }
  wxEntryCleanup();
  return result;
}
