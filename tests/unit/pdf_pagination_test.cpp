#include <gtest/gtest.h>

#include <vector>

#include "securebase/pdf/pagination.h"

namespace securebase::pdf {
namespace {

FlowUnit paragraph(std::size_t lines, double space_before = 0) {
  return {std::vector<double>(lines, 10.0), space_before, 2, 0, false};
}
FlowUnit heading(double height = 20) {
  return {{height}, 0, 0, 0, true};
}
FlowUnit box(double height) {
  return {{height}, 0, 0, 0, false};
}

TEST(Pagination, PlacesUnitsOneAfterAnotherWithTheirSpacing) {
  const auto placed = paginate({paragraph(3), paragraph(2, 5)}, 100);
  ASSERT_EQ(placed.size(), 2u);
  EXPECT_EQ(placed[0], (Placement{0, 0, 3, 0, 0, 30}));
  EXPECT_EQ(placed[1], (Placement{1, 0, 2, 0, 35, 20}));
}

TEST(Pagination, DropsSpaceBeforeAtTheTopOfAPage) {
  const auto placed = paginate({box(95), paragraph(2, 8)}, 100);
  ASSERT_EQ(placed.size(), 2u);
  EXPECT_EQ(placed[1].page, 1u);
  EXPECT_EQ(placed[1].top, 0);
}

TEST(Pagination, SplitsAParagraphWithoutALoneLineOnEitherPage) {
  // 8 lines left on the page fit, but only 9 of 10 lines remain: the split must leave 2.
  const auto placed = paginate({box(20), paragraph(10)}, 100);
  ASSERT_EQ(placed.size(), 3u);
  EXPECT_EQ(placed[1].end_row - placed[1].first_row, 8u);
  EXPECT_EQ(placed[2].end_row - placed[2].first_row, 2u);

  const auto tight = paginate({box(81), paragraph(10)}, 100);  // room for one line only
  ASSERT_EQ(tight.size(), 2u);
  EXPECT_EQ(tight[1].page, 1u) << "a single first line must not be left at the page bottom";
  EXPECT_EQ(tight[1].end_row, 10u);

  const auto widow = paginate({box(10), paragraph(10)}, 100);  // 9 fit, 1 would be alone
  ASSERT_EQ(widow.size(), 3u);
  EXPECT_EQ(widow[1].end_row, 8u);
  EXPECT_EQ(widow[2].end_row - widow[2].first_row, 2u);
}

TEST(Pagination, AThreeLineParagraphMovesWholeRatherThanSplit) {
  const auto placed = paginate({box(75), paragraph(3)}, 100);
  EXPECT_EQ(placed[1].page, 1u);
  EXPECT_EQ(placed[1].first_row, 0u);
  EXPECT_EQ(placed[1].end_row, 3u);
}

TEST(Pagination, NeverLeavesAHeadingLastOnAPage) {
  // The heading fits at the bottom, but the start of the paragraph would not.
  const auto placed = paginate({box(70), heading(20), paragraph(5)}, 100);
  ASSERT_EQ(placed.size(), 3u);
  EXPECT_EQ(placed[1].page, 1u);
  EXPECT_EQ(placed[1].top, 0);
  EXPECT_EQ(placed[2].page, 1u);
}

TEST(Pagination, KeepsAHeadingWithTheFirstTwoLinesOfASplitParagraph) {
  const auto placed = paginate({box(50), heading(20), paragraph(10)}, 100);
  ASSERT_EQ(placed.size(), 4u);
  EXPECT_EQ(placed[1].page, 0u);
  EXPECT_EQ(placed[2].page, 0u);
  EXPECT_EQ(placed[2].end_row, 3u);
}

TEST(Pagination, KeepsAHeadingWithAShortParagraphThatCannotBeSplit) {
  // Two lines of the paragraph would fit, but three lines cannot be split without a lone line.
  const auto placed = paginate({box(55), heading(20), paragraph(3)}, 100);
  EXPECT_EQ(placed[1].page, 1u);
  EXPECT_EQ(placed[2].page, 1u);
}

TEST(Pagination, KeepsChainedHeadingsWithTheirText) {
  const auto placed = paginate({box(50), heading(20), heading(15), paragraph(4)}, 100);
  EXPECT_EQ(placed[1].page, 1u);
  EXPECT_EQ(placed[2].page, 1u);
}

TEST(Pagination, KeepsABoxWhole) {
  const auto placed = paginate({box(60), box(50)}, 100);
  EXPECT_EQ(placed[1].page, 1u);
  EXPECT_EQ(placed[1].height, 50);
}

TEST(Pagination, PlacesABoxTallerThanAPageRatherThanDroppingIt) {
  const auto placed = paginate({paragraph(2), box(150), paragraph(2)}, 100);
  ASSERT_EQ(placed.size(), 3u);
  EXPECT_EQ(placed[1].page, 1u);
  EXPECT_EQ(placed[2].page, 2u);
}

TEST(Pagination, SplitsTablesByRowAndRepeatsTheHeader) {
  FlowUnit table{std::vector<double>(12, 20.0), 0, 1, 15, false};
  const auto placed = paginate({table}, 100);
  ASSERT_EQ(placed.size(), 3u);
  // 15 header + 4 rows of 20 = 95 per page.
  EXPECT_EQ(placed[0], (Placement{0, 0, 4, 0, 0, 95}));
  EXPECT_EQ(placed[1], (Placement{0, 4, 8, 1, 0, 95}));
  EXPECT_EQ(placed[2], (Placement{0, 8, 12, 2, 0, 95}));
}

TEST(Pagination, AParagraphLongerThanAPageSpreadsOverSeveralPages) {
  const auto placed = paginate({paragraph(25)}, 100);
  ASSERT_EQ(placed.size(), 3u);
  EXPECT_EQ(pageCount(placed), 3u);
  std::size_t rows = 0;
  for (const Placement& part : placed) {
    EXPECT_GE(part.end_row - part.first_row, 2u);
    EXPECT_LE(part.height, 100);
    rows += part.end_row - part.first_row;
  }
  EXPECT_EQ(rows, 25u);
}

TEST(Pagination, EmptyInputIsOnePage) {
  EXPECT_EQ(pageCount(paginate({}, 100)), 1u);
}

}  // namespace
}  // namespace securebase::pdf
