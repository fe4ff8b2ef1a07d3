#include "securebase/report/trend_chart.h"

namespace securebase::report {

std::string visitDateLabel(const ReportText& text, Date date, const Date* previous) {
  std::string label = text.shortDate(date);
  if (!previous || previous->year != date.year) label += " " + std::to_string(date.year);
  return label;
}

pdf::LineChart trendChart(const std::vector<SectionSeries>& sections,
                          const std::vector<Date>& dates, const ReportText& text,
                          bool include_private) {
  pdf::LineChart chart;
  chart.title = text.get("chart_title");
  for (std::size_t i = 0; i < dates.size(); ++i)
    chart.x_labels.push_back(visitDateLabel(text, dates[i], i ? &dates[i - 1] : nullptr));
  for (const auto& section : sections) {
    if (section.is_private && !include_private) continue;
    chart.series.push_back({section.title.get(text.language()), section.scores});
  }
  chart.y_min = 0;
  chart.y_max = 100;
  chart.y_step = 25;
  return chart;
}

pdf::LineChart trendChart(const Trends& trends, const ReportText& text, bool include_private) {
  return trendChart(trends.sections, trends.completedDates(), text, include_private);
}

}  // namespace securebase::report
