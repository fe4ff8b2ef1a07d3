// The clinical progress report: the full record a supervisor files.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report_parts.h"
#include "securebase/pdf/font_metrics.h"
#include "securebase/pdf/render.h"
#include "securebase/report/trend_chart.h"

namespace securebase::report::parts {
namespace {

// Visits per items table: more columns would squeeze the level labels to unreadable widths.
constexpr std::size_t kMaxVisitColumns = 8;
constexpr std::size_t kMinVisitColumns = 3;
constexpr double kCellPadding = 5;  // each side of a table cell (table_layout.cpp)

std::string number(double value, bool sign = false) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, sign ? "%+.0f" : "%.0f", value);
  return buffer;
}

std::string joinDates(const std::vector<Date>& dates, const ReportText& text) {
  std::string out;
  for (const auto& d : dates) out += (out.empty() ? "" : "; ") + text.longDate(d);
  return out;
}

std::string sectionTitle(const SectionSeries& s, const ReportText& text) {
  const std::string& title = s.title.get(text.language());
  return s.is_private ? text.format("private_mark", {{"title", title}}) : title;
}

void addHeader(pdf::Document& doc, const ReportInput& input, const Trends& trends,
               const ReportText& text, const ReportOptions& options) {
  const auto& r = input.record;
  doc.blocks.push_back(pdf::Heading{text.get("title_clinical"), 1});
  pdf::KeyValueList kv;
  kv.key_fraction = 0.22;
  kv.rows.push_back({text.get("family"), r.family.display_name});
  std::string caregivers;
  for (const auto& c : r.caregivers)
    caregivers += (caregivers.empty() ? "" : "; ") + c.name +
                  (c.relationship.empty() ? "" : " (" + c.relationship + ")");
  if (!caregivers.empty()) kv.rows.push_back({text.get("caregivers"), caregivers});
  const Date on = ageDate(options);
  for (const auto& child : r.children) {
    std::string line =
        text.format("child_line", {{"name", child.name},
                                   {"born", text.longDate(child.birth_date)},
                                   {"weeks", std::to_string(child.gestation_weeks)}});
    const std::string age = ageText(child, on, text, "age_on", "age_corrected_on");
    if (!age.empty()) line += "; " + age;
    kv.rows.push_back({text.get("child"), line});
  }
  kv.rows.push_back({text.get("counselor"),
                     input.counselor_name.empty() ? text.get("not_set") : input.counselor_name});
  const auto shown = shownPeriod(trends);
  if (shown.from && shown.to)
    kv.rows.push_back(
        {text.get("period"), text.format("period_value", {{"from", text.longDate(*shown.from)},
                                                          {"to", text.longDate(*shown.to)}})});
  doc.blocks.push_back(std::move(kv));
}

void addVisitCounts(pdf::Document& doc, const Trends& trends, const ReportText& text) {
  const auto& c = trends.counts;
  doc.blocks.push_back(pdf::Heading{text.get("visits_heading"), 2});
  const int percent =
      c.expected > 0 ? static_cast<int>(std::lround(100.0 * c.completed / c.expected)) : 0;
  doc.blocks.push_back(
      pdf::Paragraph{text.format("visits_summary", {{"completed", std::to_string(c.completed)},
                                                    {"expected", std::to_string(c.expected)},
                                                    {"percent", std::to_string(percent)},
                                                    {"missed", std::to_string(c.missed)},
                                                    {"cancelled", std::to_string(c.cancelled)}}),
                     ""});
  doc.blocks.push_back(
      pdf::Paragraph{text.format("visits_rule", {{"frequency", std::to_string(c.frequency_days)},
                                                 {"days", std::to_string(c.days)}}),
                     ""});
  std::vector<Date> missed, cancelled;
  for (const auto& v : trends.visits) {
    if (v.outcome == model::VisitOutcome::missed) missed.push_back(v.date);
    if (v.outcome == model::VisitOutcome::cancelled) cancelled.push_back(v.date);
  }
  if (!missed.empty())
    doc.blocks.push_back(pdf::Paragraph{joinDates(missed, text), text.get("missed_on") + ":"});
  if (!cancelled.empty())
    doc.blocks.push_back(
        pdf::Paragraph{joinDates(cancelled, text), text.get("cancelled_on") + ":"});
}

