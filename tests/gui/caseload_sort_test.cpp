// The caseload's column titles sort it: a click on a title sorts by that column (names without
// regard to accents), a second click the other way round, and a new list comes back in the
// order chosen last. A cell cut by its column's width (a long counselor's name) has its whole
// text as a tooltip.
#include <gtest/gtest.h>
#include <wx/frame.h>
#include <wx/sizer.h>
#include <wx/uiaction.h>

#include "caseload_list.h"
#include "gui_support.h"

namespace securebase::testing {
namespace {

std::vector<service::CaseloadRow> rows() {
  std::vector<store::FamilySummary> families;
  const std::vector<std::pair<std::string, std::string>> people = {
      {"Bravo family", "Dana Cruz"},
      {"Álvarez family", "María de los Ángeles Fernández-Villanueva Castellanos"},
      {"Chen family", "Lee Park"}};
  model::Id id = 1;
  for (const auto& [name, counselor] : people) {
    store::FamilySummary summary;
    summary.family.id = id++;
    summary.family.display_name = name;
    summary.family.created_on = model::Date{2025, 1, 1};
    summary.counselor_name = counselor;
    families.push_back(summary);
  }
  return service::prepareCaseload(families, model::Date{2025, 6, 1});
}

std::vector<std::string> shownNames(const app::CaseloadList& list) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < list.shownCount(); ++i)
    names.push_back(list.shownRow(i).summary.family.display_name);
  return names;
}

app::CaseloadList* showList() {
  auto* frame = new wxFrame(nullptr, wxID_ANY, "caseload");
  auto* list = new app::CaseloadList(frame);
  list->setFilter("", service::CaseloadView::all);
  list->setRows(rows());
  frame->SetPosition(wxPoint(0, 0));
  frame->SetSize(wxSize(520, 300));
  frame->Show();
  pump(300);
  return list;
}

// Waits out GTK's double-click time (400 ms) after the click: on a busy machine two clicks of one
// title closer than that arrive as a double-click, which sorts only once.
void clickTitle(app::CaseloadList& list, int x) {
  wxUIActionSimulator sim;
  sim.MouseMove(list.GetScreenPosition() + wxPoint(x, 8));
  pump(50);
  sim.MouseClick();
  pump(500);
}

TEST(CaseloadSortTest, AClickOnATitleSortsAndASecondReversesAndTheChoiceIsKept) {
  app::CaseloadList* list = showList();
  EXPECT_EQ(list->sortColumn(), -1);
  clickTitle(*list, 20);  // "Family"
  EXPECT_EQ(list->sortColumn(), 0);
  EXPECT_EQ(shownNames(*list),
            (std::vector<std::string>{"Álvarez family", "Bravo family", "Chen family"}));
  screenshot("caseload-sorted-by-name");
  clickTitle(*list, 20);
  EXPECT_FALSE(list->sortAscending());
  EXPECT_EQ(shownNames(*list),
            (std::vector<std::string>{"Chen family", "Bravo family", "Álvarez family"}));
  closeAllWindows();

  app::CaseloadList* again = showList();
  EXPECT_EQ(again->sortColumn(), 0);
  EXPECT_FALSE(again->sortAscending());
  EXPECT_EQ(shownNames(*again),
            (std::vector<std::string>{"Chen family", "Bravo family", "Álvarez family"}));
  // Another column: by counselor.
  again->sortBy(2, true);
  EXPECT_EQ(shownNames(*again),
            (std::vector<std::string>{"Bravo family", "Chen family", "Álvarez family"}));
  again->sortBy(-1, true);
  closeAllWindows();
}

TEST(CaseloadSortTest, ACutCellShowsWholeAsATooltip) {
  app::CaseloadList* list = showList();
  constexpr int kCounselor = 2;
  std::optional<long> long_name, short_name;
  for (std::size_t i = 0; i < list->shownCount(); ++i) {
    const auto& counselor = list->shownRow(i).summary.counselor_name;
    if (counselor.size() > 20) long_name = static_cast<long>(i);
    if (counselor == "Lee Park") short_name = static_cast<long>(i);
  }
  ASSERT_TRUE(long_name && short_name);
  EXPECT_EQ(list->cutText(*long_name, kCounselor).utf8_string(),
            "María de los Ángeles Fernández-Villanueva Castellanos");
  EXPECT_TRUE(list->cutText(*short_name, kCounselor).empty());
  closeAllWindows();
}

}  // namespace
}  // namespace securebase::testing
