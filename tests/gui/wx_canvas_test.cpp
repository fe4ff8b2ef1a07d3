// The core's Canvas on a wx device context: dashes cut exactly as the PDF draws them, and text
// measured in points whatever the pixel scale.
#include "wx_canvas.h"

#include <gtest/gtest.h>
#include <wx/bitmap.h>
#include <wx/dcmemory.h>

#include <memory>

namespace securebase::testing {
namespace {

using app::dashPieces;
using pdf::Point;

TEST(DashPieces, CutsALineIntoTheOnParts) {
  const auto pieces = dashPieces({{0, 0}, {10, 0}}, {3, 2});
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0], (std::vector<Point>{{0, 0}, {3, 0}}));
  EXPECT_EQ(pieces[1], (std::vector<Point>{{5, 0}, {8, 0}}));
}

TEST(DashPieces, CarriesThePatternAcrossACorner) {
  // 2 along x then 2 down: the first dash of 3 turns the corner.
  const auto pieces = dashPieces({{0, 0}, {2, 0}, {2, 2}}, {3, 10});
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0], (std::vector<Point>{{0, 0}, {2, 0}, {2, 1}}));
}

TEST(DashPieces, WithoutAPatternKeepsTheLineWhole) {
  const std::vector<Point> line{{0, 0}, {4, 4}, {8, 0}};
  const auto pieces = dashPieces(line, {});
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0], line);
}

TEST(WxCanvas, MeasuresTextInPointsAtAnyScale) {
  wxBitmap bitmap(200, 100, 24);
  wxMemoryDC dc(bitmap);
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
  ASSERT_TRUE(gc);
  const double at_one = app::WxCanvas(*gc, 1.0).textWidth("Responding to distress", 10, false);
  const double at_two = app::WxCanvas(*gc, 2.0).textWidth("Responding to distress", 10, false);
  EXPECT_GT(at_one, 50);
  EXPECT_NEAR(at_two, at_one, at_one * 0.1);
  EXPECT_GT(app::WxCanvas(*gc, 1.0).textWidth("Responding to distress", 10, true), at_one);
}

}  // namespace
}  // namespace securebase::testing