void addConcerns(pdf::Document& doc, const Trends& trends, const ReportText& text) {
  doc.blocks.push_back(pdf::Heading{text.get("concerns_heading"), 2});
  if (trends.concern_on_latest)
    doc.blocks.push_back(pdf::Paragraph{
        text.format(
            "concern_latest_yes",
            {{"date", text.longDate(trends.completedVisit(trends.completed.size() - 1).date)}}),
        ""});
  else
    doc.blocks.push_back(pdf::Paragraph{text.get("concern_latest_no"), ""});
  std::vector<Date> dates;
  for (const auto& v : trends.visits)
    if (v.concern) dates.push_back(v.date);
  if (!dates.empty())
    doc.blocks.push_back(
        pdf::Paragraph{text.format("concern_visits", {{"dates", joinDates(dates, text)}}), ""});
}

void addScores(pdf::Document& doc, const Trends& trends, const ReportText& text) {
  doc.blocks.push_back(pdf::Heading{text.get("chart_heading"), 2});
  doc.blocks.push_back(pdf::ChartBlock{trendChart(trends, text, true), 240});
  doc.blocks.push_back(pdf::Paragraph{text.get("chart_note"), ""});
  pdf::Table table;
  table.columns = {{text.get("scores_section"), 4, pdf::TextAlign::left},
                   {text.get("scores_first"), 1, pdf::TextAlign::right},
                   {text.get("scores_latest"), 1, pdf::TextAlign::right},
                   {text.get("scores_change"), 1, pdf::TextAlign::right}};
  for (const auto& s : trends.sections) {
    std::optional<double> first, latest;
    for (const auto& v : s.scores)
      if (v) {
        if (!first) first = v;
        latest = v;
      }
    const std::string dash = text.get("not_recorded_short");
    table.rows.push_back({sectionTitle(s, text), first ? number(*first) + "%" : dash,
                          latest ? number(*latest) + "%" : dash,
                          first ? number(*latest - *first, true) : dash});
  }
  doc.blocks.push_back(std::move(table));
  const auto points = trendPoints(trends);
  if (points)
    doc.blocks.push_back(pdf::Paragraph{
        text.format("trend_line",
                    {{"points", trendPointsText(*points)},
                     {"word", std::string(trendWord(trendArrow(points), text.language()))}}),
        ""});
}

std::string cellText(const ItemCell& cell, const ReportText& text) {
  switch (cell.state) {
    case CellState::rated:
      return cell.level.get(text.language());
    case CellState::not_observed:
      return text.get("not_observed_short");
    case CellState::unanswered:
    case CellState::absent:
      break;
  }
  return text.get("not_recorded_short");
}

// How many visit columns fit beside the item column: each must hold its widest cell (a level
// label such as "Sometimes" or "Claramente") without breaking the word, so a form with long
// level labels gets fewer, wider columns. Measured with the embedded font the renderer uses.
struct ItemTableShape {
  double item_width = 0;
  double visit_width = 0;
  std::size_t visits_per_table = kMaxVisitColumns;
};

ItemTableShape itemTableShape(const pdf::Document& doc, const std::vector<PairTrend>& pairs,
                              const ReportText& text) {
  const auto& regular = pdf::FontMetrics::of(pdf::FontFace::regular);
  const auto& bold = pdf::FontMetrics::of(pdf::FontFace::bold);
  const double size = doc.body_size - 1;  // the table's type size (table_layout.cpp)
  double widest = bold.width("Sep 30", size);
  for (const auto& pair : pairs)
    for (const auto& item : pair.items)
      for (const auto& cell : item.cells)
        widest = std::max(widest, regular.width(cellText(cell, text), size));
  const double line = pdf::pageRect(doc.paper).width - 2 * doc.margin;
  ItemTableShape shape;
  shape.item_width = std::max(128.0, line * 0.25);
  shape.visit_width = widest + 2 * kCellPadding + 1;
  const auto fit = static_cast<std::size_t>((line - shape.item_width) / shape.visit_width);
  shape.visits_per_table = std::clamp<std::size_t>(fit, kMinVisitColumns, kMaxVisitColumns);
  shape.visit_width = (line - shape.item_width) / double(shape.visits_per_table);
  return shape;
}

