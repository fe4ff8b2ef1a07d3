// A family's Goals and Referrals at 1280x800, in Spanish and in English: the goal's text and the
// referral's reason take the width the other columns leave (which show whole, as do the titles),
// every column lies inside the list's visible width, and a goal or reason too long for its
// column shows whole as a tooltip while the mouse is over it.
// The Overview's children and caregivers show every age, date and relationship whole.
// Screenshots: gui-screenshots/follow_up_columns_{goals,referrals}_{es,en}.png,
// overview_columns_{es,en}.png.
#include <gtest/gtest.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>

#include <functional>
#include <stdexcept>

#include "both_languages.h"
#include "family_panel.h"
#include "follow_up_page.h"
#include "gui_support.h"
#include "list_columns.h"
#include "main_frame.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

const std::string kLongGoal =
    "Read a picture book together every evening before bed, taking turns to name what they see "
    "on each page, and let the child choose the book and turn the pages, even when it takes a "
    "long time and the same book comes back night after night for weeks";
const std::string kLongReason =
    "Parenting group on Tuesday mornings for support with sleep routines, starting solid food, "
    "and the worries the mother raised about going back to work when the baby is six months old";

template <typename T>
T* find(wxWindow& window, const std::function<bool(T&)>& wanted) {
  if (auto* found = dynamic_cast<T*>(&window); found && wanted(*found)) return found;
  for (auto* child : window.GetChildren())
    if (auto* found = find<T>(*child, wanted)) return found;
  return nullptr;
}

class FollowUpColumnsTest : public BothLanguagesTest {
 protected:
  void SetUp() override {
    BothLanguagesTest::SetUp();
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    family_ = addTestFamily(store, "Familia Rivera").family;
    const auto today = model::Date::parse("2026-11-02").value();
    for (const std::string& text : {std::string("Sing at bath time"), kLongGoal}) {
      model::Goal goal;
      goal.family_id = family_;
      goal.text = text;
      goal.created_on = today;
      store.addGoal(goal);
    }
    for (const std::string& reason : {std::string("Hearing check"), kLongReason}) {
      model::Referral referral;
      referral.family_id = family_;
      referral.to_whom = "Centro de Salud Norte";
      referral.reason = reason;
      referral.created_on = today;
      store.addReferral(referral);
    }
  }

  // The page's list, shown (its tab selected) in the main window at 1280x800.
  wxListView& showPage(app::MainFrame& frame, std::size_t rows_wanted, int stretch) {
    frame.selectFamily(family_);
    pump(300);
    auto* page = find<app::FollowUpPage>(frame.familyPanel(), [&](app::FollowUpPage& p) {
      return p.list().GetItemCount() == static_cast<int>(rows_wanted) &&
             p.list().GetColumnCount() == (stretch == 0 ? 3 : 4);
    });
    EXPECT_NE(page, nullptr);
    auto* book = find<wxNotebook>(frame.familyPanel(), [](wxNotebook&) { return true; });
    EXPECT_NE(book, nullptr);
    if (page == nullptr || book == nullptr) throw std::runtime_error("no page");
    for (std::size_t i = 0; i < book->GetPageCount(); ++i)
      if (book->GetPage(i) == page) book->SetSelection(i);
    pump(300);
    return page->list();
  }

  void checkColumns(wxListView& list, int stretch, const std::string& long_text,
                    const std::string& shot) {
    screenshot(shot + "_" + GetParam().name);
    const int client = list.GetClientSize().x;
    int others = 0;
    for (int column = 0; column < list.GetColumnCount(); ++column) {
      const int width = list.GetColumnWidth(column);
      wxListItem header;
      header.SetMask(wxLIST_MASK_TEXT);
      list.GetColumn(column, header);
      EXPECT_LE(list.GetTextExtent(header.GetText()).x + kTextInset, width)
          << "title \"" << header.GetText().utf8_string() << "\" is cut";
      if (column == stretch) continue;
      others += width;
      for (long item = 0; item < list.GetItemCount(); ++item)
        EXPECT_LE(list.GetTextExtent(list.GetItemText(item, column)).x + kTextInset, width)
            << "\"" << list.GetItemText(item, column).utf8_string() << "\" is cut";
    }
    // The stretched column takes exactly what the others leave: nothing beyond the visible
    // width, no empty band at the right.
    EXPECT_EQ(others + list.GetColumnWidth(stretch), client);
    EXPECT_GT(list.GetColumnWidth(stretch), client / 3);
    long cut = -1;
    for (long item = 0; item < list.GetItemCount(); ++item)
      if (list.GetItemText(item, stretch).utf8_string() == long_text) cut = item;
    ASSERT_GE(cut, 0);
    ASSERT_GT(list.GetTextExtent(list.GetItemText(cut, stretch)).x, list.GetColumnWidth(stretch));
    EXPECT_EQ(tooltipOverCell(list, cut, stretch).utf8_string(), long_text);
    const long whole = cut == 0 ? 1 : 0;
    EXPECT_EQ(tooltipOverCell(list, whole, stretch), list.GetToolTipText());  // its own
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "follow_up.db";
  model::Id family_ = 0;
};

TEST_P(FollowUpColumnsTest, GoalsTakeTheWidthTheOtherColumnsLeave) {
  auto* frame = showMainFrame(file_, 1280, 800);
  auto& list = showPage(*frame, 2, 0);
  checkColumns(list, 0, kLongGoal, "follow_up_columns_goals");
}

TEST_P(FollowUpColumnsTest, ReferralReasonsTakeTheWidthTheOtherColumnsLeave) {
  auto* frame = showMainFrame(file_, 1280, 800);
  auto& list = showPage(*frame, 2, 1);
  checkColumns(list, 1, kLongReason, "follow_up_columns_referrals");
}

// The Overview's children and caregivers: every age, date and relationship shows whole (the
// child's age read "17 mont…" before), and no column runs past the list's visible width.
TEST_P(FollowUpColumnsTest, OverviewChildrenAndCaregiversShowWhole) {
  {
    // A toddler: an age of two digits and a longer word ("17 months").
    store::Database db(file_, {.key = kTestKey});
    store::Store store(db, "test");
    model::Child child = store.children(family_).front();
    child.birth_date = model::Date::today().plusDays(-520);
    store.updateChild(child);
  }
  auto* frame = showMainFrame(file_, 1280, 800);
  frame->selectFamily(family_);
  pump(300);
  screenshot("overview_columns_" + GetParam().name);
  for (int columns : {5, 2}) {
    auto* list = find<wxListView>(frame->familyPanel(), [&](wxListView& l) {
      return l.GetColumnCount() == columns && l.GetItemCount() == 1;
    });
    ASSERT_NE(list, nullptr) << columns;
    int total = 0;
    for (int column = 0; column < list->GetColumnCount(); ++column) {
      total += list->GetColumnWidth(column);
      wxListItem header;
      header.SetMask(wxLIST_MASK_TEXT);
      list->GetColumn(column, header);
      EXPECT_LE(list->GetTextExtent(header.GetText()).x + kTextInset, list->GetColumnWidth(column))
          << "title \"" << header.GetText().utf8_string() << "\" is cut";
      EXPECT_EQ(app::cutCellText(*list, 0, column), wxString())
          << "\"" << list->GetItemText(0, column).utf8_string() << "\" is cut";
    }
    EXPECT_LE(total, list->GetClientSize().x);
  }
}

INSTANTIATE_TEST_SUITE_P(BothLanguages, FollowUpColumnsTest, bothLanguages(), languageName);

}  // namespace
}  // namespace securebase::testing
