// Nothing entered is lost: the real program is killed with SIGKILL in the middle of a visit,
// restarted, and every rated item and the note typed before the pause are there.
#include <gtest/gtest.h>
#include <wx/textctrl.h>

#include <chrono>
#include <thread>

#include "gui_support.h"
#include "item_row.h"
#include "session.h"
#include "temp_dir.h"
#include "visit_editor.h"

namespace securebase::testing {
namespace {

void sleepMs(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

void keys(const std::string& window, const std::string& keys) {
  run("xdotool mousemove --window " + window + " 200 200 key --delay 80 " + keys + " 2>/dev/null");
}

TEST(CrashRecoveryTest, KeepsEveryAnswerAndTheNoteAfterSigkill) {
  TempDir dir;
  const auto file = dir / "crash.db";
  {
    store::Database db(file, {.key = kTestKey});
    store::Store store(db, "test");
    addTestFamily(store, "Okafor family", "Ada", "Obi");
  }
  const std::vector<std::string> args = {"--db", file.string(), "--no-demo-offer",
                                         "--passphrase-file", writeKeyFile(dir.path()).string()};
  auto program = std::make_unique<AppProcess>(args);
  const std::string main_window = waitForWindow("SecureBase");
  ASSERT_FALSE(main_window.empty()) << "the program did not show its window";
  sleepMs(700);
  keys(main_window, "ctrl+n");
  const std::string dialog = waitForWindow("New visit");
  ASSERT_FALSE(dialog.empty()) << "Ctrl+N did not open the new-visit dialog";
  sleepMs(300);
  keys(dialog, "Return");
  const std::string editor = waitForWindow("Visit with");
  ASSERT_FALSE(editor.empty()) << "the visit editor did not open";
  sleepMs(700);
  keys(editor, "2 Down 1 Down n Tab");
  run("xdotool type --delay 40 'Slept through' 2>/dev/null");
  sleepMs(app::VisitEditor::kNoteDelayMs + 500);  // the pause in typing saves the note
  keys(editor, "Down 0");
  sleepMs(300);
  screenshot("crash_recovery_before_kill");
  program->kill9();

  {
    store::Database db(file, {.key = kTestKey});
    store::Store store(db, "test");
    const auto families = store.listFamilies();
    ASSERT_EQ(families.size(), 1u);
    const auto record = store.loadFamily(families[0].family.id);
    ASSERT_EQ(record.visits.size(), 1u);
    const auto& set = record.visits[0].sets.at(0);
    ASSERT_NE(set.find("responds-to-cry"), nullptr);
    EXPECT_EQ(set.find("responds-to-cry")->value, "2");
    ASSERT_NE(set.find("reads-different-cries"), nullptr);
    EXPECT_EQ(set.find("reads-different-cries")->value, "1");
    ASSERT_NE(set.find("holds-to-comfort"), nullptr);
    EXPECT_TRUE(set.find("holds-to-comfort")->not_observed);
    EXPECT_EQ(set.find("holds-to-comfort")->note, "Slept through");
    ASSERT_NE(set.find("soft-voice"), nullptr);
    EXPECT_EQ(set.find("soft-voice")->value, "0");
  }

  // Restarted, the program opens on the same database; the draft opens as it was.
  program = std::make_unique<AppProcess>(args);
  ASSERT_FALSE(waitForWindow("SecureBase").empty()) << "the program did not restart";
  program->kill9();
  app::Session session(file, kTestKey);
  const auto record = session.store().loadFamily(session.store().listFamilies()[0].family.id);
  auto* reopened = new app::VisitEditor(nullptr, session, record.visits[0].id);
  reopened->SetPosition(wxPoint(0, 0));
  reopened->SetSize(wxSize(1280, 800));
  reopened->Show();
  pump(400);
  EXPECT_EQ(reopened->row(2).note().GetValue(), "Slept through");
  screenshot("crash_recovery_after_restart");
  closeAllWindows();
}

}  // namespace
}  // namespace securebase::testing