void addItemTables(pdf::Document& doc, const PairTrend& pair, const Trends& trends,
                   const ReportText& text, const ItemTableShape& shape) {
  const std::size_t n = trends.completed.size();
  const std::size_t parts = (n + shape.visits_per_table - 1) / shape.visits_per_table;
  const std::size_t per_part = (n + parts - 1) / parts;  // balanced: 30 visits by 7 → 6 × 5
  const auto dates = trends.completedDates();
  for (std::size_t first = 0; first < n; first += per_part) {
    const std::size_t end = std::min(n, first + per_part);
    if (parts > 1)
      doc.blocks.push_back(
          pdf::Paragraph{text.format("visits_range", {{"first", std::to_string(first + 1)},
                                                      {"last", std::to_string(end)},
                                                      {"count", std::to_string(n)}}),
                         ""});
    pdf::Table table;
    table.columns.push_back({text.get("item_column"), shape.item_width, pdf::TextAlign::left});
    for (std::size_t x = first; x < end; ++x)
      table.columns.push_back({text.shortDate(dates[x]) + "\n" + std::to_string(dates[x].year),
                               shape.visit_width, pdf::TextAlign::left});
    // A short last part keeps the same column widths: the item column takes the rest.
    table.columns.front().weight += shape.visit_width * double(per_part - (end - first));
    std::string section;
    for (const auto& item : pair.items) {
      if (item.section_id != section) {
        section = item.section_id;
        for (const auto& s : trends.sections)
          if (s.section_id == section) {
            std::vector<std::string> row{sectionTitle(s, text).insert(0, "§ ")};
            row.resize(table.columns.size());
            table.rows.push_back(std::move(row));
          }
      }
      std::vector<std::string> row{item.label.get(text.language())};
      for (std::size_t x = first; x < end; ++x) row.push_back(cellText(item.cells[x], text));
      table.rows.push_back(std::move(row));
    }
    doc.blocks.push_back(std::move(table));
  }
}

void addStrengths(pdf::Document& doc, const PairTrend& pair, const ReportText& text) {
  std::vector<std::string> strengths, growth;
  for (const auto& item : pair.items) {
    const std::string label = item.label.get(text.language());
    std::string line;
    if (item.direction == Direction::up || item.direction == Direction::down ||
        item.direction == Direction::same) {
      line = text.format(
          "change_from_to",
          {{"label", label},
           {"first", firstRated(item)->level.get(text.language())},
           {"latest", item.latest_rated->level.get(text.language())},
           {"direction", text.get("direction_" + std::string(toString(item.direction)))}});
    } else if (item.latest_rated) {
      line = text.format(
          "item_latest",
          {{"label", label}, {"latest", item.latest_rated->level.get(text.language())}});
    }
    if (isStrength(item)) strengths.push_back(line);
    if (isGrowthArea(item)) growth.push_back(line);
  }
  for (auto* list : {&strengths, &growth}) {
    doc.blocks.push_back(pdf::Heading{text.get(list == &strengths ? "strengths" : "growth"), 3});
    if (list->empty())
      doc.blocks.push_back(pdf::Paragraph{text.get("none_yet"), ""});
    else
      doc.blocks.push_back(pdf::BulletList{*list});
  }
}

