#include "trend_panel.h"

#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/graphics.h>
#include <wx/settings.h>
#include <wx/translation.h>

#include <map>
#include <memory>

#include "accessible_names.h"
#include "chart_summary.h"
#include "interface_language.h"
#include "securebase/report/report_text.h"
#include "securebase/report/trend_chart.h"
#include "ui_helpers.h"
#include "wx_canvas.h"

namespace securebase::app {

namespace {

// The report's texts, read once per language: the interface's language can change within one
// process (a restart in normal use, but several windows in one test run), and each language
// keeps its own labels.
const report::ReportText& chartText(model::Language language) {
  static std::map<model::Language, report::ReportText> loaded;
  auto found = loaded.find(language);
  if (found == loaded.end())
    found = loaded.emplace(language, report::ReportText::loadDefault(language)).first;
  return found->second;
}

}  // namespace

TrendPanel::TrendPanel(wxWindow* parent) : wxPanel(parent) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  SetMinSize(FromDIP(wxSize(360, 260)));
  Bind(wxEVT_PAINT, &TrendPanel::onPaint, this);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
    Refresh();
    event.Skip();
  });
}

double TrendPanel::pixelsPerPoint() const {
  // In the window's own coordinates: FromDIP is 1 on GTK, whose coordinates are already
  // independent of the screen's scale (GDK_SCALE), and follows the monitor's DPI elsewhere.
  // Multiplying by the scale factor here would count it twice: at GDK_SCALE=2 the labels
  // doubled and the plot shrank to a line.
  return 1.5 * FromDIP(1000) / 1000.0;
}

void TrendPanel::show(const store::FamilyRecord& record, const report::FormLookup& forms) {
  chart_.reset();
  layout_.reset();
  try {
    const auto trends = report::computeTrends(record, forms);
    if (!trends.completed.empty()) {
      chart_ = report::trendChart(trends, chartText(interfaceLanguage()), false);
    }
  } catch (const std::exception&) {
    chart_.reset();  // a record the chart cannot read shows the empty message, never a crash
  }
  cache_ = wxBitmap();
  Refresh();
  setAccessibleText(
      *this, chart_
                 ? chartSummary(*chart_)
                 : _("No completed visit yet: the chart of section scores starts with the first."));
}

void TrendPanel::onPaint(wxPaintEvent&) {
  wxPaintDC dc(this);
  const wxSize size = GetClientSize();
  if (!cache_.IsOk() || cache_.GetLogicalSize() != size) renderCache(size);
  if (cache_.IsOk()) dc.DrawBitmap(cache_, 0, 0);
}

void TrendPanel::renderCache(wxSize size) {
  cache_ = wxBitmap();
  layout_.reset();
  if (size.x <= 0 || size.y <= 0) return;
  // Drawn once into a bitmap in this process, then only copied: repaints (scrolling, other
  // windows passing over) cost a copy, and the X server never rasterises the chart's curves.
  // The bitmap has the screen's pixels (twice the window's units at GDK_SCALE=2), so lines
  // and text stay sharp instead of being enlarged afterwards.
  cache_.CreateWithDIPSize(size, GetContentScaleFactor(), 24);
  wxMemoryDC dc(cache_);
  dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX)));
  dc.Clear();
  dc.SetPen(wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_3DSHADOW)));
  dc.SetBrush(*wxTRANSPARENT_BRUSH);
  dc.DrawRectangle(wxRect(size));
  if (!chart_) {
    dc.SetFont(GetFont());
    dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    const wxRect room = wxRect(size).Deflate(FromDIP(12));
    dc.DrawLabel(
        wrapToWidth(dc,
                    _("No completed visit yet: the chart of section scores starts with the first."),
                    room.width),
        room, wxALIGN_CENTER);
    return;
  }
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
  if (!gc) return;
  const double scale = pixelsPerPoint();
  const double margin = FromDIP(10) / scale;
  WxCanvas canvas(*gc, scale);
  const pdf::Rect box{margin, margin, size.x / scale - 2 * margin, size.y / scale - 2 * margin};
  pdf::drawChart(canvas, *chart_, box);
  layout_ = Layout{box, pdf::chartGeometry(*chart_, box, [&canvas](std::string_view t, double s) {
                     return canvas.textWidth(t, s, false);
                   })};
}

}  // namespace securebase::app
