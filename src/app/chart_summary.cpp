#include "chart_summary.h"

#include <wx/translation.h>

#include <cmath>

#include "ui_helpers.h"

namespace securebase::app {

wxString chartSummary(const pdf::LineChart& chart) {
  const std::size_t visits = chart.x_labels.size();
  wxString text = wx(chart.title) + ", " +
                  wxString::Format(wxPLURAL("%zu visit", "%zu visits", visits), visits) + ".";
  if (visits == 0) return text;
  wxString scores;
  for (const auto& series : chart.series) {
    if (!scores.empty()) scores += ", ";
    const auto& latest = series.values.size() == visits ? series.values.back() : std::nullopt;
    scores += wx(series.name) + " " +
              (latest ? wxString::Format("%d%%", static_cast<int>(std::lround(*latest)))
                      : _("not observed"));
  }
  return text + " " + wxString::Format(_("Latest, %s: %s."), wx(chart.x_labels.back()), scores);
}

}  // namespace securebase::app
