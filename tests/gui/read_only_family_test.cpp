// A family the supervisor reassigned away from this laptop's counselor (through the server
// tests' throwaway cluster): after the laptop's sync the window shows it read-only — New Visit
// greyed in the menu, on the toolbar and in the family's panel, each saying why, and so are the
// goals' and referrals' commands, and its visits open read-only.
#include <gtest/gtest.h>
#include <wx/button.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/toolbar.h>

#include "caseload_list.h"
#include "caseload_panel.h"
#include "command_ids.h"
#include "family_panel.h"
#include "follow_up_page.h"
#include "gui_support.h"
#include "main_frame.h"
#include "new_visit.h"
#include "sync_fixture.h"
#include "visit_editor.h"
#include "window_config.h"

namespace securebase::testing {
namespace {

class ReadOnlyFamilyWindowTest : public SyncTest {
 protected:
  void TearDown() override { closeAllWindows(); }
};

TEST_F(ReadOnlyFamilyWindowTest, NewVisitIsGreyedAndSaysWhoHoldsTheFamilyNow) {
  const Laptop ana = laptop("ana");
  ana.setUp("Ana Ruiz");
  const auto garcia = ana.addFamily("García, Ana", "Ana Ruiz", "Sofía");
  const auto signed_visit = ana.addVisit(garcia, "2025-03-01");
  ana.ok({"visit", "sign", signed_visit});
  const auto draft = ana.addVisit(garcia, "2025-03-10");
  const auto ortiz = ana.addFamily("Ortiz, Rosa", "Ana Ruiz", "Mateo");
  ASSERT_EQ(ana.sync().exit_code, 0);
  reassign("García, Ana", "bea");
  const auto told = ana.sync();
  ASSERT_EQ(told.exit_code, 0) << describe(told);
  ASSERT_TRUE(has(told.out, "read-only here")) << told.out;

  app::WindowConfig::instance().setCounselor("Ana Ruiz");
  auto* frame = showMainFrame(ana.db());
  wxMenuBar& menus = *frame->GetMenuBar();
  auto& panel = frame->familyPanel();

  // A family of Ana's own: everything on.
  frame->selectFamily(std::stoll(ortiz[0]));
  pump(300);
  EXPECT_TRUE(menus.IsEnabled(app::kCmdNewVisit));
  EXPECT_TRUE(panel.newVisitButton().IsEnabled());
  EXPECT_FALSE(panel.readOnlyNote().IsShown());

  frame->selectFamily(std::stoll(garcia[0]));
  pump(300);
  EXPECT_FALSE(menus.IsEnabled(app::kCmdNewVisit));
  EXPECT_NE(menus.FindItem(app::kCmdNewVisit)->GetHelp().Find("Reassigned to bea"), wxNOT_FOUND)
      << menus.FindItem(app::kCmdNewVisit)->GetHelp();
  ASSERT_NE(frame->GetToolBar(), nullptr);
  EXPECT_FALSE(frame->GetToolBar()->GetToolEnabled(app::kCmdNewVisit));
  EXPECT_FALSE(panel.newVisitButton().IsEnabled());
  EXPECT_FALSE(panel.editButton().IsEnabled());
  EXPECT_NE(panel.newVisitButton().GetToolTipText().Find("read-only"), wxNOT_FOUND);
  EXPECT_FALSE(panel.referrals().addButton().IsEnabled());
  EXPECT_TRUE(panel.readOnlyNote().IsShown());
  EXPECT_NE(panel.readOnlyNote().GetLabel().Find("Reassigned to bea"), wxNOT_FOUND)
      << panel.readOnlyNote().GetLabel();
  screenshot("read-only-family");

  // Its visits open read-only: a signed one offers no amendment, a draft takes no answer but
  // can still be discarded (drafts never leave the laptop).
  app::VisitEditor* editor = app::openVisitEditor(frame, frame->session(), std::stoll(draft));
  ASSERT_NE(editor, nullptr);
  pump(300);
  EXPECT_TRUE(editor->readOnly());
  EXPECT_TRUE(editor->canDiscard());
  EXPECT_FALSE(editor->sign(false));
  EXPECT_NE(editor->statusLine().Find("Reassigned to bea"), wxNOT_FOUND) << editor->statusLine();
  screenshot("read-only-family-draft");
  editor->Close(true);
  pump(200);
  editor = app::openVisitEditor(frame, frame->session(), std::stoll(signed_visit));
  ASSERT_NE(editor, nullptr);
  pump(300);
  EXPECT_FALSE(editor->canAmend());
  EXPECT_FALSE(editor->amend().has_value());
  editor->Close(true);
  pump(200);

  // Another family of Ana's: on again.
  frame->selectFamily(std::stoll(ortiz[0]));
  pump(300);
  EXPECT_TRUE(menus.IsEnabled(app::kCmdNewVisit));
  EXPECT_TRUE(panel.newVisitButton().IsEnabled());
  EXPECT_TRUE(panel.referrals().addButton().IsEnabled());
}

}  // namespace
}  // namespace securebase::testing
