// Encryption as the counselor meets it: the passphrase dialogs at start, the lock after a while
// without input (every family hidden, the visit editor's last note saved, the quick handout
// still there), unlocking, Lock now and changing the passphrase.
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/infobar.h>
#include <wx/listctrl.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <fstream>

#include "caseload_list.h"
#include "caseload_panel.h"
#include "command_ids.h"
#include "family_panel.h"
#include "gui_support.h"
#include "item_row.h"
#include "lock_panel.h"
#include "main_frame.h"
#include "modal_dialogs.h"
#include "new_visit.h"
#include "open_session.h"
#include "passphrase_dialogs.h"
#include "pdf_output.h"
#include "preferences_dialog.h"
#include "problem_text.h"
#include "quick_handout_dialog.h"
#include "securebase/core/error.h"
#include "securebase/service/visits.h"
#include "securebase/store/backup.h"
#include "securebase/store/encryption.h"
#include "security_fixture.h"
#include "temp_dir.h"
#include "visit_editor.h"

namespace securebase::testing {
namespace {

TEST_F(SecurityTest, TheUnlockDialogSaysAWrongPassphraseAndTakesTheRightOne) {
  std::string problem;
  bool stayed_open = false;
  whenModalOpens([&](wxDialog& dialog) {
    auto& unlock = dynamic_cast<app::PassphraseDialog&>(dialog);
    wxUIActionSimulator sim;
    unlock.passphrase().SetFocus();
    pump(50);
    sim.Text("not the passphrase");
    sim.Char(WXK_RETURN);
    pump(1500);  // a passphrase goes through the full key derivation
    problem = oneLine(unlock.problem());
    stayed_open = dialog.IsShown();
    EXPECT_TRUE(unlock.passphrase().GetValue().empty());
    screenshot("unlock_dialog_wrong_passphrase");
    sim.Text(kTestKey.c_str());
    sim.Char(WXK_RETURN);
    pump(200);
  });
  auto session = app::openSessionAsking(nullptr, file_);
  EXPECT_TRUE(stayed_open);
  EXPECT_NE(problem.find("Wrong passphrase"), std::string::npos) << problem;
  ASSERT_NE(session, nullptr);
  EXPECT_EQ(session->store().listFamilies().size(), 3u);
}

TEST_F(SecurityTest, CancellingTheUnlockDialogOpensNothing) {
  whenModalOpens([](wxDialog& dialog) { dialog.EndModal(wxID_CANCEL); });
  EXPECT_EQ(app::openSessionAsking(nullptr, file_), nullptr);
}

TEST_F(SecurityTest, ANewFileGetsAPassphraseTypedTwiceAndIsEncrypted) {
  const fs::path fresh = dir_ / "new" / "fresh.db";
  std::vector<std::string> problems;
  whenModalOpens([&](wxDialog& dialog) {
    auto& create = dynamic_cast<app::NewPassphraseDialog&>(dialog);
    create.passphrase().SetValue("short");
    create.confirm().SetValue("short");
    pressOk(dialog);
    problems.push_back(oneLine(create.problem()));
    create.passphrase().SetValue("apple tree by the river");
    create.confirm().SetValue("apple tree by the sea");
    pressOk(dialog);
    problems.push_back(oneLine(create.problem()));
    create.confirm().SetValue("apple tree by the river");
    pump(100);
    screenshot("create_passphrase_dialog");
    pressOk(dialog);
    pump(100);
  });
  auto session = app::openSessionAsking(nullptr, fresh);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("8"), std::string::npos) << problems[0];
  EXPECT_NE(problems[1].find("differ"), std::string::npos) << problems[1];
  ASSERT_NE(session, nullptr);
  EXPECT_TRUE(session->encrypted());
  session.reset();
  EXPECT_NE(firstBytes(fresh, 16), std::string("SQLite format 3\0", 16));
  EXPECT_EQ(store::inspectDatabaseFile(fresh), store::FileKind::encrypted);
  EXPECT_NO_THROW(store::Database(fresh, {.key = "apple tree by the river"}));
}

// A draft visit with `family`, opened in the editor.
app::VisitEditor* openDraftVisit(app::MainFrame& frame, model::Id family) {
  auto& session = frame.session();
  const auto record = session.store().loadFamily(family);
  const forms::Form* form = session.formForNewVisits();
  model::Visit draft;
  draft.family_id = family;
  draft.date = model::Date::today();
  draft.form_id = form->id;
  draft.form_version = form->version;
  model::ObservationSet set;
  set.caregiver_id = record.caregivers.front().id;
  set.child_id = record.children.front().id;
  draft.sets.push_back(set);
  const auto visit_id = service::recordVisit(session.store(), session.catalog(), draft);
  auto* editor = app::openVisitEditor(&frame, session, visit_id);
  if (editor != nullptr) {
    editor->SetPosition(wxPoint(100, 60));
    editor->SetSize(wxSize(1100, 700));
  }
  pump(400);
  return editor;
}

TEST_F(SecurityTest, IdleLockHidesEveryFamily) {
  auto* frame = showFrame();
  frame->selectFamily(frame->session().store().listFamilies()[1].family.id);
  ASSERT_NE(openDraftVisit(*frame, frame->session().store().listFamilies()[1].family.id), nullptr);
  ASSERT_FALSE(shownFamilyText().empty());  // the check below does see names
  frame->setIdleLimit(std::chrono::seconds(1));
  pump(800);
  EXPECT_FALSE(frame->locked()) << "locked before the idle time";
  pump(1700);

  EXPECT_TRUE(frame->locked());
  for (wxWindow* window : wxTopLevelWindows)
    EXPECT_EQ(dynamic_cast<app::VisitEditor*>(window), nullptr) << "a visit editor is still open";
  const auto shown = shownFamilyText();
  EXPECT_TRUE(shown.empty()) << "still shown: " << shown.front();
  EXPECT_TRUE(frame->lockPanel().IsShown());
  EXPECT_EQ(frame->caseload().list().GetItemCount(), 0);
  screenshot("locked_window");
}

TEST_F(SecurityTest, LockingSavesTheNoteStillBeingTyped) {
  auto* frame = showFrame();
  const model::Id bui = frame->session().store().listFamilies()[1].family.id;
  auto* editor = openDraftVisit(*frame, bui);
  ASSERT_NE(editor, nullptr);
  const model::Id visit_id = editor->visitId();
  const std::string item = editor->row(0).item().id;
  wxUIActionSimulator sim;
  sim.MouseMove(editor->GetScreenRect().GetPosition() + wxPoint(40, 40));
  pump(50);
  editor->row(0).note().SetFocus();
  pump(50);
  sim.Text("Calm all visit");
  pump(100);  // less than the pause after which the editor saves a note
  auto savedNote = [&] {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    const auto* observation = store.visit(visit_id).sets.at(0).find(item);
    return observation != nullptr ? observation->note : std::string();
  };
  ASSERT_EQ(savedNote(), "") << "the note was saved before the lock; the test proves nothing";
  frame->lock();
  pump(100);
  EXPECT_TRUE(frame->locked());
  EXPECT_EQ(savedNote(), "Calm all visit");
}

TEST_F(SecurityTest, TheQuickHandoutStillWorksWhileLocked) {
  auto* frame = showFrame();
  frame->lock();
  pump(100);
  ASSERT_TRUE(frame->locked());
  bool saw_dialog = false;
  whenModalOpens([&](wxDialog& dialog) {
    auto& quick = dynamic_cast<app::QuickHandoutDialog&>(dialog);
    saw_dialog = true;
    quick.childName().SetValue("Ivy");
    pressOk(dialog);
  });
  click(frame->lockPanel().quickHandoutButton());
  pump(100);
  EXPECT_TRUE(saw_dialog);
  const auto file = out_ / ("handout-en-" + model::Date::today().iso() + ".pdf");
  ASSERT_TRUE(fs::exists(file));
  EXPECT_EQ(firstBytes(file, 5), "%PDF-");
  EXPECT_NE(
      run("qpdf --check '" + file.string() + "' 2>&1").find("No syntax or stream encoding errors"),
      std::string::npos);
  EXPECT_NE(run("pdftotext -q '" + file.string() + "' -").find("Ivy"), std::string::npos);
}

TEST_F(SecurityTest, UnlockingBringsTheViewBack) {
  auto* frame = showFrame();
  const model::Id clarke = frame->session().store().listFamilies()[2].family.id;
  frame->selectFamily(clarke);
  pump(100);
  frame->lock();
  pump(100);
  auto& panel = frame->lockPanel();
  panel.passphrase().SetValue("a wrong passphrase");
  panel.tryUnlock();
  pump(100);
  EXPECT_TRUE(frame->locked());
  EXPECT_NE(oneLine(panel.problem()).find("Wrong passphrase"), std::string::npos)
      << oneLine(panel.problem());
  screenshot("locked_window_wrong_passphrase");

  panel.passphrase().SetValue(kTestKey);
  panel.tryUnlock();
  pump(200);
  ASSERT_FALSE(frame->locked());
  EXPECT_FALSE(panel.IsShown());
  EXPECT_EQ(frame->caseload().list().GetItemCount(), 3);
  EXPECT_EQ(frame->familyPanel().familyId(), std::optional<model::Id>(clarke));
  EXPECT_FALSE(shownFamilyText().empty());
  screenshot("unlocked_again");
}

TEST_F(SecurityTest, CtrlLLocksAtOnce) {
  auto* frame = showFrame();
  wxUIActionSimulator sim;
  sim.MouseMove(frame->GetScreenRect().GetPosition() + wxPoint(300, 300));
  pump(50);
  frame->caseload().list().SetFocus();
  pump(50);
  sim.Char('l', wxMOD_CONTROL);
  pump(300);
  EXPECT_TRUE(frame->locked());
  EXPECT_TRUE(shownFamilyText().empty());
}

TEST_F(SecurityTest, ChangesThePassphraseThroughTheDialog) {
  auto* frame = showFrame();
  std::string wrong_current;
  whenModalOpens([&](wxDialog& dialog) {
    auto& change = dynamic_cast<app::NewPassphraseDialog&>(dialog);
    ASSERT_NE(change.current(), nullptr);
    change.current()->SetValue("not the current one");
    change.passphrase().SetValue("river stones at dawn");
    change.confirm().SetValue("river stones at dawn");
    pressOk(dialog);
    wrong_current = oneLine(change.problem());
    change.current()->SetValue(kTestKey);
    change.passphrase().SetValue("river stones at dawn");
    change.confirm().SetValue("river stones at dawn");
    pump(100);
    screenshot("change_passphrase_dialog");
    pressOk(dialog);
  });
  frame->changePassphrase();
  pump(100);
  EXPECT_NE(wrong_current.find("not right"), std::string::npos) << wrong_current;
  closeAllWindows();
  EXPECT_THROW(store::Database(file_, {.key = kTestKey}), Error);
  store::Database db(file_, {.key = "river stones at dawn"});
  store::Store store(db, "test");
  EXPECT_EQ(store.listFamilies().size(), 3u);
}

TEST_F(SecurityTest, LockingEndsAnOpenDialogFirst) {
  auto* frame = showFrame();
  bool was_open = false;
  whenModalOpens([&](wxDialog& dialog) {
    was_open = dialog.IsShown();
    frame->lock();  // as the idle timer does, inside the dialog's loop
  });
  frame->familyPanel().editFamily();
  pump(300);
  EXPECT_TRUE(was_open);
  EXPECT_TRUE(frame->locked());
  for (wxWindow* window : wxTopLevelWindows)
    if (!wxPendingDelete.Member(window)) {
      EXPECT_EQ(dynamic_cast<wxDialog*>(window), nullptr) << "a dialog is still open";
    }
  EXPECT_TRUE(shownFamilyText().empty());
  frame->lockPanel().passphrase().SetValue(kTestKey);
  frame->lockPanel().tryUnlock();
  pump(100);
  EXPECT_FALSE(frame->locked());
}

// Calls `call` once, `ms` from now, from whatever event loop is running then.
class Later : public wxTimer {
 public:
  Later(int ms, std::function<void()> call) : call_(std::move(call)) { StartOnce(ms); }
  void Notify() override { call_(); }

 private:
  std::function<void()> call_;
};

TEST_F(SecurityTest, LockingEndsAMessageBoxOfTheVisitEditor) {
  auto* frame = showFrame();
  auto* editor = openDraftVisit(*frame, frame->session().store().listFamilies()[0].family.id);
  ASSERT_NE(editor, nullptr);
  bool shown_while_asking = false;
  Later lock(800, [&] {
    // A native message box: not among wxTopLevelWindows, but the hook knows it.
    shown_while_asking = app::ModalDialogs::instance().anyOpen();
    screenshot("sign_question_before_lock");
    frame->lock();
  });
  // Unanswered items: the editor asks before signing, and the lock comes while it asks.
  EXPECT_FALSE(editor->sign(true));
  pump(400);
  EXPECT_TRUE(shown_while_asking);
  EXPECT_TRUE(frame->locked());
  for (wxWindow* window : wxTopLevelWindows)
    EXPECT_EQ(dynamic_cast<app::VisitEditor*>(window), nullptr) << "a visit editor is still open";
  EXPECT_TRUE(shownFamilyText().empty());
}

}  // namespace
}  // namespace securebase::testing
