// File › Sync Now against the throwaway agency server (tests/server's cluster and fixture):
// families another laptop pushed with the CLI appear in the caseload after Sync Now, with the
// server password typed into the window's secret field; a stopped server gives a one-line
// problem and changes nothing here; without a server setting the command is off and says where
// to name one.
#include <gtest/gtest.h>
#include <wx/dialog.h>
#include <wx/menu.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <algorithm>
#include <cstdlib>

#include "caseload_list.h"
#include "caseload_panel.h"
#include "command_ids.h"
#include "gui_support.h"
#include "main_frame.h"
#include "pg_cluster.h"
#include "preferences_dialog.h"
#include "problem_text.h"
#include "session.h"
#include "sync_actions.h"
#include "sync_fixture.h"
#include "window_config.h"

namespace securebase::testing {
namespace {

constexpr const char* kPassword = "a counselor's long password";  // sync_fixture.cpp's

class SyncNowWindowTest : public SyncTest {
 protected:
  void SetUp() override {
    SyncTest::SetUp();
    // No ~/.pgpass of the machine's: each test says whether libpq finds a password.
    setenv("PGPASSFILE", (dir_ / "no-pgpass").c_str(), 1);
  }
  void TearDown() override {
    closeAllWindows();
    unsetenv("PGPASSFILE");
  }

  // Bea's other laptop records two families and pushes them with the CLI.
  void beaPushesTwoFamilies() {
    const Laptop bea = laptop("bea");
    bea.setUp("Bea Soto");
    bea.addFamily("Núñez, Marta", "Bea Soto", "Lía");
    bea.addFamily("Okafor, Grace", "Bea Soto", "Ada");
    const auto pushed = bea.sync();
    ASSERT_EQ(pushed.exit_code, 0) << describe(pushed);
  }

  // The supervisor's laptop, naming the server in its device setting.
  Laptop supervisorLaptop(bool with_server = true) {
    Laptop sol = laptop("sol");
    sol.setUp("Sol Vega");
    if (with_server)
      sol.ok(
          {"settings", "set", "sync.server", pgCluster().tcpConninfo(dbname_, dbname_ + "_sol")});
    app::WindowConfig::instance().setCounselor("Sol Vega");
    return sol;
  }

