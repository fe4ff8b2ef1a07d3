// A counselor's day in the visit editor without traps (issue 14): the window's shortcuts
// (Ctrl+Return signs after saying signing is final, Ctrl+P, Ctrl+W, Esc), mnemonics, a focus
// ring and chosen answers readable in a signed visit, undo and redo through the one save path,
// Discard Draft, a reason for every amendment, a referral offered when a concern is marked, and
// the long answers of "next step" shown whole.
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/image.h>
#include <wx/imagpng.h>
#include <wx/listctrl.h>
#include <wx/log.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>
#include <wx/uiaction.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "caseload_list.h"
#include "caseload_panel.h"
#include "family_panel.h"
#include "follow_up_page.h"
#include "gui_support.h"
#include "item_row.h"
#include "main_frame.h"
#include "new_visit.h"
#include "pdf_output.h"
#include "securebase/core/error.h"
#include "securebase/service/visits.h"
#include "temp_dir.h"
#include "visit_dialogs.h"
#include "visit_editor.h"
#include "visit_fixture.h"
#include "visits_page.h"

namespace securebase::testing {
namespace {

void pointAt(wxWindow& window) {
  wxUIActionSimulator sim;
  sim.MouseMove(window.GetScreenRect().GetPosition() + wxPoint(40, 40));
  pump(50);
}

void key(int code, int modifiers = wxMOD_NONE) {
  wxUIActionSimulator sim;
  sim.Char(code, modifiers);
  pump(80);
}

void type(const std::string& text) {
  wxUIActionSimulator sim;
  sim.Text(text.c_str());
  pump(80);
}

app::VisitEditor* openEditor() {
  for (wxWindow* window : wxTopLevelWindows)
    if (auto* editor = dynamic_cast<app::VisitEditor*>(window); editor && editor->IsShown())
      return editor;
  return nullptr;
}

// Every label of static text under `window`, joined by new lines.
std::string allLabels(wxWindow& window) {
  std::string text;
  for (wxWindow* child : window.GetChildren()) {
    if (auto* label = dynamic_cast<wxStaticText*>(child))
      text += label->GetLabel().utf8_string() + "\n";
    text += allLabels(*child);
  }
  return text;
}

template <typename T>
void collect(wxWindow& window, std::vector<T*>& out) {
  for (wxWindow* child : window.GetChildren()) {
    if (auto* found = dynamic_cast<T*>(child)) out.push_back(found);
    collect(*child, out);
  }
}

// WCAG contrast ratio of two colours.
double contrast(const wxColour& a, const wxColour& b) {
  auto luminance = [](const wxColour& c) {
    auto channel = [](unsigned char v) {
      const double s = v / 255.0;
      return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.Red()) + 0.7152 * channel(c.Green()) + 0.0722 * channel(c.Blue());
  };
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::size_t rowOf(app::VisitEditor& editor, const std::string& item_id) {
  for (std::size_t i = 0; i < editor.rowCount(); ++i)
    if (editor.row(i).item().id == item_id) return i;
  return editor.rowCount();
}

class VisitDayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    ids_ = addTestFamily(store, "Nguyen family", "Lan", "Minh");
    std::filesystem::create_directories(pdfs_);
    app::setPdfFolderWithoutAsking(pdfs_);
  }
  void TearDown() override {
    app::setPdfFolderWithoutAsking(std::nullopt);
    closeAllWindows();
  }

  app::MainFrame* showFrame() {
    frame_ = showMainFrame(file_);
    frame_->selectFamily(ids_.family);
    pump(200);
    return frame_;
  }
  store::Store& store() { return frame_->session().store(); }

  // The editor of `visit`, placed at the top left at 1280×800 and pointed at so keys reach it.
  app::VisitEditor* edit(model::Id visit, wxSize size = wxSize(1280, 800)) {
    app::VisitEditor* editor = app::openVisitEditor(frame_, frame_->session(), visit);
    if (editor == nullptr) return nullptr;
    editor->SetPosition(wxPoint(0, 0));
    editor->SetSize(size);
    pump(400);
    pointAt(*editor);
    return editor;
  }