void addGoalsAndReferrals(pdf::Document& doc, const Trends& trends, const ReportText& text) {
  doc.blocks.push_back(pdf::Heading{text.get("goals_heading"), 2});
  if (trends.goals.empty()) {
    doc.blocks.push_back(pdf::Paragraph{text.get("none_yet"), ""});
  } else {
    pdf::Table table;
    table.columns = {{text.get("goal_column"), 5, pdf::TextAlign::left},
                     {text.get("goal_set"), 1.6, pdf::TextAlign::left},
                     {text.get("status_column"), 1.3, pdf::TextAlign::left}};
    for (const auto& g : trends.goals)
      table.rows.push_back({g.text, text.longDate(g.created_on),
                            text.get("goal_" + std::string(model::toString(g.status)))});
    doc.blocks.push_back(std::move(table));
  }
  doc.blocks.push_back(pdf::Heading{text.get("referrals_heading"), 2});
  if (trends.referrals.empty()) {
    doc.blocks.push_back(pdf::Paragraph{text.get("none_yet"), ""});
    return;
  }
  pdf::Table table;
  table.columns = {{text.get("referral_to"), 2.6, pdf::TextAlign::left},
                   {text.get("referral_reason"), 3, pdf::TextAlign::left},
                   {text.get("referral_made"), 1.6, pdf::TextAlign::left},
                   {text.get("status_column"), 1.3, pdf::TextAlign::left}};
  for (const auto& r : trends.referrals) {
    if (r.kind == model::ReferralKind::no_referral) {
      // Listed with the referrals it stands in for: the concern was seen, and why none was made.
      table.rows.push_back({text.get("no_referral_made"), r.reason, text.longDate(r.created_on),
                            text.get("no_referral_status")});
      continue;
    }
    table.rows.push_back({r.to_whom, r.reason, text.longDate(r.created_on),
                          text.get("referral_" + std::string(model::toString(r.status)))});
  }
  doc.blocks.push_back(std::move(table));
}

// In groups of 16 hex digits: the line wraps between groups on narrow paper, and the first
// group alone is enough for `audit verify --expect-head`.
std::string groupedHash(const std::string& hash) {
  std::string grouped;
  for (std::size_t i = 0; i < hash.size(); i += 16) {
    if (i > 0) grouped += ' ';
    grouped += hash.substr(i, 16);
  }
  return grouped;
}

void addNotesAndSignature(pdf::Document& doc, const ReportInput& input, const Trends& trends,
                          const ReportText& text) {
  std::vector<std::string> notes;
  for (const auto& v : trends.visits)
    if (!v.notes.empty()) notes.push_back(text.longDate(v.date) + ": " + v.notes);
  if (!notes.empty()) {
    doc.blocks.push_back(pdf::Heading{text.get("notes_heading"), 2});
    doc.blocks.push_back(pdf::BulletList{notes});
  }
  doc.blocks.push_back(pdf::Heading{text.get("signature_heading"), 2});
  const std::string rule(34, '_');
  doc.blocks.push_back(pdf::KeyValueList{
      {{text.get("signature_name"), input.counselor_name.empty() ? rule : input.counselor_name},
       {text.get("signature_date"), rule},
       {text.get("signature_sign"), rule}},
      0.22});
  if (!input.audit_head.empty())
    doc.blocks.push_back(
        pdf::Paragraph{text.format("audit_head", {{"hash", groupedHash(input.audit_head)}}), ""});
}

}  // namespace

void addClinicalBody(pdf::Document& doc, const ReportInput& input, const Trends& trends,
                     const ReportText& text, const ReportOptions& options) {
  addHeader(doc, input, trends, text, options);
  if (const auto none = noVisitsSentence(trends, text, false); !none.empty()) {
    doc.blocks.push_back(pdf::Paragraph{none, ""});
    addGoalsAndReferrals(doc, trends, text);
    addNotesAndSignature(doc, input, trends, text);
    return;
  }
  addVisitCounts(doc, trends, text);
  if (!trends.completed.empty()) {
    addConcerns(doc, trends, text);
    addScores(doc, trends, text);
    const bool several = trends.pairs.size() > 1;
    doc.blocks.push_back(pdf::Heading{text.get("items_heading"), 2});
    doc.blocks.push_back(pdf::Paragraph{text.get("items_note"), ""});
    const auto shape = itemTableShape(doc, trends.pairs, text);
    for (const auto& pair : trends.pairs) {
      if (several) doc.blocks.push_back(pdf::Heading{pairTitle(input.record, pair, text), 3});
      addItemTables(doc, pair, trends, text, shape);
    }
    doc.blocks.push_back(pdf::Heading{text.get("strengths_heading"), 2});
    for (const auto& pair : trends.pairs) {
      if (several) doc.blocks.push_back(pdf::Heading{pairTitle(input.record, pair, text), 3});
      addStrengths(doc, pair, text);
    }
    addGoalsAndReferrals(doc, trends, text);
  } else {
    addGoalsAndReferrals(doc, trends, text);
  }
  addNotesAndSignature(doc, input, trends, text);
}

}  // namespace securebase::report::parts