  static void syncFromMenu(app::MainFrame& frame) {
    wxCommandEvent menu(wxEVT_MENU, app::kCmdSyncNow);
    frame.ProcessWindowEvent(menu);
    pump(300);
  }
};

TEST_F(SyncNowWindowTest, FamiliesPushedFromAnotherLaptopAppearAfterSyncNowWithTheTypedPassword) {
  beaPushesTwoFamilies();
  const Laptop sol = supervisorLaptop();
  auto* frame = showMainFrame(sol.db());
  ASSERT_EQ(frame->caseload().list().totalCount(), 0u);
  ASSERT_TRUE(frame->GetMenuBar()->IsEnabled(app::kCmdSyncNow));

  bool asked = false;
  wxString result_text;
  whenModalOpens([&](wxDialog& dialog) {
    auto* ask = dynamic_cast<app::ServerPasswordDialog*>(&dialog);
    ASSERT_NE(ask, nullptr);
    asked = true;
    EXPECT_TRUE(ask->password().HasFlag(wxTE_PASSWORD));
    ask->password().SetFocus();
    pump(100);
    wxUIActionSimulator sim;
    sim.Text(kPassword);
    pump(200);
    screenshot("sync-now-password");
    sim.Char(WXK_RETURN);
    pump(300);
    whenModalOpens([&](wxDialog& shown) {
      auto* result = dynamic_cast<app::SyncResultDialog*>(&shown);
      ASSERT_NE(result, nullptr) << shown.GetTitle();
      result_text = result->details().GetValue();
      screenshot("sync-now-result");
      shown.EndModal(wxID_OK);
    });
  });
  syncFromMenu(*frame);
  pump(500);

  EXPECT_TRUE(asked);
  EXPECT_NE(result_text.Find("pulled"), wxNOT_FOUND) << result_text;
  EXPECT_NE(result_text.Find("2 families"), wxNOT_FOUND) << result_text;
  // The caseload refreshed at once, with both of Bea's families.
  auto& list = frame->caseload().list();
  ASSERT_EQ(list.totalCount(), 2u);
  std::vector<std::string> names;
  for (long row = 0; row < list.GetItemCount(); ++row)
    names.push_back(list.GetItemText(row, 0).utf8_string());
  EXPECT_NE(std::find(names.begin(), names.end(), "Núñez, Marta"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "Okafor, Grace"), names.end());
  screenshot("sync-now-caseload");
}

TEST_F(SyncNowWindowTest, AStoppedServerGivesOneLineAndChangesNothingHere) {
  beaPushesTwoFamilies();
  const Laptop sol = supervisorLaptop();
  // The password from a pgpass file: nothing is asked.
  writeFile(dir_ / "pgpass", std::string("*:*:*:*:") + kPassword + "\n");
  std::filesystem::permissions(
      dir_ / "pgpass", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  setenv("PGPASSFILE", (dir_ / "pgpass").c_str(), 1);
  const std::string before = sol.ok({"export"});

  // The test cluster commits asynchronously and stop() is a crash: write Bea's push down first.
  adminRun("CHECKPOINT");
  pgCluster().stop();
  std::string problem;
  {
    app::Session session(sol.db(), kTestKey);
    try {
      app::syncWithServer(nullptr, session);
      ADD_FAILURE() << "sync reached a stopped server";
    } catch (const std::exception& e) {
      problem = app::problemText(e).utf8_string();
    }
  }
  pgCluster().start();
  EXPECT_EQ(problem.find('\n'), std::string::npos) << problem;
  EXPECT_EQ(problem.rfind("Server: ", 0), 0u) << problem;  // "server: …", as a sentence
  EXPECT_EQ(sol.ok({"export"}), before);

  // With the server back, the same pgpass file syncs without a question.
  app::Session session(sol.db(), kTestKey);
  const auto result = app::syncWithServer(nullptr, session);
  ASSERT_TRUE(result.has_value());
  std::string summary;
  for (const auto& line : sync::summaryLines(*result)) summary += line + "\n";
  EXPECT_EQ(result->pull.families, 2) << summary;
}

TEST_F(SyncNowWindowTest, WithoutAServerSettingSyncNowIsOffAndSaysWhereToNameOne) {
  const Laptop sol = supervisorLaptop(false);
  auto* frame = showMainFrame(sol.db());
  wxMenuBar& menus = *frame->GetMenuBar();
  EXPECT_FALSE(menus.IsEnabled(app::kCmdSyncNow));
  EXPECT_NE(menus.FindItem(app::kCmdSyncNow)->GetHelp().Find("Preferences"), wxNOT_FOUND);
  EXPECT_NE(menus.FindItem(app::kCmdSyncNow)->GetItemLabel().Find("&y"), wxNOT_FOUND);

  // Named in Preferences › This computer, Sync Now is on once the dialog closes.
  wxString refused;
  whenModalOpens([&](wxDialog& dialog) {
    auto& preferences = dynamic_cast<app::PreferencesDialog&>(dialog);
    preferences.pages().SetSelection(2);  // This computer
    pump(200);
    preferences.agencyServer().SetFocus();
    pump(100);
    wxUIActionSimulator sim;
    sim.Text("service=agency");
    pump(200);
    screenshot("sync-now-preferences");
    sim.Char(WXK_RETURN);
    pump(300);
    if (dialog.IsShown()) {  // refused: say why rather than wait
      refused = preferences.problem();
      dialog.EndModal(wxID_CANCEL);
    }
  });
  frame->editPreferences();
  EXPECT_TRUE(refused.empty()) << refused;
  EXPECT_EQ(frame->session().store().setting(store::setting::sync_server), "service=agency");
  EXPECT_TRUE(menus.IsEnabled(app::kCmdSyncNow));
  EXPECT_EQ(menus.FindItem(app::kCmdSyncNow)->GetHelp().Find("Preferences"), wxNOT_FOUND);
}

}  // namespace
}  // namespace securebase::testing