  // An empty draft of today.
  model::Id emptyDraft() {
    const forms::Form* form = frame_->session().formForNewVisits();
    model::Visit draft;
    draft.family_id = ids_.family;
    draft.date = model::Date::today();
    draft.form_id = form->id;
    draft.form_version = form->version;
    model::ObservationSet set;
    set.caregiver_id = ids_.caregiver;
    set.child_id = ids_.child;
    draft.sets.push_back(set);
    return service::recordVisit(store(), frame_->session().catalog(), draft);
  }

  std::vector<std::filesystem::path> pdfs() const {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(pdfs_))
      if (entry.path().extension() == ".pdf") files.push_back(entry.path());
    return files;
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "day.db";
  std::filesystem::path pdfs_ = dir_ / "pdfs";
  TestFamily ids_;
  app::MainFrame* frame_ = nullptr;
};

TEST_F(VisitDayTest, CtrlReturnSaysSigningIsFinalAndCancelKeepsTheDraft) {
  showFrame();
  const model::Id id =
      recordRatedDraft(store(), frame_->session().catalog(), ids_, 0, 1, /*concern=*/false);
  app::VisitEditor* editor = edit(id);
  ASSERT_NE(editor, nullptr);

  std::string asked;
  whenModalOpens([&](wxDialog& dialog) {
    if (auto* box = dynamic_cast<app::ConfirmDialog*>(&dialog))
      asked = box->message().utf8_string();
    screenshot("visit_sign_confirmation");
    key(WXK_ESCAPE);
  });
  key(WXK_RETURN, wxMOD_CONTROL);
  pump(300);
  EXPECT_NE(asked.find("Signing is final"), std::string::npos) << asked;
  EXPECT_FALSE(store().visit(id).isSigned());
  EXPECT_FALSE(editor->readOnly());

  whenModalOpens([](wxDialog&) { key(WXK_RETURN); });
  key(WXK_RETURN, wxMOD_CONTROL);
  pump(300);
  EXPECT_TRUE(store().visit(id).isSigned());
  EXPECT_TRUE(editor->readOnly());
}

TEST_F(VisitDayTest, CtrlPMakesTheHandoutAndCtrlWAndEscClose) {
  showFrame();
  const model::Id id =
      recordRatedVisit(store(), frame_->session().catalog(), ids_, 0, 2, /*concern=*/false);
  ASSERT_NE(edit(id), nullptr);
  key('p', wxMOD_CONTROL);
  pump(500);
  EXPECT_EQ(pdfs().size(), 1u);

  key('w', wxMOD_CONTROL);
  pump(300);
  EXPECT_EQ(openEditor(), nullptr) << "Ctrl+W left the visit open";

  ASSERT_NE(edit(id), nullptr);
  key(WXK_ESCAPE);
  pump(300);
  EXPECT_EQ(openEditor(), nullptr) << "Esc left the visit open";
}

TEST_F(VisitDayTest, EveryButtonOfTheVisitWindowHasAMnemonic) {
  showFrame();
  app::VisitEditor* editor = edit(emptyDraft());
  ASSERT_NE(editor, nullptr);
  std::vector<wxButton*> buttons;
  collect(*editor, buttons);
  std::size_t checked = 0;
  for (wxButton* button : buttons) {
    if (dynamic_cast<wxToggleButton*>(static_cast<wxWindow*>(button)) != nullptr) continue;
    EXPECT_NE(button->GetLabel().Find('&'), wxNOT_FOUND) << button->GetLabel().utf8_string();
    ++checked;
  }
  EXPECT_GE(checked, 3u);
  // Alt+D reaches Discard Draft from the rows; Esc keeps the draft.
  std::string title;
  whenModalOpens([&](wxDialog& dialog) {
    title = dialog.GetTitle().utf8_string();
    key(WXK_ESCAPE);
  });
  key('d', wxMOD_ALT);
  pump(300);
  EXPECT_EQ(title, "Discard draft");
  EXPECT_NO_THROW(store().visit(editor->visitId()));
}

TEST_F(VisitDayTest, TheFocusRingAndChosenAnswersAreClearInASignedVisit) {
  showFrame();
  const model::Id id =
      recordRatedVisit(store(), frame_->session().catalog(), ids_, 0, 2, /*concern=*/false);
  app::VisitEditor* editor = edit(id);
  ASSERT_NE(editor, nullptr);
  editor->moveTo(1);
  pump(300);
  app::ItemRow& row = editor->row(1);
  wxToggleButton* chosen = nullptr;
  for (wxToggleButton* button : row.answerButtons())
    if (button->GetValue()) chosen = button;
  ASSERT_NE(chosen, nullptr);
  // Not greyed out, dark text on its colour, and told by more than colour.
  EXPECT_TRUE(chosen->IsEnabled());
  EXPECT_GE(contrast(chosen->GetForegroundColour(), chosen->GetBackgroundColour()), 4.5);
  EXPECT_TRUE(chosen->GetLabel().StartsWith(wxString::FromUTF8("\u2713")))
      << chosen->GetLabel().utf8_string();
  EXPECT_EQ(wxWindow::FindFocus(), chosen);

  // The ring as painted on screen: its top edge in the ring's colour.
  const wxRect ring = row.focusRing();
  ASSERT_FALSE(ring.IsEmpty());
  const auto shot = screenshot("signed_visit_focus_ring");
  if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) wxImage::AddHandler(new wxPNGHandler);
  wxImage image;
  {
    wxLogNull quiet;  // a failure is the assertion's to report, not a message box's
    ASSERT_TRUE(image.LoadFile(wxString(shot.string()), wxBITMAP_TYPE_PNG));
  }
  const wxPoint top = row.ClientToScreen(wxPoint(ring.x + ring.width / 2, ring.y + 1));
  const wxColour seen(image.GetRed(top.x, top.y), image.GetGreen(top.x, top.y),
                      image.GetBlue(top.x, top.y));
  const wxColour want = app::ItemRow::focusRingColour();
  EXPECT_LE(std::abs(seen.Red() - want.Red()) + std::abs(seen.Green() - want.Green()) +
                std::abs(seen.Blue() - want.Blue()),
            30)
      << seen.GetAsString(wxC2S_HTML_SYNTAX).utf8_string();
  EXPECT_GE(contrast(want, row.GetBackgroundColour()), 7.0);
  // Still refuses edits.
  key('0');
  EXPECT_EQ(store().visit(id).sets[0].find(row.item().id)->value, "2");
}

