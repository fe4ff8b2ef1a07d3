// The Help menu: the user guide opens in the program from the files installed with it (no
// network), in English and Spanish, and covers a counselor's day; the shortcut list names
// every accelerator of the menus; About says the version, the licence, the database file,
// whether it is encrypted and where backups go. Help stays there while the window is locked.
#include "help_menu.h"

#include <gtest/gtest.h>
#include <wx/dialog.h>
#include <wx/filename.h>
#include <wx/frame.h>
#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/toplevel.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <iterator>

#include "command_ids.h"
#include "family_panel.h"
#include "gui_support.h"
#include "main_frame.h"
#include "securebase/core/paths.h"
#include "securebase/store/backup.h"
#include "session.h"
#include "temp_dir.h"
#include "trend_panel.h"

namespace securebase::testing {
namespace {

namespace fs = std::filesystem;

std::string readAll(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

template <typename Window>
Window* findChild(wxWindow& window) {
  for (wxWindow* child : window.GetChildren()) {
    if (auto* found = dynamic_cast<Window*>(child)) return found;
    if (auto* below = findChild<Window>(*child)) return below;
  }
  return nullptr;
}

class HelpMenuTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    addTestFamily(store, "Nguyen family");
  }
  void TearDown() override { closeAllWindows(); }

