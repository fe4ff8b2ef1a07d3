// The caseload at 1280x800, in Spanish and in English: every column lies inside the list's
// visible client area (no horizontal scrolling, nothing behind the family panel), every header
// title fits its column and every cell its text, measured with the list's own font; the family
// panel keeps its room. Screenshots: gui-screenshots/caseload_columns_{es,en}.png.
#include <gtest/gtest.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/splitter.h>

#include "both_languages.h"
#include "caseload_panel.h"
#include "family_panel.h"
#include "gui_support.h"
#include "main_frame.h"
#include "securebase/demo/demo.h"
#include "securebase/service/scoring.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

class CaseloadColumnsTest : public BothLanguagesTest {
 protected:
  void SetUp() override {
    BothLanguagesTest::SetUp();
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    auto catalog = std::make_shared<const forms::FormCatalog>(forms::FormCatalog::loadDefault());
    service::enableScoring(store, catalog);
    demo::DemoOptions options;
    options.families = 12;
    demo::generateDemo(store, *catalog->latest("attachment-practices"), options);
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "caseload.db";
};

wxString titleOf(wxListCtrl& list, int column) {
  wxListItem header;
  header.SetMask(wxLIST_MASK_TEXT);
  list.GetColumn(column, header);
  return header.GetText();
}

TEST_P(CaseloadColumnsTest, EveryColumnIsWholeAt1280x800) {
  auto* frame = showMainFrame(file_, 1280, 800);
  auto& list = frame->caseload().list();
  list.SetFocus();
  pump(300);
  screenshot("caseload_columns_" + GetParam().name);
  ASSERT_EQ(list.GetColumnCount(), 10);
  ASSERT_GT(list.GetItemCount(), 5);

  // Inside the visible client area: the columns end before the list's right edge, and the
  // list itself ends before the sash.
  const int client = list.GetClientSize().x;
  int x = 0;
  for (int column = 0; column < list.GetColumnCount(); ++column) {
    x += list.GetColumnWidth(column);
    EXPECT_LE(x, client) << "column \"" << titleOf(list, column).utf8_string() << "\" ends at " << x
                         << " px, the list shows " << client;
  }
  const wxRect pane = frame->caseload().GetScreenRect();
  EXPECT_LE(list.GetScreenRect().GetRight(), pane.GetRight());
  EXPECT_LE(pane.GetRight(), frame->GetScreenRect().GetRight());

  // Titles and cells whole, in the list's font.
  for (int column = 0; column < list.GetColumnCount(); ++column) {
    const wxString title = titleOf(list, column);
    const int width = list.GetColumnWidth(column);
    EXPECT_LE(list.GetTextExtent(title).x + kTextInset, width)
        << "title \"" << title.utf8_string() << "\" is cut in a column of " << width << " px";
    for (long item = 0; item < list.GetItemCount(); ++item) {
      const wxString text = list.GetItemText(item, column);
      EXPECT_LE(list.GetTextExtent(text).x + kTextInset, width)
          << "\"" << text.utf8_string() << "\" is cut under \"" << title.utf8_string() << "\"";
    }
  }

  // The family panel keeps its room: buttons, tabs and the chart are not squashed.
  const wxRect family = frame->familyPanel().GetScreenRect();
  EXPECT_GE(family.width, 480);
  EXPECT_LE(family.GetRight(), frame->GetScreenRect().GetRight());
}

// A counselor's name too long for its column is cut, and shows whole as a tooltip while the
// mouse is over it; a whole cell has none.
TEST_P(CaseloadColumnsTest, ACutCellShowsWholeOnHover) {
  const std::string long_name =
      "María de los Ángeles Fernández-Villavicencio y Castellanos de la Peña";
  {
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    model::Counselor counselor;
    counselor.name = long_name;
    const auto counselor_id = store.addCounselor(counselor);
    const auto families = store.listFamilies();
    for (std::size_t i = 0; i < families.size(); i += 2) {
      model::Family family = families[i].family;
      family.counselor_id = counselor_id;
      store.updateFamily(family);
    }
  }
  auto* frame = showMainFrame(file_, 1280, 800);
  auto& list = frame->caseload().list();
  pump(300);
  constexpr int kCounselor = 2;
  long cut_row = -1, whole_row = -1;
  for (long item = 0; item < list.GetItemCount(); ++item) {
    const bool cut = list.GetTextExtent(list.GetItemText(item, kCounselor)).x + kTextInset >
                     list.GetColumnWidth(kCounselor);
    (cut ? cut_row : whole_row) = item;
  }
  ASSERT_GE(cut_row, 0) << "the long name fits: nothing to hover";
  ASSERT_GE(whole_row, 0);
  EXPECT_EQ(list.GetItemText(cut_row, kCounselor).utf8_string(), long_name);
  EXPECT_EQ(tooltipOverCell(list, cut_row, kCounselor).utf8_string(), long_name);
  screenshot("caseload_cut_cell_tooltip_" + GetParam().name);
  EXPECT_EQ(tooltipOverCell(list, whole_row, kCounselor), wxString());
}

INSTANTIATE_TEST_SUITE_P(BothLanguages, CaseloadColumnsTest, bothLanguages(), languageName);

}  // namespace
}  // namespace securebase::testing
