// The keyboard in dialogs, driven with real key presses: a dialog opens on its first field (a
// space typed into Preferences must not press OK), Return presses the default button from any
// field — a drop-down too, which GTK would open instead —, Esc cancels and writes nothing, every
// button and menu item has a mnemonic, the child's "Sex" starts with "Not recorded", and a wrong
// passphrase is said plainly.
#include <gtest/gtest.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/textctrl.h>
#include <wx/translation.h>
#include <wx/uiaction.h>

#include <algorithm>
#include <vector>

#include "family_dialog.h"
#include "gui_support.h"
#include "lock_panel.h"
#include "main_frame.h"
#include "passphrase_dialogs.h"
#include "person_dialogs.h"
#include "preferences_dialog.h"
#include "quick_handout_dialog.h"
#include "report_dialog.h"
#include "securebase/store/settings.h"
#include "session.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

namespace fs = std::filesystem;

// A message as one line: each window wraps it at its own width.
std::string singleLine(wxString text) {
  text.Replace("\n", " ");
  return text.utf8_string();
}

class DialogKeyboardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    session_ = std::make_unique<app::Session>(file_, kTestKey);
    family_ = addTestFamily(session_->store(), "Okafor family", "Ada", "Chidi");
  }
  void TearDown() override {
    closeAllWindows();
    session_.reset();
  }

  // After a key that should have ended the dialog: a drop-down GTK opened instead is closed
  // (Esc) and the dialog ended with `fallback`, so a failing test does not hang.
  static void endIfStillOpen(wxDialog& dialog, int fallback) {
    if (!dialog.IsModal()) return;
    wxUIActionSimulator sim;
    sim.Char(WXK_ESCAPE);
    pump(200);
    if (dialog.IsModal()) dialog.EndModal(fallback);
  }

  TempDir dir_;
  fs::path file_ = dir_ / "keys.db";
  std::unique_ptr<app::Session> session_;
  TestFamily family_;
};

TEST_F(DialogKeyboardTest, PreferencesOpensOnItsFirstFieldSoATypedSpaceDoesNotCloseIt) {
  app::PreferencesDialog dialog(nullptr, session_->store(), file_);
  bool focus_on_first = false, open_after_typing = false;
  wxString typed;
  whenModalOpens([&](wxDialog& open) {
    auto& preferences = static_cast<app::PreferencesDialog&>(open);
    focus_on_first = wxWindow::FindFocus() == &preferences.clinicName();
    wxUIActionSimulator sim;
    sim.Text(" Riverside");
    pump(200);
    open_after_typing = open.IsModal();
    typed = preferences.clinicName().GetValue();
    screenshot("keyboard-preferences-typing");
    if (open.IsModal()) {
      sim.Char(WXK_ESCAPE);  // Esc cancels: nothing typed is saved
      pump(200);
    }
    endIfStillOpen(open, wxID_ABORT);
  });
  const int result = dialog.ShowModal();
  EXPECT_TRUE(focus_on_first) << "Preferences did not open on the clinic name";
  EXPECT_TRUE(open_after_typing) << "typing closed Preferences";
  EXPECT_EQ(typed.utf8_string(), " Riverside");
  EXPECT_EQ(result, wxID_CANCEL);
  EXPECT_FALSE(session_->store().setting(store::setting::clinic_name).has_value());
}

TEST_F(DialogKeyboardTest, EveryDialogOpensOnItsFirstField) {
  std::vector<std::string> wrong;
  auto check = [&](wxDialog& dialog, wxWindow& first, const std::string& name) {
    whenModalOpens([&](wxDialog& open) {
      if (wxWindow::FindFocus() != &first) wrong.push_back(name);
      open.EndModal(wxID_CANCEL);
    });
    dialog.ShowModal();
  };
  {
    app::ChildDialog dialog(nullptr, session_->store(), family_.family);
    check(dialog, dialog.name(), "child");
  }
  {
    app::QuickHandoutDialog dialog(nullptr, app::quickHandoutDefaults(session_->store()));
    check(dialog, dialog.language(), "quick handout");
  }
  {
    app::ReportDialog dialog(nullptr, *session_, family_.family);
    check(dialog, dialog.from(), "report");
  }
  EXPECT_TRUE(wrong.empty()) << "not on the first field: " << ::testing::PrintToString(wrong);
}

TEST_F(DialogKeyboardTest, ReturnOnADropDownPressesTheDefaultButton) {
  app::ChildDialog dialog(nullptr, session_->store(), family_.family);
  wxString first_sex;
  int sex_before = -1;
  whenModalOpens([&](wxDialog& open) {
    auto& child = static_cast<app::ChildDialog&>(open);
    first_sex = child.sex().GetString(0);
    sex_before = child.sex().GetSelection();
    wxUIActionSimulator sim;
    sim.Text("Chioma");
    sim.Char(WXK_TAB);  // date of birth
    sim.Text("2025-02-03");
    pump(100);
    child.sex().SetFocus();
    pump(100);
    sim.Char(WXK_RETURN);
    pump(400);
    screenshot("keyboard-return-on-drop-down");
    endIfStillOpen(open, wxID_ABORT);
  });
  EXPECT_EQ(dialog.ShowModal(), wxID_OK) << dialog.problem().utf8_string();
  EXPECT_EQ(first_sex, _("Not recorded"));  // first, so ↓ reaches girl and boy
  EXPECT_EQ(sex_before, 0);
  const auto children = session_->store().loadFamily(family_.family).children;
  ASSERT_EQ(children.size(), 2u);
  const auto added = std::find_if(children.begin(), children.end(),
                                  [](const model::Child& c) { return c.name == "Chioma"; });
  ASSERT_NE(added, children.end());
  EXPECT_EQ(added->sex, model::Sex::unknown);
}

