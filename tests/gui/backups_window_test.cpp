// File › Backups… and File › Restore Backup…: one window listing this database's backups newest
// first, whose Back Up Now writes one and whose Restore… puts the chosen one in place of the
// database — after a confirmation that names the file replaced — through the same core calls as
// `securebase-cli backup` and `restore`.
#include <gtest/gtest.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/infobar.h>
#include <wx/listctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <chrono>
#include <functional>

#include "backups_dialog.h"
#include "caseload_list.h"
#include "caseload_panel.h"
#include "command_ids.h"
#include "securebase/store/backup.h"
#include "security_fixture.h"
#include "visit_dialogs.h"

namespace securebase::testing {
namespace {

// Runs `script` inside a confirmation's own loop once one shows. (whenModalOpens would find the
// Backups window first: it is modal and shown too.)
class ConfirmationWatcher : public wxTimer {
 public:
  explicit ConfirmationWatcher(std::function<void(app::ConfirmDialog&)> script)
      : script_(std::move(script)) {
    Start(50);
  }
  void Notify() override {
    for (wxWindow* window : wxTopLevelWindows)
      if (auto* confirm = dynamic_cast<app::ConfirmDialog*>(window);
          confirm && confirm->IsModal() && confirm->IsShown()) {
        Stop();
        pump(250);
        script_(*confirm);
        delete this;
        return;
      }
  }

 private:
  std::function<void(app::ConfirmDialog&)> script_;
};

void clickButton(wxButton& button) {
  wxUIActionSimulator sim;
  sim.MouseMove(button.GetScreenRect().GetPosition() + button.GetSize() / 2);
  pump(50);
  sim.MouseClick();
  pump(300);
}

void key(int code) {
  wxUIActionSimulator sim;
  sim.Char(code);
  pump(200);
}

class BackupsWindowTest : public SecurityTest {
 protected:
  // A backup as the program would have written it `hours` ago (recent enough that opening the
  // window takes none of its own).
  store::BackupInfo backupTakenHoursAgo(int hours) {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    return store::createBackup(db, store::backupPolicy(store, file_),
                               store::Clock::now() - std::chrono::hours(hours));
  }
  void openFromMenu(app::MainFrame& frame, int command) {
    wxCommandEvent menu(wxEVT_MENU, command);
    frame.ProcessWindowEvent(menu);
  }
};

TEST_F(BackupsWindowTest, ListsNewestFirstBacksUpNowAndRestoresTheChosenOneAfterAsking) {
  const store::BackupInfo older = backupTakenHoursAgo(3);
  auto* frame = showFrame();
  addTestFamily(frame->session().store(), "Later family");
  frame->reloadCaseload();
  ASSERT_EQ(frame->caseload().list().GetItemCount(), 4);

  bool shown = false;
  wxString declined_message;
  whenModalOpens([&](wxDialog& dialog) {
    auto& backups = dynamic_cast<app::BackupsDialog&>(dialog);
    shown = true;
    ASSERT_EQ(backups.list().GetItemCount(), 1);
    EXPECT_EQ(backups.list().GetItemText(0, 0).utf8_string(), older.taken);
    EXPECT_FALSE(backups.list().GetItemText(0, 1).empty());  // the size

    clickButton(backups.backUpButton());
    ASSERT_EQ(backups.list().GetItemCount(), 2);
    EXPECT_GT(backups.list().GetItemText(0, 0), backups.list().GetItemText(1, 0));
    EXPECT_EQ(backups.list().GetItemText(1, 0).utf8_string(), older.taken);
    EXPECT_EQ(store::listBackups(dir_ / "backups", file_).size(), 2u);
    screenshot("backups_window");

    // The older backup, chosen with the keyboard; Restore… asks first, and "keep" changes nothing.
    backups.list().SetFocus();
    pump(50);
    key(WXK_DOWN);
    ASSERT_EQ(backups.list().GetFirstSelected(), 1);
    new ConfirmationWatcher([&](app::ConfirmDialog& confirm) {
      declined_message = confirm.message();
      screenshot("backups_restore_confirmation");
      key(WXK_ESCAPE);
    });
    clickButton(backups.restoreButton());
    EXPECT_TRUE(dialog.IsModal());
    EXPECT_EQ(frame->caseload().list().GetItemCount(), 4);

    new ConfirmationWatcher([](app::ConfirmDialog&) { key(WXK_RETURN); });
    clickButton(backups.restoreButton());
    pump(300);
    EXPECT_FALSE(dialog.IsModal()) << "the window stays open after a restore";
    if (dialog.IsModal()) dialog.EndModal(wxID_CANCEL);
  });
  openFromMenu(*frame, app::kCmdRestoreBackup);
  ASSERT_TRUE(shown);
  EXPECT_NE(declined_message.Find("locked.db"), wxNOT_FOUND) << declined_message;
  EXPECT_NE(declined_message.Find(wxString::FromUTF8(older.taken)), wxNOT_FOUND)
      << declined_message;
  // The older backup is in place: the family added since is not in it.
  EXPECT_EQ(frame->caseload().list().GetItemCount(), 3);
  EXPECT_TRUE(frame->infoBar().IsShown());
}

TEST_F(BackupsWindowTest, FileBackupsOpensTheSameWindowAndEscCloses) {
  auto* frame = showFrame();  // takes the first backup, none being there
  bool shown = false;
  whenModalOpens([&](wxDialog& dialog) {
    auto& backups = dynamic_cast<app::BackupsDialog&>(dialog);
    shown = true;
    EXPECT_EQ(backups.list().GetItemCount(), 1);
    EXPECT_TRUE(backups.restoreButton().IsEnabled());
    EXPECT_EQ(wxWindow::FindFocus(), &backups.list());
    key(WXK_ESCAPE);
    EXPECT_FALSE(dialog.IsModal());
    if (dialog.IsModal()) dialog.EndModal(wxID_CANCEL);
  });
  openFromMenu(*frame, app::kCmdBackups);
  EXPECT_TRUE(shown);
  EXPECT_EQ(frame->caseload().list().GetItemCount(), 3);
}

}  // namespace
}  // namespace securebase::testing
