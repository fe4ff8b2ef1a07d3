// The visit editor: a visit recorded with the keyboard only, every answer in the database at
// once and the note after the pause in typing; a signed visit refuses edits; the side panel's
// preview is what the handout prints.
#include "visit_editor.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <sstream>
#include <string>
#include <vector>

#include "caseload_panel.h"
#include "gui_support.h"
#include "item_row.h"
#include "main_frame.h"
#include "new_visit.h"
#include "pdf_output.h"
#include "securebase/handout/builder.h"
#include "securebase/service/visits.h"
#include "securebase/store/audit_chain.h"
#include "temp_dir.h"
#include "visit_side_panel.h"

namespace securebase::testing {
namespace {

// The words of `text`, split at any white space.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

class VisitEditorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    ids_ = addTestFamily(store, "Nguyen family", "Lan", "Minh");
  }
  void TearDown() override { closeAllWindows(); }

  app::MainFrame* showFrame() { return showMainFrame(file_); }

  static app::VisitEditor* openEditor() {
    for (wxWindow* window : wxTopLevelWindows)
      if (auto* editor = dynamic_cast<app::VisitEditor*>(window)) return editor;
    return nullptr;
  }

  static void pointAt(wxWindow& window) {
    wxUIActionSimulator sim;
    sim.MouseMove(window.GetScreenRect().GetPosition() + wxPoint(40, 40));
    pump(50);
  }

  static void key(int code) {
    wxUIActionSimulator sim;
    sim.Char(code);
    pump(60);
  }

