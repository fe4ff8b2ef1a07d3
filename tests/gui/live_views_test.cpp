// Live views: what changes in the database shows in the open window without a restart — at
// once after a change made in the window, within 2 seconds after a change by another program
// (here the real CLI importing an export into the same file), keeping selection and scroll.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "caseload_panel.h"
#include "family_panel.h"
#include "gui_support.h"
#include "main_frame.h"
#include "securebase/store/database.h"
#include "temp_dir.h"
#include "visit_editor.h"
#include "visit_fixture.h"

namespace securebase::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The shown row of the family named `name`, or -1.
long rowOf(app::CaseloadList& list, const std::string& name) {
  for (long row = 0; row < list.GetItemCount(); ++row)
    if (list.GetItemText(row, 0).utf8_string() == name) return row;
  return -1;
}

// Pumps events until `done` or `limit` passes; returns how long it took (limit when never).
std::chrono::milliseconds pumpUntil(const std::function<bool()>& done,
                                    std::chrono::milliseconds limit) {
  const auto start = Clock::now();
  while (!done() && Clock::now() - start < limit) pump(20);
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

class LiveViewsTest : public ::testing::Test {
 protected:
  void TearDown() override { closeAllWindows(); }

  app::MainFrame* showFrame(int width = 1280, int height = 800) {
    return showMainFrame(file_, width, height);
  }

  TempDir dir_;
  fs::path file_ = dir_ / "caseload.db";
};

TEST_F(LiveViewsTest, SigningShowsAtOnceAndACommandLineImportWithinTwoSecondsKeepingSelection) {
  TestFamily bui;
  {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    addTestFamily(store, "Alvarez family");
    bui = addTestFamily(store, "Bui family");
    addTestFamily(store, "Clarke family", "Jo", "Mia");
  }
  // The export another counselor sends: two families the open file does not have.
  const fs::path key = writeKeyFile(dir_.path());
  const fs::path other = dir_ / "other.db";
  {
    store::Database db(other, {.key = kTestKey});
    store::Store store(db, "test");
    addTestFamily(store, "Diaz family");
    addTestFamily(store, "Evans family");
  }
  const fs::path exported = dir_ / "export.json";
  ASSERT_EQ(runCli("export -o '" + exported.string() + "' --db '" + other.string() + "'", key), 0);

  auto* frame = showFrame();
  auto& list = frame->caseload().list();
  frame->selectFamily(bui.family);
  pump(100);
  ASSERT_EQ(list.GetItemText(rowOf(list, "Bui family"), 3), wxString::FromUTF8("—"));

  // A visit recorded and signed in this window shows in the caseload at once.
  auto& session = frame->session();
  const model::Id visit = recordRatedDraft(session.store(), session.catalog(), bui, 3, 2, false);
  auto* editor = new app::VisitEditor(frame, session, visit);
  editor->Show();
  pump(300);
  ASSERT_TRUE(editor->sign(false));
  pump(1500);  // the window checks for changes every second
  const std::string visit_date = model::Date::today().plusDays(-3).iso();
  EXPECT_EQ(list.GetItemText(rowOf(list, "Bui family"), 3).utf8_string(), visit_date);
  EXPECT_EQ(list.selectedFamily(), bui.family);

  // The CLI imports into the same file while the window stays open: no action, no restart.
  ASSERT_EQ(runCli("import '" + exported.string() + "' --db '" + file_.string() + "'", key), 0);
  const auto waited = pumpUntil([&] { return list.totalCount() == 5; }, std::chrono::seconds(5));
  EXPECT_EQ(list.totalCount(), 5u);
  EXPECT_LE(waited.count(), 2000) << "the import showed only after " << waited.count() << " ms";
  EXPECT_GE(rowOf(list, "Diaz family"), 0);
  EXPECT_GE(rowOf(list, "Evans family"), 0);
  EXPECT_EQ(list.selectedFamily(), bui.family);
  EXPECT_EQ(frame->familyPanel().familyId(), bui.family);
  screenshot("live_views_after_import");
}

TEST_F(LiveViewsTest, AnotherProgramsChangeKeepsTheFamilyFirstOnScreenAndTheSelection) {
  std::vector<TestFamily> families;
  {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    for (int i = 10; i < 70; ++i)
      families.push_back(addTestFamily(store, "Family " + std::to_string(i)));
  }
  auto* frame = showFrame(1000, 420);  // a short window: the list scrolls
  auto& list = frame->caseload().list();
  frame->selectFamily(families[45].family);
  pump(200);
  const long top = list.GetTopItem();
  ASSERT_GT(top, 0) << "the list did not scroll to the selected family";
  const wxString top_name = list.GetItemText(top, 0);

  {  // another connection (as the CLI or a second window would be) adds families above
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "other program");
    for (int i = 0; i < 5; ++i) addTestFamily(store, "Family 0" + std::to_string(i));
  }
  pumpUntil([&] { return list.totalCount() == 65; }, std::chrono::seconds(3));
  ASSERT_EQ(list.totalCount(), 65u);
  ASSERT_GT(rowOf(list, top_name.utf8_string()), top) << "the new families were not added above";
  EXPECT_EQ(list.GetItemText(list.GetTopItem(), 0), top_name);
  EXPECT_EQ(list.selectedFamily(), families[45].family);
}

TEST_F(LiveViewsTest, ViewRefreshReadsTheDatabaseAgain) {
  {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    addTestFamily(store, "Alvarez family");
  }
  auto* frame = showFrame();
  {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "other program");
    addTestFamily(store, "Bui family");
  }
  frame->refreshViews();  // View › Refresh (F5), without waiting for the watch
  EXPECT_EQ(frame->caseload().list().totalCount(), 2u);
}

}  // namespace
}  // namespace securebase::testing
