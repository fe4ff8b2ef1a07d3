// Trends as a line chart: the data the PDF report draws and the desktop program can draw the
// same way (pdf::drawChart on its own Canvas, or pdf::chartGeometry for its own painter).
#pragma once

#include <string>

#include "securebase/pdf/chart.h"
#include "securebase/report/report_text.h"
#include "securebase/report/trends.h"

namespace securebase::report {

// One series per section (private ones only when `include_private`), one x label per completed
// visit ("Mar 14", with the year added where it changes and on the first label), values 0–100.
pdf::LineChart trendChart(const std::vector<SectionSeries>& sections,
                          const std::vector<Date>& dates, const ReportText& text,
                          bool include_private);
pdf::LineChart trendChart(const Trends& trends, const ReportText& text, bool include_private);

// "Mar 14" alone, or "Mar 14 2026" when the year differs from the previous date's (or first).
std::string visitDateLabel(const ReportText& text, Date date, const Date* previous);

}  // namespace securebase::report