TEST_F(DialogKeyboardTest, ReturnInATextFieldPressesTheDefaultButtonAndEscCancels) {
  {
    app::CaregiverDialog dialog(nullptr, session_->store(), family_.family);
    whenModalOpens([&](wxDialog& open) {
      wxUIActionSimulator sim;
      sim.Text("Nkem");
      sim.Char(WXK_ESCAPE);
      pump(200);
      endIfStillOpen(open, wxID_ABORT);
    });
    EXPECT_EQ(dialog.ShowModal(), wxID_CANCEL);
  }
  EXPECT_EQ(session_->store().loadFamily(family_.family).caregivers.size(), 1u);
  {
    app::CaregiverDialog dialog(nullptr, session_->store(), family_.family);
    whenModalOpens([&](wxDialog& open) {
      wxUIActionSimulator sim;
      sim.Text("Nkem");
      sim.Char(WXK_RETURN);
      pump(200);
      endIfStillOpen(open, wxID_ABORT);
    });
    EXPECT_EQ(dialog.ShowModal(), wxID_OK);
  }
  EXPECT_EQ(session_->store().loadFamily(family_.family).caregivers.size(), 2u);
}

// Every button of `window` and below whose label has no mnemonic (its text where it has none).
void buttonsWithoutMnemonic(wxWindow& window, std::vector<std::string>& found) {
  for (wxWindow* child : window.GetChildren()) {
    if (auto* button = dynamic_cast<wxButton*>(child);
        button != nullptr && button->GetLabel().Find('&') == wxNOT_FOUND)
      found.push_back(button->GetLabel().utf8_string());
    buttonsWithoutMnemonic(*child, found);
  }
}

void menuItemsWithoutMnemonic(wxMenu& menu, std::vector<std::string>& found) {
  for (wxMenuItem* item : menu.GetMenuItems()) {
    if (item->IsSeparator()) continue;
    if (item->GetItemLabel().Find('&') == wxNOT_FOUND)
      found.push_back(item->GetItemLabel().utf8_string());
    if (wxMenu* sub = item->GetSubMenu()) menuItemsWithoutMnemonic(*sub, found);
  }
}

TEST_F(DialogKeyboardTest, EveryButtonAndMenuItemHasAMnemonic) {
  std::vector<std::string> found;
  {
    app::PreferencesDialog dialog(nullptr, session_->store(), file_);
    buttonsWithoutMnemonic(dialog, found);
  }
  {
    app::ReportDialog dialog(nullptr, *session_, family_.family);
    buttonsWithoutMnemonic(dialog, found);
  }
  {
    app::QuickHandoutDialog dialog(nullptr, app::quickHandoutDefaults(session_->store()));
    buttonsWithoutMnemonic(dialog, found);
  }
  {
    app::PassphraseDialog dialog(nullptr, "Unlock", "Type it", file_, [](const std::string&) {});
    buttonsWithoutMnemonic(dialog, found);
  }
  session_.reset();
  auto* frame = showMainFrame(file_);
  frame->selectFamily(family_.family);
  pump(100);
  buttonsWithoutMnemonic(*frame, found);
  buttonsWithoutMnemonic(frame->lockPanel(), found);
  wxMenuBar& menus = *frame->GetMenuBar();
  for (std::size_t i = 0; i < menus.GetMenuCount(); ++i) {
    if (menus.GetMenuLabel(i).Find('&') == wxNOT_FOUND)
      found.push_back(menus.GetMenuLabel(i).utf8_string());
    menuItemsWithoutMnemonic(*menus.GetMenu(i), found);
  }
  EXPECT_TRUE(found.empty()) << "without a mnemonic: " << ::testing::PrintToString(found);
}

TEST_F(DialogKeyboardTest, AWrongPassphraseIsSaidPlainly) {
  session_.reset();
  std::string problem;
  bool stayed_open = false;
  app::PassphraseDialog dialog(nullptr, "Unlock keys.db", "keys.db is encrypted.", file_,
                               [&](const std::string& passphrase) {
                                 session_ = std::make_unique<app::Session>(file_, passphrase);
                               });
  whenModalOpens([&](wxDialog& open) {
    wxUIActionSimulator sim;
    sim.Text(kOtherTestKey.c_str());
    sim.Char(WXK_RETURN);
    pump(300);
    problem = singleLine(dialog.problem());
    stayed_open = open.IsModal();
    screenshot("keyboard-wrong-passphrase");
    endIfStillOpen(open, wxID_CANCEL);
  });
  dialog.ShowModal();
  EXPECT_TRUE(stayed_open);
  EXPECT_EQ(problem.rfind("Wrong passphrase", 0), 0u) << problem;
  EXPECT_EQ(problem.find("damaged"), std::string::npos) << problem;
  EXPECT_EQ(problem.find("securebase-cli"), std::string::npos) << problem;
  // The lock panel says it the same way.
  auto* frame = new wxFrame(nullptr, wxID_ANY, "locked");
  auto* panel = new app::LockPanel(frame);
  panel->onUnlock([&](const std::string& passphrase) { app::Session(file_, passphrase); });
  panel->reset(file_);
  panel->passphrase().ChangeValue(wxString::FromUTF8(kOtherTestKey));
  wxCommandEvent enter(wxEVT_TEXT_ENTER, panel->passphrase().GetId());
  panel->passphrase().GetEventHandler()->ProcessEvent(enter);
  EXPECT_EQ(singleLine(panel->problem()), singleLine(wxString::FromUTF8(problem)));
}

}  // namespace
}  // namespace securebase::testing