TEST_F(VisitDayTest, UndoAndRedoFollowTheDatabase) {
  showFrame();
  const model::Id id = emptyDraft();
  app::VisitEditor* editor = edit(id);
  ASSERT_NE(editor, nullptr);
  wxMenuBar* menus = editor->GetMenuBar();
  ASSERT_NE(menus, nullptr);
  ASSERT_NE(menus->FindMenu("Edit"), wxNOT_FOUND);
  EXPECT_FALSE(menus->IsEnabled(wxID_UNDO));

  editor->moveTo(0);
  key('2');
  key(WXK_DOWN);
  key('0');
  key(WXK_TAB);
  type("slept");
  pump(app::VisitEditor::kNoteDelayMs + 300);
  const std::string first = editor->row(0).item().id, second = editor->row(1).item().id;
  auto answer = [&](const std::string& item) -> std::optional<model::Observation> {
    const auto visit = store().visit(id);
    if (const auto* found = visit.sets[0].find(item)) return *found;
    return std::nullopt;
  };
  ASSERT_TRUE(answer(second).has_value());
  EXPECT_EQ(answer(second)->note, "slept");
  EXPECT_TRUE(menus->IsEnabled(wxID_UNDO));

  key('z', wxMOD_CONTROL);  // the note
  EXPECT_EQ(answer(second)->note, "");
  EXPECT_EQ(editor->row(1).note().GetValue(), "");
  key('z', wxMOD_CONTROL);  // the rating of the second row
  EXPECT_FALSE(answer(second).has_value());
  key('z', wxMOD_CONTROL);  // the rating of the first row
  EXPECT_FALSE(answer(first).has_value());
  EXPECT_FALSE(menus->IsEnabled(wxID_UNDO));
  EXPECT_TRUE(menus->IsEnabled(wxID_REDO));

  key('z', wxMOD_CONTROL | wxMOD_SHIFT);
  ASSERT_TRUE(answer(first).has_value());
  EXPECT_EQ(answer(first)->value, "2");
  key('y', wxMOD_CONTROL);
  ASSERT_TRUE(answer(second).has_value());
  EXPECT_EQ(answer(second)->value, "0");
  screenshot("visit_undo_redo");
}