  TempDir dir_;
  fs::path file_ = dir_ / "help.db";
};

// The words of each part of the day the guide must cover, per language.
const std::vector<std::string> kEnglishTopics = {"Start and unlock", "Choose who is working",
                                                 "Families",         "Record and sign a visit",
                                                 "Handouts",         "Progress reports",
                                                 "Backups",          "Export and import",
                                                 "Lock the window",  "Keyboard"};
const std::vector<std::string> kSpanishTopics = {"Abrir y desbloquear",
                                                 "Elegir quién trabaja",
                                                 "Familias",
                                                 "Anotar y firmar una visita",
                                                 "Hojas para los padres",
                                                 "Informes de progreso",
                                                 "Copias de seguridad",
                                                 "Exportar e importar",
                                                 "Bloquear la ventana",
                                                 "Teclado"};

TEST_F(HelpMenuTest, TheUserGuideOpensInTheProgramFromTheFilesShippedWithIt) {
  auto* frame = showMainFrame(file_);
  wxCommandEvent guide(wxEVT_MENU, app::kCmdUserGuide);
  frame->GetEventHandler()->ProcessEvent(guide);
  pump(300);
  wxFrame* window = nullptr;
  for (wxWindow* top : wxTopLevelWindows)
    if (auto* candidate = dynamic_cast<wxFrame*>(top);
        candidate != nullptr && candidate != frame && candidate->IsShown())
      window = candidate;
  ASSERT_NE(window, nullptr) << "Help › User Guide opened no window";
  auto* html = findChild<wxHtmlWindow>(*window);
  ASSERT_NE(html, nullptr);
  EXPECT_EQ(html->GetOpenedPageTitle().utf8_string(), "SecureBase user guide");
  const std::string shown = html->ToText().utf8_string();
  for (const auto& topic : kEnglishTopics)
    EXPECT_NE(shown.find(topic), std::string::npos) << "the guide has no part on " << topic;
  window->SetPosition(wxPoint(0, 0));
  window->SetSize(wxSize(1280, 800));
  pump(200);
  screenshot("help-user-guide");
}

TEST_F(HelpMenuTest, TheGuideIsInEnglishAndSpanishAndNeedsNoNetwork) {
  const auto english = app::userGuideFile(model::Language::en);
  const auto spanish = app::userGuideFile(model::Language::es);
  ASSERT_TRUE(fs::exists(english)) << english;
  ASSERT_TRUE(fs::exists(spanish)) << spanish;
  EXPECT_NE(english, spanish);
  EXPECT_EQ(english.parent_path().parent_path(), assetsDir() / "help");
  for (const auto& [file, topics] :
       {std::pair{english, kEnglishTopics}, std::pair{spanish, kSpanishTopics}}) {
    const std::string text = readAll(file);
    for (const auto& topic : topics) EXPECT_NE(text.find(topic), std::string::npos) << topic;
    // Nothing fetched from elsewhere: no web address, no picture or style sheet outside it.
    EXPECT_EQ(text.find("://"), std::string::npos) << file;
    EXPECT_EQ(text.find("<img"), std::string::npos) << file;
    EXPECT_EQ(text.find("<link"), std::string::npos) << file;
  }
  EXPECT_NE(readAll(spanish).find("usted"), std::string::npos);  // the interface's "usted"
  // Shown by the program's own HTML window, the Spanish page reads in Spanish.
  auto* frame = new wxFrame(nullptr, wxID_ANY, "guide");
  auto* html = new wxHtmlWindow(frame);
  ASSERT_TRUE(html->LoadFile(wxFileName(wxString::FromUTF8(spanish.string()))));
  EXPECT_EQ(html->GetOpenedPageTitle().utf8_string(), "Guía de uso de SecureBase");
}

TEST_F(HelpMenuTest, TheShortcutListNamesEveryMenuAccelerator) {
  auto* frame = showMainFrame(file_);
  wxDialog* dialog = app::makeShortcutsDialog(frame);
  auto* list = findChild<wxListView>(*dialog);
  ASSERT_NE(list, nullptr);
  std::vector<std::string> keys;
  for (long row = 0; row < list->GetItemCount(); ++row)
    keys.push_back(list->GetItemText(row, 0).utf8_string());
  std::vector<std::string> missing;
  std::function<void(wxMenu&)> walk = [&](wxMenu& menu) {
    for (wxMenuItem* item : menu.GetMenuItems()) {
      if (wxMenu* sub = item->GetSubMenu()) walk(*sub);
      const wxString label = item->GetItemLabel();
      const int tab = label.Find('\t');
      if (tab == wxNOT_FOUND) continue;
      const std::string accel = label.Mid(static_cast<std::size_t>(tab) + 1).utf8_string();
      if (std::find(keys.begin(), keys.end(), accel) == keys.end()) missing.push_back(accel);
    }
  };
  wxMenuBar& menus = *frame->GetMenuBar();
  for (std::size_t i = 0; i < menus.GetMenuCount(); ++i) walk(*menus.GetMenu(i));
  EXPECT_TRUE(missing.empty()) << "not in the list: " << ::testing::PrintToString(missing);
  // The visit window's own keys are listed too (its menus are not the main window's).
  for (const char* visit_key : {"Ctrl+Return", "Ctrl+P", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+W"})
    EXPECT_NE(std::find(keys.begin(), keys.end(), visit_key), keys.end()) << visit_key;
  dialog->Show();
  pump(300);
  // Every row shows at once: no key hides below a scroll bar.
  EXPECT_GE(list->GetCountPerPage(), list->GetItemCount());
  screenshot("help-shortcuts");
  dialog->Destroy();
}

TEST_F(HelpMenuTest, AboutSaysTheVersionLicenceDatabaseEncryptionAndBackupFolder) {
  app::Session session(file_, kTestKey);
  const std::string text = app::aboutText(&session).utf8_string();
  EXPECT_NE(text.find(version()), std::string::npos) << text;
  EXPECT_NE(text.find("MIT"), std::string::npos) << text;
  EXPECT_NE(text.find(file_.string()), std::string::npos) << text;
  EXPECT_NE(text.find("Encrypted"), std::string::npos) << text;
  const auto folder = store::backupPolicy(session.store(), file_).folder;
  EXPECT_NE(text.find(folder.string()), std::string::npos) << text;
  // An unencrypted file says so.
  const fs::path plain_file = dir_ / "plain.db";
  app::Session plain(plain_file, "");
  const std::string plain_text = app::aboutText(&plain).utf8_string();
  EXPECT_NE(plain_text.find("Not encrypted"), std::string::npos) << plain_text;
  // Locked: no file, no folder.
  const std::string locked = app::aboutText(nullptr).utf8_string();
  EXPECT_EQ(locked.find(file_.string()), std::string::npos) << locked;
  wxDialog* dialog = app::makeAboutDialog(nullptr, &session);
  dialog->Show();
  pump(300);
  screenshot("help-about");
  dialog->Destroy();
}

// Not Help, but the same look at the main window a new counselor has: the caregivers show near
// the top of the family's overview, above the chart, without scrolling.
TEST_F(HelpMenuTest, CaregiversShowAboveTheChartOnTheOverview) {
  auto* frame = showMainFrame(file_);
  pump(200);
  wxListView& caregivers = frame->familyPanel().caregivers();
  const int caregivers_top = caregivers.GetScreenPosition().y;
  EXPECT_LT(caregivers_top, frame->familyPanel().trend().GetScreenPosition().y);
  EXPECT_LT(caregivers_top + caregivers.GetSize().y, frame->GetScreenRect().GetBottom());
  EXPECT_TRUE(caregivers.IsShownOnScreen());
}

TEST_F(HelpMenuTest, HelpStaysAvailableWhileLocked) {
  auto* frame = showMainFrame(file_);
  frame->lock();
  pump(200);
  ASSERT_TRUE(frame->locked());
  wxMenuBar& menus = *frame->GetMenuBar();
  for (const int id : {int{app::kCmdUserGuide}, int{app::kCmdShortcuts}, int{wxID_ABOUT}}) {
    ASSERT_NE(menus.FindItem(id), nullptr) << id;
    EXPECT_TRUE(menus.IsEnabled(id)) << id;
  }
  EXPECT_FALSE(menus.IsEnabled(app::kCmdNewVisit));
}

}  // namespace
}  // namespace securebase::testing
