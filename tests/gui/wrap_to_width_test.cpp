// Text a window draws itself is broken into lines that fit: the empty chart's Spanish sentence
// ran past both sides of a narrow chart.
#include <gtest/gtest.h>
#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/settings.h>
#include <wx/tokenzr.h>

#include "ui_helpers.h"

namespace securebase::testing {
namespace {

TEST(WrapToWidth, EveryLineFitsAndNoWordIsLost) {
  wxBitmap bitmap(10, 10);
  wxMemoryDC dc(bitmap);
  dc.SetFont(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT));
  const wxString sentence = wxString::FromUTF8(
      "Todavía no hay visitas completadas: la gráfica de puntajes por sección empieza con la "
      "primera.");
  const int width = 300;
  ASSERT_GT(dc.GetTextExtent(sentence).x, width) << "the sentence must need wrapping";
  const wxString wrapped = app::wrapToWidth(dc, sentence, width);
  const wxArrayString lines = wxSplit(wrapped, '\n', '\0');
  EXPECT_GE(lines.size(), 2u);
  for (const wxString& line : lines)
    EXPECT_LE(dc.GetTextExtent(line).x, width) << line.utf8_string();
  wxString joined = wrapped;
  joined.Replace("\n", " ");
  EXPECT_EQ(joined, sentence);
}

TEST(WrapToWidth, AWordWiderThanTheWidthKeepsALineOfItsOwn) {
  wxBitmap bitmap(10, 10);
  wxMemoryDC dc(bitmap);
  const wxString wrapped = app::wrapToWidth(dc, "a supercalifragilistic b", 5);
  EXPECT_EQ(wrapped, "a\nsupercalifragilistic\nb");
}

}  // namespace
}  // namespace securebase::testing
