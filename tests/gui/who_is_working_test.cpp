// Who is working (DESIGN §11): chosen right after the passphrase when this computer remembers
// nobody — or someone who is not a counselor of this database — remembered for the next time,
// changed in File › Switch Counselor…; signatures and audit rows name that counselor.
#include <gtest/gtest.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/menu.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include "command_ids.h"
#include "counselor_dialog.h"
#include "gui_support.h"
#include "lock_panel.h"
#include "main_frame.h"
#include "temp_dir.h"
#include "visit_editor.h"
#include "visit_fixture.h"
#include "window_config.h"

namespace securebase::testing {
namespace {

void pressOk(wxDialog& dialog) {
  wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
  dialog.FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(ok);
}

std::string remembered() {
  return app::WindowConfig::instance().counselor().utf8_string();
}

// Notes whether a modal dialog is open `ms` from now, and cancels it so the test goes on.
class ModalCheck : public wxTimer {
 public:
  explicit ModalCheck(int ms) { StartOnce(ms); }
  void Notify() override {
    for (wxWindow* window : wxTopLevelWindows)
      if (auto* dialog = dynamic_cast<wxDialog*>(window); dialog && dialog->IsModal()) {
        title = dialog->GetTitle().utf8_string();
        dialog->EndModal(wxID_CANCEL);
      }
  }
  std::string title;  // of the dialog found; empty when there was none
};

class WhoIsWorkingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    family_ = addTestFamily(store, "Bui family", "Lan", "Minh");
    for (const char* name : {"Carmen Ortiz", "Dana Cruz"}) {
      model::Counselor counselor;
      counselor.name = name;
      store.addCounselor(counselor);
    }
  }
  void TearDown() override {
    closeAllWindows();
    app::WindowConfig::instance().setCounselor(kTestCounselor);
  }

  app::MainFrame* showFrame() { return showMainFrame(file_); }

  // Locks the window and types the passphrase on the lock panel, as the counselor would.
  static void lockAndUnlock(app::MainFrame& frame) {
    frame.lock();
    pump(100);
    ASSERT_TRUE(frame.locked());
    frame.lockPanel().passphrase().SetValue(kTestKey);
    frame.lockPanel().tryUnlock();
    pump(400);
    ASSERT_FALSE(frame.locked());
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "who.db";
  TestFamily family_;
};

TEST_F(WhoIsWorkingTest, AskedAfterUnlockWhenNobodyIsRememberedAndTheChoiceIsRemembered) {
  auto* frame = showFrame();
  app::WindowConfig::instance().setCounselor("");
  bool asked = false;
  whenModalOpens([&](wxDialog& dialog) {
    auto& who = dynamic_cast<app::CounselorDialog&>(dialog);
    asked = true;
    EXPECT_EQ(who.choice().GetCount(), 3u);  // every counselor of the database
    who.choice().SetStringSelection("Dana Cruz");
    pump(100);
    screenshot("who_is_working_after_unlock");
    pressOk(dialog);
  });
  lockAndUnlock(*frame);
  EXPECT_TRUE(asked) << "nobody was asked who is working";
  EXPECT_EQ(frame->session().counselorName(), "Dana Cruz");
  EXPECT_EQ(remembered(), "Dana Cruz");
  EXPECT_NE(frame->GetTitle().utf8_string().find("Dana Cruz"), std::string::npos);
}

TEST_F(WhoIsWorkingTest, AskedWhenTheRememberedCounselorIsNotARecordOfThisDatabase) {
  auto* frame = showFrame();
  app::WindowConfig::instance().setCounselor("Someone Elsewhere");
  bool asked = false;
  whenModalOpens([&](wxDialog& dialog) {
    auto& who = dynamic_cast<app::CounselorDialog&>(dialog);
    asked = true;
    who.newName().SetValue("Eva Lund");  // a counselor new to this database
    pressOk(dialog);
  });
  lockAndUnlock(*frame);
  EXPECT_TRUE(asked);
  EXPECT_EQ(frame->session().counselorName(), "Eva Lund");
  EXPECT_TRUE(frame->session().store().findCounselorByName("Eva Lund").has_value());
  EXPECT_EQ(remembered(), "Eva Lund");
}

TEST_F(WhoIsWorkingTest, NotAskedWhenTheRememberedCounselorIsARecord) {
  app::WindowConfig::instance().setCounselor("Carmen Ortiz");
  auto* frame = showFrame();
  EXPECT_EQ(frame->session().counselorName(), "Carmen Ortiz");
  ModalCheck check(300);  // after unlock's question would have opened
  lockAndUnlock(*frame);
  pump(300);
  EXPECT_EQ(check.title, "") << "asked although Carmen Ortiz is remembered";
  EXPECT_EQ(frame->session().counselorName(), "Carmen Ortiz");
}

TEST_F(WhoIsWorkingTest, FileMenuSwitchesTheCounselorAndTheNextSignatureNamesThem) {
  auto* frame = showFrame();
  ASSERT_EQ(frame->session().counselorName(), kTestCounselor);
  const wxMenuItem* item = frame->GetMenuBar()->FindItem(app::kCmdSwitchCounselor);
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(frame->GetMenuBar()->GetMenuLabelText(0), "File");
  EXPECT_NE(frame->GetMenuBar()->GetMenu(0)->FindItem(app::kCmdSwitchCounselor), nullptr);
  whenModalOpens([](wxDialog& dialog) {
    auto& who = dynamic_cast<app::CounselorDialog&>(dialog);
    who.choice().SetStringSelection("Carmen Ortiz");
    pressOk(dialog);
  });
  wxCommandEvent menu(wxEVT_MENU, app::kCmdSwitchCounselor);
  frame->GetEventHandler()->ProcessEvent(menu);
  pump(100);
  EXPECT_EQ(frame->session().counselorName(), "Carmen Ortiz");
  EXPECT_EQ(remembered(), "Carmen Ortiz");
  EXPECT_NE(frame->GetTitle().utf8_string().find("Carmen Ortiz"), std::string::npos);

  auto& session = frame->session();
  const model::Id visit =
      recordRatedDraft(session.store(), session.catalog(), family_, 2, 2, false);
  auto* editor = new app::VisitEditor(frame, session, visit);
  editor->Show();
  pump(300);
  ASSERT_TRUE(editor->sign(false));
  EXPECT_EQ(session.store().visit(visit).signed_by, "Carmen Ortiz");
  EXPECT_NE(editor->signedLine().utf8_string().find("Signed by Carmen Ortiz"), std::string::npos)
      << editor->signedLine().utf8_string();
  const auto trail = session.store().auditTrail("visit", visit);
  ASSERT_FALSE(trail.empty());
  EXPECT_EQ(trail.back().action, "sign");
  EXPECT_EQ(trail.back().actor, "Carmen Ortiz");
}

}  // namespace
}  // namespace securebase::testing
