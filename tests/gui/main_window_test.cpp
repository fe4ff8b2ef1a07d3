// The main window on a real database: the caseload lists the families, search filters it,
// and families and children are added through the dialogs.
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/srchctrl.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "caseload_panel.h"
#include "family_panel.h"
#include "gui_support.h"
#include "main_frame.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

class MainWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    addTestFamily(store, "Bui family");
    addTestFamily(store, "Alvarez family");
    addTestFamily(store, "Clarke family", "Jo", "Mia");
  }
  void TearDown() override { closeAllWindows(); }

  app::MainFrame* showFrame() { return showMainFrame(file_); }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "caseload.db";
};

TEST_F(MainWindowTest, ListsTheFamiliesOfTheDatabase) {
  auto* frame = showFrame();
  auto& list = frame->caseload().list();
  ASSERT_EQ(list.GetItemCount(), 3);
  EXPECT_EQ(list.GetItemText(0, 0), "Alvarez family");
  EXPECT_EQ(list.GetItemText(1, 0), "Bui family");
  EXPECT_EQ(list.GetItemText(2, 0), "Clarke family");
  EXPECT_EQ(frame->GetStatusBar()->GetStatusText(0), "3 families");
  EXPECT_TRUE(std::filesystem::exists(screenshot("main_window_lists_families")));
}

TEST_F(MainWindowTest, SearchAsYouTypeFiltersTheList) {
  auto* frame = showFrame();
  frame->caseload().focusSearch();
  wxUIActionSimulator sim;
  sim.MouseMove(frame->caseload().search().GetScreenRect().GetPosition() + wxPoint(20, 10));
  pump(50);
  sim.Text("cla");
  pump(300);
  auto& list = frame->caseload().list();
  ASSERT_EQ(list.GetItemCount(), 1);
  EXPECT_EQ(list.GetItemText(0, 0), "Clarke family");
  EXPECT_EQ(frame->GetStatusBar()->GetStatusText(0), "1 of 3 families shown");
  screenshot("main_window_search_filters");
  frame->caseload().search().Clear();
  pump(100);
  EXPECT_EQ(list.GetItemCount(), 3);
}

TEST_F(MainWindowTest, AddsAFamilyAndAChildThroughTheDialogs) {
  auto* frame = showFrame();
  whenModalOpens([](wxDialog&) {
    wxUIActionSimulator sim;
    sim.Text("Diaz family");
    pump(100);
    screenshot("new_family_dialog");
    sim.Char(WXK_RETURN);
  });
  frame->newFamily();
  pump(100);
  auto& list = frame->caseload().list();
  ASSERT_EQ(list.GetItemCount(), 4);
  const auto selected = list.selectedFamily();
  ASSERT_TRUE(selected.has_value());
  EXPECT_EQ(frame->session().store().family(*selected).display_name, "Diaz family");

  // A child: name, date of birth (Tab between fields), then OK.
  whenModalOpens([](wxDialog&) {
    wxUIActionSimulator sim;
    sim.Text("Sofia");
    sim.Char(WXK_TAB);
    sim.Text("2026-09-01");
    pump(100);
    screenshot("new_child_dialog");
    sim.Char(WXK_RETURN);
  });
  frame->familyPanel().addChild();
  pump(200);
  const auto children = frame->session().store().children(*selected);
  ASSERT_EQ(children.size(), 1u);
  EXPECT_EQ(children[0].name, "Sofia");
  EXPECT_EQ(children[0].birth_date.iso(), "2026-09-01");
  screenshot("family_with_new_child");

  // A correction: the same dialog opens filled in; the new name replaces the old one.
  bool prefilled = false;
  whenModalOpens([&](wxDialog& dialog) {
    for (wxWindow* child : dialog.GetChildren())
      if (auto* text = dynamic_cast<wxTextCtrl*>(child)) {
        prefilled = text->GetValue() == "Sofia";
        text->SetValue(wxString::FromUTF8("Sofía Inés"));
        break;
      }
    pump(100);
    screenshot("edit_child_dialog");
    wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
    dialog.FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(ok);
  });
  frame->familyPanel().editChild(0);
  pump(200);
  EXPECT_TRUE(prefilled);
  const auto corrected = frame->session().store().children(*selected);
  ASSERT_EQ(corrected.size(), 1u);
  EXPECT_EQ(corrected[0].name, "Sofía Inés");
  EXPECT_EQ(corrected[0].birth_date.iso(), "2026-09-01");
  EXPECT_EQ(frame->session().store().auditTrail("child", corrected[0].id).back().action, "update");
}

TEST_F(MainWindowTest, RefusesANameTheHandoutFontsCannotPrint) {
  auto* frame = showFrame();
  bool refused_in_dialog = false;
  whenModalOpens([&](wxDialog& dialog) {
    wxUIActionSimulator sim;
    // Typed through the control (the simulator drops non-ASCII text): a Chinese name.
    for (wxWindow* child : dialog.GetChildren())
      if (auto* text = dynamic_cast<wxTextCtrl*>(child)) {
        text->SetValue(wxString::FromUTF8("王 family"));
        break;
      }
    wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
    dialog.FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(ok);
    pump(100);
    refused_in_dialog = dialog.IsShown();
    screenshot("family_dialog_refuses_unprintable_name");
    dialog.EndModal(wxID_CANCEL);
  });
  frame->newFamily();
  EXPECT_TRUE(refused_in_dialog);
  EXPECT_EQ(frame->session().store().listFamilies().size(), 3u);
}

}  // namespace
}  // namespace securebase::testing