TEST_F(VisitDayTest, DiscardDraftLeavesEveryListAndTheAuditKeepsARow) {
  showFrame();
  recordRatedVisit(store(), frame_->session().catalog(), ids_, 10, 2, false);
  const model::Id draft = recordRatedDraft(store(), frame_->session().catalog(), ids_, 0, 1, false);
  frame_->refreshViews();
  pump(200);
  ASSERT_TRUE(frame_->caseload().list().shownRow(0).summary.draft_date.has_value());
  ASSERT_NE(allLabels(frame_->familyPanel()).find("in progress"), std::string::npos);
  ASSERT_EQ(frame_->familyPanel().visits().count(), 2);

  app::VisitEditor* editor = edit(draft);
  ASSERT_NE(editor, nullptr);
  std::string asked;
  whenModalOpens([&](wxDialog& dialog) {
    if (auto* box = dynamic_cast<app::ConfirmDialog*>(&dialog))
      asked = box->message().utf8_string();
    screenshot("visit_discard_confirmation");
    key(WXK_RETURN);
  });
  key('d', wxMOD_ALT);
  pump(500);
  EXPECT_NE(asked.find("Discard this draft visit?"), std::string::npos) << asked;
  EXPECT_EQ(openEditor(), nullptr);
  EXPECT_THROW(store().visit(draft), Error);
  EXPECT_FALSE(frame_->caseload().list().shownRow(0).summary.draft_date.has_value());
  EXPECT_EQ(allLabels(frame_->familyPanel()).find("in progress"), std::string::npos);
  EXPECT_EQ(frame_->familyPanel().visits().count(), 1);
  const auto trail = store().auditTrail("visit", draft);
  ASSERT_FALSE(trail.empty());
  EXPECT_EQ(trail.back().action, "discard");
  EXPECT_EQ(trail.back().actor, kTestCounselor);
}

TEST_F(VisitDayTest, ASignedVisitOffersNoDiscardAndTheCoreRefusesIt) {
  showFrame();
  const model::Id id = recordRatedVisit(store(), frame_->session().catalog(), ids_, 0, 2, false);
  app::VisitEditor* editor = edit(id);
  ASSERT_NE(editor, nullptr);
  EXPECT_FALSE(editor->discardDraft(/*ask=*/false));
  EXPECT_FALSE(editor->GetMenuBar()->IsEnabled(wxID_DELETE));
  EXPECT_THROW(store().discardVisit(id), Error);
  EXPECT_TRUE(store().visit(id).isSigned());
}

TEST_F(VisitDayTest, AmendAsksForAReasonShownInTheHistory) {
  showFrame();
  const model::Id id = recordRatedVisit(store(), frame_->session().catalog(), ids_, 0, 2, false);
  app::VisitEditor* editor = edit(id);
  ASSERT_NE(editor, nullptr);
  std::string refused;
  whenModalOpens([&](wxDialog& dialog) {
    key(WXK_RETURN);  // an empty reason is refused, and the dialog stays
    pump(200);
    if (auto* reason = dynamic_cast<app::AmendReasonDialog*>(&dialog))
      refused = reason->problem().utf8_string();
    screenshot("visit_amend_reason");
    type("Rated the wrong caregiver");
    key(WXK_RETURN);
  });
  key('m', wxMOD_ALT);
  pump(800);
  EXPECT_FALSE(refused.empty());
  app::VisitEditor* amendment = openEditor();
  ASSERT_NE(amendment, nullptr);
  ASSERT_NE(amendment->visitId(), id);
  EXPECT_EQ(store().visit(amendment->visitId()).amend_reason, "Rated the wrong caregiver");
  // The history lists the reason beside the amendment.
  frame_->refreshViews();
  pump(200);
  std::vector<wxListView*> lists;
  collect(frame_->familyPanel().visits(), lists);
  ASSERT_EQ(lists.size(), 1u);
  bool shown = false;
  for (long row = 0; row < lists[0]->GetItemCount(); ++row)
    for (int column = 0; column < lists[0]->GetColumnCount(); ++column)
      if (lists[0]->GetItemText(row, column) == "Rated the wrong caregiver") shown = true;
  EXPECT_TRUE(shown);
}

