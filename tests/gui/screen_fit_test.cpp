// Preferences on a 1280×800 screen, in English and in Spanish: three pages that follow the
// settings' scopes (Clinic, You, This computer), fields wide enough to read an address or a path
// (440 DIP), and no label, button or field cut off or reaching outside its page. The dialog opens
// on its first field.
#include <gtest/gtest.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <memory>

#include "gui_support.h"
#include "interface_language.h"
#include "preferences_dialog.h"
#include "securebase/store/settings.h"
#include "security_fixture.h"
#include "session.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

namespace fs = std::filesystem;

std::string describe(wxWindow& window) {
  return wxString(window.GetClassInfo()->GetClassName()).utf8_string() + " \"" +
         window.GetLabel().utf8_string() + "\" " + std::to_string(window.GetSize().x) + "x" +
         std::to_string(window.GetSize().y) + " at " + std::to_string(window.GetPosition().x) +
         "," + std::to_string(window.GetPosition().y);
}

// The shown controls in `window` that show less than the whole of themselves: smaller than
// their best size (labels, buttons, check boxes, choices, spin fields), or reaching outside the
// window that holds them.
std::vector<std::string> cutControls(wxWindow& window) {
  std::vector<std::string> cut;
  for (wxWindow* child : window.GetChildren()) {
    if (!child->IsShown() || child->IsTopLevel()) continue;
    const bool sized_by_text = dynamic_cast<wxStaticText*>(child) ||
                               dynamic_cast<wxButton*>(child) || dynamic_cast<wxCheckBox*>(child) ||
                               dynamic_cast<wxChoice*>(child) || dynamic_cast<wxSpinCtrl*>(child);
    const wxSize best = child->GetBestSize();
    if (sized_by_text && (child->GetSize().x < best.x || child->GetSize().y < best.y))
      cut.push_back(describe(*child) + " needs " + std::to_string(best.x) + "x" +
                    std::to_string(best.y));
    if (!wxRect(window.GetClientSize()).Contains(child->GetRect()))
      cut.push_back(describe(*child) + " reaches outside " + describe(window));
    const auto inner = cutControls(*child);
    cut.insert(cut.end(), inner.begin(), inner.end());
  }
  return cut;
}

// Which page of `pages` holds `control`; -1 for none.
int pageOf(wxNotebook& pages, wxWindow& control) {
  for (wxWindow* window = &control; window != nullptr; window = window->GetParent())
    for (std::size_t i = 0; i < pages.GetPageCount(); ++i)
      if (pages.GetPage(i) == window) return static_cast<int>(i);
  return -1;
}

class ScreenFitTest : public ::testing::Test {
 protected:
  void SetUp() override { session_ = std::make_unique<app::Session>(file_, kTestKey); }
  void TearDown() override {
    closeAllWindows();
    session_.reset();
    app::storeInterfaceChoice(app::InterfaceChoice::system);
    app::setUpInterfaceLanguage();
  }

  void checkPreferences(const std::string& name) {
    auto* dialog = new app::PreferencesDialog(nullptr, session_->store(), file_);
    dialog->Show();
    pump(300);
    EXPECT_LE(dialog->GetSize().x, 1280);
    EXPECT_LE(dialog->GetSize().y, 800);
    auto& pages = dialog->pages();
    ASSERT_EQ(pages.GetPageCount(), 3u);
    for (std::size_t i = 0; i < pages.GetPageCount(); ++i) {
      pages.SetSelection(i);
      pump(200);
      EXPECT_TRUE(cutControls(*pages.GetPage(i)).empty())
          << name << ", page " << pages.GetPageText(i).utf8_string() << ": "
          << ::testing::PrintToString(cutControls(*pages.GetPage(i)));
      screenshot(name + "_page" + std::to_string(i + 1));
    }
    for (const auto& spec : store::settingSpecs()) {
      if (!spec.in_preferences) continue;
      if (auto* text = dynamic_cast<wxTextCtrl*>(&dialog->control(spec.key))) {
        EXPECT_GE(text->GetSize().x, dialog->FromDIP(440)) << name << ": " << spec.key;
      }
    }
    dialog->Destroy();
    pump(50);
  }

  TempDir dir_;
  fs::path file_ = dir_ / "fit.db";
  std::unique_ptr<app::Session> session_;
};

TEST_F(ScreenFitTest, PreferencesInEnglish) {
  checkPreferences("preferences_en");
}

TEST_F(ScreenFitTest, PreferencesInSpanish) {
  app::storeInterfaceChoice(app::InterfaceChoice::spanish);
  app::setUpInterfaceLanguage();
  checkPreferences("preferences_es");
}

TEST_F(ScreenFitTest, EachSettingIsOnThePageOfItsScopeAndTheFirstFieldHasTheFocus) {
  app::PreferencesDialog dialog(nullptr, session_->store(), file_);
  for (const auto& spec : store::settingSpecs()) {
    if (!spec.in_preferences) continue;
    EXPECT_EQ(pageOf(dialog.pages(), dialog.control(spec.key)), static_cast<int>(spec.scope))
        << spec.key;
  }
  EXPECT_EQ(dialog.pages().GetPageText(0), _("Clinic"));
  bool focused = false;
  whenModalOpens([&](wxDialog& open) {
    focused = wxWindow::FindFocus() == &dialog.clinicName();
    // This computer's choice of names in file names is a setting like the others.
    dialog.familyNamesInFiles().SetValue(true);
    pressOk(open);
  });
  EXPECT_EQ(dialog.ShowModal(), wxID_OK);
  EXPECT_TRUE(focused);
  EXPECT_EQ(session_->store().setting(store::setting::files_family_names), "yes");
}

}  // namespace
}  // namespace securebase::testing