  // Ctrl+N on the selected family opens the new-visit dialog; Enter accepts its defaults. The
  // editor that opens, placed and pointed at so keys reach it.
  static app::VisitEditor* newVisitByKeyboard(app::MainFrame& frame,
                                              const std::string& dialog_screenshot = "") {
    pointAt(frame);
    whenModalOpens([dialog_screenshot](wxDialog&) {
      if (!dialog_screenshot.empty()) screenshot(dialog_screenshot);
      key(WXK_RETURN);
    });
    wxUIActionSimulator sim;
    sim.Char('n', wxMOD_CONTROL);
    pump(600);
    app::VisitEditor* editor = openEditor();
    if (editor == nullptr) return nullptr;
    editor->SetPosition(wxPoint(0, 0));
    editor->SetSize(wxSize(1280, 800));
    pump(300);
    pointAt(*editor);
    return editor;
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "visits.db";
  TestFamily ids_;
};

TEST_F(VisitEditorTest, RecordsAVisitWithTheKeyboardOnly) {
  auto* frame = showFrame();
  app::VisitEditor* editor = newVisitByKeyboard(*frame, "new_visit_dialog");
  ASSERT_NE(editor, nullptr);
  wxUIActionSimulator sim;

  key('2');  // responds-to-cry: Clearly
  key(WXK_DOWN);
  key('0');  // reads-different-cries: Not yet (an answer, not a gap)
  key(WXK_DOWN);
  key('n');      // holds-to-comfort: not observed
  key(WXK_TAB);  // to its note
  sim.Text("Baby asleep the whole visit");
  pump(50);
  key(WXK_DOWN);
  key('1');  // soft-voice: Sometimes
  pump(app::VisitEditor::kNoteDelayMs + 300);
  screenshot("visit_editor_keyboard_entry");

  const model::Visit visit = frame->session().store().visit(editor->visitId());
  ASSERT_EQ(visit.sets.size(), 1u);
  const auto& set = visit.sets[0];
  ASSERT_NE(set.find("responds-to-cry"), nullptr);
  EXPECT_EQ(set.find("responds-to-cry")->value, "2");
  ASSERT_NE(set.find("reads-different-cries"), nullptr);
  EXPECT_EQ(set.find("reads-different-cries")->value, "0");
  ASSERT_NE(set.find("holds-to-comfort"), nullptr);
  EXPECT_TRUE(set.find("holds-to-comfort")->not_observed);
  EXPECT_EQ(set.find("holds-to-comfort")->note, "Baby asleep the whole visit");
  ASSERT_NE(set.find("soft-voice"), nullptr);
  EXPECT_EQ(set.find("soft-voice")->value, "1");
  EXPECT_EQ(set.observations.size(), 4u);
}

TEST_F(VisitEditorTest, ASignedVisitRefusesEdits) {
  auto* frame = showFrame();
  model::Visit draft;
  draft.family_id = ids_.family;
  draft.date = model::Date::today();
  const forms::Form* form = frame->session().formForNewVisits();
  ASSERT_NE(form, nullptr);
  draft.form_id = form->id;
  draft.form_version = form->version;
  model::ObservationSet set;
  set.caregiver_id = ids_.caregiver;
  set.child_id = ids_.child;
  set.observations.push_back({"responds-to-cry", false, "1", "", false});
  draft.sets.push_back(set);
  const model::Id id =
      service::recordVisit(frame->session().store(), frame->session().catalog(), draft);

  app::VisitEditor* editor = app::openVisitEditor(frame, frame->session(), id);
  ASSERT_NE(editor, nullptr);
  editor->SetPosition(wxPoint(0, 0));
  editor->SetSize(wxSize(1280, 800));
  pump(300);
  ASSERT_TRUE(editor->sign(/*ask=*/false));
  EXPECT_TRUE(editor->readOnly());
  // The audit chain's head after signing, as `visit sign` and the report print it.
  const std::string head = store::auditHead(frame->session().database());
  EXPECT_NE(editor->signedLine().utf8_string().find("audit head " + head.substr(0, 16)),
            std::string::npos)
      << editor->signedLine().utf8_string();
  pump(100);
  pointAt(*editor);
  editor->moveTo(0);
  key('2');
  key(WXK_DOWN);
  key('0');
  pump(100);
  screenshot("signed_visit_read_only");

  const model::Visit stored = frame->session().store().visit(id);
  EXPECT_TRUE(stored.isSigned());
  ASSERT_EQ(stored.sets[0].observations.size(), 1u);
  EXPECT_EQ(stored.sets[0].find("responds-to-cry")->value, "1");
  EXPECT_FALSE(editor->row(0).answerKey('2'));
}

// Issue 10, problem 5: the preview listed five strengths and the PDF four. A visit rated in the
// editor shows in its side panel exactly the strengths its handout prints, in the same order.
TEST_F(VisitEditorTest, ThePreviewShowsTheStrengthsTheHandoutPrints) {
  const std::filesystem::path out = dir_ / "out";
  std::filesystem::create_directories(out);
  app::setPdfFolderWithoutAsking(out);
  auto* frame = showFrame();
  app::VisitEditor* editor = newVisitByKeyboard(*frame);
  ASSERT_NE(editor, nullptr);
  // More practices seen clearly than the handout has room for, and some to try.
  for (const int rating : {'2', '2', '1', '2', '2', '0', '2', '2', '2', '1'}) {
    key(rating);
    key(WXK_DOWN);
  }
  pump(200);
  screenshot("visit_editor_preview_strengths");

  wxArrayString preview = editor->sidePanel().shownStrengths();
  ASSERT_EQ(preview.size(), handout::kMaxStrengths) << "the visit should fill the box";
  const auto pdf = editor->handout();
  app::setPdfFolderWithoutAsking(std::nullopt);
  ASSERT_TRUE(pdf.has_value());
  // The box "What we saw today" up to the next heading, bullets dropped, spaces collapsed. Both
  // are in the first page's left column (x < 300 pt on Letter and A4): read that column alone,
  // so poppler's reading order cannot slip the right column's text in between.
  std::string text =
      run("pdftotext -q -f 1 -l 1 -x 0 -y 0 -W 300 -H 900 '" + pdf->string() + "' - 2>/dev/null");
  const auto start = text.find("What we saw today");
  const auto end = text.find("Things to try this week");
  ASSERT_NE(start, std::string::npos) << text;
  ASSERT_NE(end, std::string::npos) << text;
  std::string printed;
  for (const std::string& word : words(text.substr(start, end - start)))
    if (word != "\u2022") printed += (printed.empty() ? "" : " ") + word;
  std::string shown = "What we saw today";
  for (const wxString& strength : preview)
    for (const std::string& word : words(strength.utf8_string())) shown += " " + word;
  EXPECT_EQ(printed, shown);
}

}  // namespace
}  // namespace securebase::testing