TEST_F(VisitDayTest, MarkingAConcernOffersAReferralOrAsksWhyNone) {
  showFrame();
  const model::Id id = emptyDraft();
  app::VisitEditor* editor = edit(id);
  ASSERT_NE(editor, nullptr);
  const std::size_t concern = rowOf(*editor, "wellbeing-concern");
  ASSERT_LT(concern, editor->rowCount());

  editor->moveTo(concern);
  pump(100);
  whenModalOpens([](wxDialog& dialog) {
    screenshot("visit_concern_referral");
    EXPECT_NE(dynamic_cast<app::ConcernReferralDialog*>(&dialog), nullptr);
    type("Family doctor");
    key(WXK_RETURN);
  });
  key('1');  // yes: a concern
  pump(600);
  const auto referrals = store().referrals(ids_.family);
  ASSERT_EQ(referrals.size(), 1u);
  EXPECT_EQ(referrals[0].to_whom, "Family doctor");
  EXPECT_EQ(referrals[0].visit_id, id);
  // The caseload's open referrals follow at once; its flag waits for signing, like all counts.
  frame_->refreshViews();
  EXPECT_EQ(frame_->caseload().list().shownRow(0).summary.open_referrals, 1);
  EXPECT_FALSE(frame_->caseload().list().shownRow(0).summary.flagged);

  // Marked again after "no": skipped, then why none was made — a record of its own.
  editor->moveTo(concern);
  key('0');
  whenModalOpens([](wxDialog&) {
    key(WXK_ESCAPE);  // skip the referral
    whenModalOpens([](wxDialog& why) {
      EXPECT_NE(dynamic_cast<app::NoReferralDialog*>(&why), nullptr);
      type("Already sees her doctor");
      key(WXK_RETURN);
    });
  });
  key('1');
  pump(1200);
  const auto after = store().referrals(ids_.family);
  ASSERT_EQ(after.size(), 2u);
  const model::Referral& none = after[1];
  EXPECT_EQ(none.kind, model::ReferralKind::no_referral);
  EXPECT_EQ(none.reason, "Already sees her doctor");
  EXPECT_EQ(none.visit_id, id);
  EXPECT_EQ(none.concern_item, "wellbeing-concern");
  EXPECT_EQ(store().auditTrail("referral", none.id).size(), 1u);
  // The concern's note stays the counselor's own text.
  const model::Visit stored = store().visit(id);
  const auto* answer = stored.sets[0].find("wellbeing-concern");
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(answer->value, "yes");
  EXPECT_EQ(answer->note, "");
  // The family's Referrals page lists it beside the referral, and it is not an open referral.
  frame_->refreshViews();
  pump(200);
  wxListView& list = frame_->familyPanel().referrals().list();
  ASSERT_EQ(list.GetItemCount(), 2);
  EXPECT_EQ(list.GetItemText(1, 0), "No referral made");
  EXPECT_TRUE(list.GetItemText(1, 1).StartsWith("Already sees her doctor"))
      << list.GetItemText(1, 1);
  EXPECT_EQ(frame_->caseload().list().shownRow(0).summary.open_referrals, 1);
}

