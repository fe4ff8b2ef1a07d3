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
  return 1.5 * GetDPIScaleFactor();
}

void TrendPanel::show(const store::FamilyRecord& record, const report::FormLookup& forms) {
  chart_.reset();
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
  if (!cache_.IsOk() || cache_.GetSize() != size) renderCache(size);
  if (cache_.IsOk()) dc.DrawBitmap(cache_, 0, 0);
}

void TrendPanel::renderCache(wxSize size) {
  cache_ = wxBitmap();
  if (size.x <= 0 || size.y <= 0) return;
  // Drawn once into a bitmap in this process, then only copied: repaints (scrolling, other
  // windows passing over) cost a copy, and the X server never rasterises the chart's curves.
  cache_.Create(size, 24);
  wxMemoryDC dc(cache_);
  dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX)));
  dc.Clear();
  dc.SetPen(wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_3DSHADOW)));
  dc.SetBrush(*wxTRANSPARENT_BRUSH);
  dc.DrawRectangle(wxRect(size));
  if (!chart_) {
    dc.SetFont(GetFont());
    dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    dc.DrawLabel(_("No completed visit yet: the chart of section scores starts with the first."),
                 wxRect(size).Deflate(FromDIP(12)), wxALIGN_CENTER);
    return;
  }
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
  if (!gc) return;
  const double scale = pixelsPerPoint();
  const double margin = FromDIP(10) / scale;
  WxCanvas canvas(*gc, scale);
  pdf::drawChart(
      canvas, *chart_,
      pdf::Rect{margin, margin, size.x / scale - 2 * margin, size.y / scale - 2 * margin});
}

}  // namespace securebase::app
