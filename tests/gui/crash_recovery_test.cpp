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

namespace fs = std::filesystem;

void sleepMs(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

void keys(const std::string& window, const std::string& keys) {
  run("xdotool mousemove --window " + window + " 200 200 key --delay 80 " + keys + " 2>/dev/null");
}

// The real program on a database with one family, with a new visit's editor open.
class CrashRecoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      store::Database db(file_, {.key = kTestKey});
      store::Store store(db, "test");
      addTestFamily(store, "Okafor family", "Ada", "Obi");
    }
    args_ = {"--db", file_.string(), "--no-demo-offer", "--passphrase-file",
             writeKeyFile(dir_.path()).string()};
    program_ = std::make_unique<AppProcess>(args_);
    const std::string main_window = waitForWindow("SecureBase");
    ASSERT_FALSE(main_window.empty()) << "the program did not show its window";
    sleepMs(700);
    keys(main_window, "ctrl+n");
    const std::string dialog = waitForWindow("New visit");
    ASSERT_FALSE(dialog.empty()) << "Ctrl+N did not open the new-visit dialog";
    sleepMs(300);
    keys(dialog, "Return");
    editor_ = waitForWindow("Visit with");
    ASSERT_FALSE(editor_.empty()) << "the visit editor did not open";
    sleepMs(700);
  }

  // The first observation set of the only visit, read after the program is gone.
  model::ObservationSet firstSet() {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    const auto families = store.listFamilies();
    EXPECT_EQ(families.size(), 1u);
    const auto record = store.loadFamily(families.at(0).family.id);
    EXPECT_EQ(record.visits.size(), 1u);
    return record.visits.at(0).sets.at(0);
  }

  TempDir dir_;
  fs::path file_ = dir_ / "crash.db";
  std::vector<std::string> args_;
  std::unique_ptr<AppProcess> program_;
  std::string editor_;
};

TEST_F(CrashRecoveryTest, KeepsEveryAnswerAndTheNoteAfterSigkill) {
  const auto& file = file_;
  const auto& args = args_;
  auto& program = program_;
  const auto& editor = editor_;
  keys(editor, "2 Down 1 Down n Tab");
  run("xdotool type --delay 40 'Slept through' 2>/dev/null");
  sleepMs(app::VisitEditor::kNoteDelayMs + 500);  // the pause in typing saves the note
  keys(editor, "Down 0");
  sleepMs(300);
  screenshot("crash_recovery_before_kill");
  program->kill9();

  {
    const auto set = firstSet();
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

// A note left for the next field is saved at once, not after the pause in typing: the program
// is killed well before that pause would have ended, and the note is there.
TEST_F(CrashRecoveryTest, KeepsANoteLeftForAnotherFieldAfterSigkill) {
  keys(editor_, "n Tab");
  run("xdotool type --delay 40 'Fed at three' 2>/dev/null");
  keys(editor_, "Tab");
  sleepMs(150);
  program_->kill9();
  const auto set = firstSet();
  ASSERT_NE(set.find("responds-to-cry"), nullptr);
  EXPECT_TRUE(set.find("responds-to-cry")->not_observed);
  EXPECT_EQ(set.find("responds-to-cry")->note, "Fed at three");
}

}  // namespace
}  // namespace securebase::testing