TEST_F(VisitDayTest, TheNextStepAnswersShowWhole) {
  showFrame();
  for (const int width : {1280, 1400}) {
    app::VisitEditor* editor = edit(emptyDraft(), wxSize(width, 800));
    ASSERT_NE(editor, nullptr);
    const std::size_t index = rowOf(*editor, "next-step");
    ASSERT_LT(index, editor->rowCount());
    editor->moveTo(index);
    pump(400);
    app::ItemRow& row = editor->row(index);
    for (wxToggleButton* button : row.answerButtons()) {
      EXPECT_GE(button->GetSize().x, button->GetBestSize().x)
          << width << " px: " << button->GetLabel().utf8_string();
      // Inside the row, and the row inside the visible rows (they scroll only up and down).
      EXPECT_LE(button->GetRect().GetRight(), row.GetClientSize().x)
          << width << " px: " << button->GetLabel().utf8_string();
      EXPECT_LE(button->GetScreenRect().GetRight(), row.GetParent()->GetScreenRect().GetRight())
          << width << " px: " << button->GetLabel().utf8_string();
      EXPECT_FALSE(button->GetLabel().IsEmpty());
    }
    screenshot("visit_next_step_" + std::to_string(width));
    editor->Close(true);
    pump(200);
  }
}

}  // namespace
}  // namespace securebase::testing

namespace securebase::testing {
namespace {

// Issue 14, "Done when": a visit recorded, rated, signed (with the confirmation), its handout
// printed to PDF, amended with a reason and the amendment discarded — keys only. (The pointer
// is moved over each new window, since without a window manager the keyboard follows it; it
// never clicks.)
TEST_F(VisitDayTest, KeyboardOnlyRecordSignHandoutAmendDiscard) {
  showFrame();
  pointAt(*frame_);
  whenModalOpens([](wxDialog&) { key(WXK_RETURN); });  // the new-visit dialog's defaults
  key('n', wxMOD_CONTROL);
  pump(700);
  app::VisitEditor* editor = openEditor();
  ASSERT_NE(editor, nullptr);
  editor->SetPosition(wxPoint(0, 0));
  editor->SetSize(wxSize(1280, 800));
  pump(300);
  pointAt(*editor);
  const model::Id visit = editor->visitId();

  key('2');
  key(WXK_DOWN);
  key('1');
  key(WXK_DOWN);
  key('n');
  pump(100);

  std::string asked;
  whenModalOpens([&](wxDialog& dialog) {
    if (auto* box = dynamic_cast<app::ConfirmDialog*>(&dialog))
      asked = box->message().utf8_string();
    key(WXK_RETURN);  // "Sign Anyway": most items are still unanswered
  });
  key(WXK_RETURN, wxMOD_CONTROL);
  pump(400);
  EXPECT_NE(asked.find("Signing is final"), std::string::npos) << asked;
  ASSERT_TRUE(store().visit(visit).isSigned());

  key('p', wxMOD_CONTROL);
  pump(600);
  ASSERT_EQ(pdfs().size(), 1u);
  const std::string text = run("pdftotext -q '" + pdfs()[0].string() + "' - 2>/dev/null");
  EXPECT_NE(text.find("Minh"), std::string::npos);

  whenModalOpens([](wxDialog&) {
    type("Second rating was for the other twin");
    key(WXK_RETURN);
  });
  key('m', wxMOD_ALT);
  pump(900);
  app::VisitEditor* amendment = openEditor();
  ASSERT_NE(amendment, nullptr);
  const model::Id amendment_id = amendment->visitId();
  ASSERT_NE(amendment_id, visit);
  EXPECT_EQ(store().visit(amendment_id).amend_reason, "Second rating was for the other twin");
  amendment->SetPosition(wxPoint(0, 0));
  amendment->SetSize(wxSize(1280, 800));
  pump(300);
  pointAt(*amendment);

  whenModalOpens([](wxDialog&) { key(WXK_RETURN); });
  key('d', wxMOD_ALT);
  pump(600);
  EXPECT_EQ(openEditor(), nullptr);
  EXPECT_THROW(store().visit(amendment_id), Error);
  const model::Visit original = store().visit(visit);
  EXPECT_TRUE(original.isSigned());
  EXPECT_FALSE(original.superseded_by.has_value());
  EXPECT_EQ(store().loadFamily(ids_.family).visits.size(), 1u);
}

}  // namespace
}  // namespace securebase::testing
