// The pictures a counselor first sees, at 1280×800 on a database of sample families: the main
// window with a family's chart, the visit editor mid-visit, and Quick Handout. They are checked
// by eye (gui-screenshots/); the asserts only make sure each shows what it should.
#include <gtest/gtest.h>
#include <wx/dialog.h>

#include "caseload_panel.h"
#include "family_panel.h"
#include "gui_support.h"
#include "main_frame.h"
#include "new_visit.h"
#include "securebase/demo/demo.h"
#include "securebase/service/scoring.h"
#include "securebase/service/visits.h"
#include "temp_dir.h"
#include "trend_panel.h"
#include "visit_editor.h"

namespace securebase::testing {
namespace {

class ScreenshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    auto catalog = std::make_shared<const forms::FormCatalog>(forms::FormCatalog::loadDefault());
    service::enableScoring(store, catalog);
    store.setSetting("clinic.name", "Eastside Family Clinic");
    demo::DemoOptions options;
    options.families = 24;
    demo::generateDemo(store, *catalog->latest("attachment-practices"), options);
  }
  void TearDown() override { closeAllWindows(); }

  app::MainFrame* showFrame() { return showMainFrame(file_); }

  // The shown family with the most completed visits: the richest chart.
  static model::Id familyWithMostVisits(app::MainFrame& frame) {
    auto& list = frame.caseload().list();
    model::Id best = list.shownRow(0).summary.family.id;
    std::size_t most = 0;
    for (std::size_t i = 0; i < list.shownCount(); ++i) {
      const auto id = list.shownRow(i).summary.family.id;
      std::size_t completed = 0;
      for (const auto& visit : frame.session().store().loadFamily(id).visits)
        if (visit.isCurrent() && visit.outcome == model::VisitOutcome::completed) ++completed;
      if (completed > most) {
        most = completed;
        best = id;
      }
    }
    return best;
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "sample.db";
};

TEST_F(ScreenshotTest, MainWindowWithTheTrendChart) {
  auto* frame = showFrame();
  frame->selectFamily(familyWithMostVisits(*frame));
  pump(400);
  ASSERT_TRUE(frame->familyPanel().trend().chart().has_value());
  EXPECT_GE(frame->familyPanel().trend().chart()->x_labels.size(), 3u);
  screenshot("screen_main_window");
}

TEST_F(ScreenshotTest, VisitEditorMidVisit) {
  auto* frame = showFrame();
  const auto family_id = familyWithMostVisits(*frame);
  frame->selectFamily(family_id);
  auto& store = frame->session().store();
  const auto record = store.loadFamily(family_id);
  const forms::Form* form = frame->session().formForNewVisits();
  ASSERT_NE(form, nullptr);
  model::Visit draft;
  draft.family_id = family_id;
  draft.date = model::Date::today();
  draft.place = "Home";
  draft.form_id = form->id;
  draft.form_version = form->version;
  model::ObservationSet set;
  set.caregiver_id = record.caregivers.front().id;
  set.child_id = record.children.front().id;
  // The first section answered, one with a note, then the counselor is on the next item.
  const auto& first = form->sections.front().items;
  for (std::size_t i = 0; i + 1 < first.size(); ++i) {
    model::Observation o;
    o.item_id = first[i].id;
    o.value = std::to_string(static_cast<int>(i % 3 == 1 ? 1 : 2));
    if (i == 2) o.note = "Picked him up as soon as he fussed";
    set.observations.push_back(o);
  }
  draft.sets.push_back(set);
  const auto visit_id = service::recordVisit(store, frame->session().catalog(), draft);
  auto* editor = app::openVisitEditor(frame, frame->session(), visit_id);
  ASSERT_NE(editor, nullptr);
  editor->SetPosition(wxPoint(0, 0));
  editor->SetSize(wxSize(1280, 800));
  pump(600);
  EXPECT_EQ(editor->builtRowCount(), editor->rowCount());
  EXPECT_EQ(editor->currentRow(), first.size() - 1);
  screenshot("screen_visit_editor_mid_visit");
}

TEST_F(ScreenshotTest, QuickHandoutDialog) {
  auto* frame = showFrame();
  bool shown = false;
  whenModalOpens([&](wxDialog& dialog) {
    pump(200);
    shown = true;
    screenshot("screen_quick_handout");
    dialog.EndModal(wxID_CANCEL);
  });
  frame->quickHandout();
  EXPECT_TRUE(shown);
}

}  // namespace
}  // namespace securebase::testing
