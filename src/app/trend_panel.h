// The family's section scores per visit as a line chart, drawn by the very code that draws the
// progress report's chart (report::trendChart + pdf::drawChart on a WxCanvas), so screen and
// paper never disagree. Only the parent-facing sections: the overview may be seen by the parent
// across the table, and wellbeing scores belong to the clinical report.
#pragma once

#include <wx/bitmap.h>
#include <wx/panel.h>

#include <optional>

#include "securebase/pdf/chart.h"
#include "securebase/report/trends.h"
#include "securebase/store/store.h"

namespace securebase::app {

class TrendPanel : public wxPanel {
 public:
  explicit TrendPanel(wxWindow* parent);

  // The current completed visits of `record`, each read with its own form via `forms`.
  void show(const store::FamilyRecord& record, const report::FormLookup& forms);
  // The chart shown, or nullopt when there is no completed visit to plot.
  const std::optional<pdf::LineChart>& chart() const { return chart_; }

  // Chart units (points) to window units: 1.5 makes the chart's 8.5 pt labels as large as the
  // window's own text, at any screen scale.
  double pixelsPerPoint() const;

  // Where the chart was last painted, in chart points: the box given to it and its geometry,
  // so tests can check the layout by its own numbers. nullopt before the first paint.
  struct Layout {
    pdf::Rect box;
    pdf::ChartGeometry geometry;
  };
  const std::optional<Layout>& layout() const { return layout_; }

 private:
  void onPaint(wxPaintEvent& event);
  void renderCache(wxSize size);

  std::optional<pdf::LineChart> chart_;
  wxBitmap cache_;  // the chart at the panel's current size
  std::optional<Layout> layout_;
};

}  // namespace securebase::app
