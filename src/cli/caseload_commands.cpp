// caseload: who needs a visit, whose practices are moving, which referrals are open.
#include <iostream>

#include "commands.h"
#include "securebase/core/error.h"
#include "securebase/report/trends.h"
#include "securebase/service/caseload.h"

namespace securebase::cli {
namespace {

// Stable words for scripts (CSV, JSON); the table shows the arrow.
std::string trendToken(std::optional<double> points) {
  switch (report::trendArrow(points)) {
    case report::TrendArrow::up:
      return "up";
    case report::TrendArrow::down:
      return "down";
    case report::TrendArrow::steady:
      return "steady";
    case report::TrendArrow::none:
      break;
  }
  return "";
}

std::string points(std::optional<double> value) {
  return value ? report::trendPointsText(*value) : "";
}

int caseload(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  addFormatOption(options);
  options.add_options()("overdue", "only families whose next visit is past due")(
      "flagged", "only families whose latest visit raised a concern")(
      "referrals", "only families with an open referral")(
      "counselor", po::value<std::string>(),
      "only families of this counselor (any part of the name)")(
      "status", po::value<std::string>()->default_value("active"), "active, closed or all")(
      "search", po::value<std::string>()->default_value(""),
      "only families whose name or counselor holds every word (accents and case ignored)")(
      "sort", po::value<std::string>()->default_value("overdue"),
      "overdue (most first), due, last, trend (falling first) or name")(
      "today", po::value<std::string>(), "count overdue days as of this date (default: today)");
  auto vm = parseOptions("caseload", "[filters] [--sort KEY] [--format table|csv|json]", options,
                         {}, args);
  if (!vm) return kOk;
  const Format format = formatOf(*vm);
  service::CaseloadQuery query;
  if (vm->count("today"))
    query.today = parseDateOption((*vm)["today"].as<std::string>(), "--today");
  const auto sort = service::parseCaseloadSort((*vm)["sort"].as<std::string>());
  if (!sort) throwBadInput("--sort must be overdue, due, last, trend or name");
  query.sort = *sort;
  const auto status = (*vm)["status"].as<std::string>();
  if (status != "all") {
    query.filter.status = model::parseFamilyStatus(status);
    if (!query.filter.status) throwBadInput("--status must be active, closed or all");
  }
  query.words.search = (*vm)["search"].as<std::string>();
  if (vm->count("counselor")) query.words.counselor = (*vm)["counselor"].as<std::string>();
  if (vm->count("overdue")) query.filter.overdue_on = query.today;
  query.filter.flagged_only = vm->count("flagged") > 0;
  query.filter.open_referral_only = vm->count("referrals") > 0;
  auto open = openStoreToRead(*vm);
  // The draft marker is the last column: a draft in progress changes nothing before it.
  // Before it, the read-only marker: who holds the family on the agency server now, for a
  // family reassigned away from this laptop.
  Table table{
      {"id", "family", "counselor", "last_visit", "next_due", "days_overdue", "trend",
       "trend_points", "open_referrals", "flagged", "read_only_held_by", "draft"},
      {"ID", "Family", "Counselor", "Last visit", "Next due", "Overdue", "Trend", "Change",
       "Referrals", "Flag", "Read-only", "Draft"},
      {},
      {ColumnKind::text, ColumnKind::text, ColumnKind::text, ColumnKind::text, ColumnKind::text,
       ColumnKind::text, ColumnKind::text, ColumnKind::text, ColumnKind::text, ColumnKind::text,
       ColumnKind::optional_text, ColumnKind::optional_text}};
  for (const auto& row : service::caseload(*open.store, query)) {
    const auto& s = row.summary;
    const bool words = format != Format::table;
    table.rows.push_back(
        {std::to_string(s.family.id), s.family.display_name, s.counselor_name,
         dateOrAbsent(s.last_visit), dateOrAbsent(s.next_due),
         row.days_overdue > 0 || words ? std::to_string(row.days_overdue) : "",
         words ? trendToken(s.trend_points)
               : std::string(report::arrowGlyph(report::trendArrow(s.trend_points))),
         points(s.trend_points),
         s.open_referrals > 0 || words ? std::to_string(s.open_referrals) : "",
         s.flagged ? (words ? "yes" : "⚑") : (words ? "no" : ""),
         s.read_only_held_by ? (words ? *s.read_only_held_by : "held by " + *s.read_only_held_by)
                             : (words ? kAbsent : ""),
         s.draft_date ? s.draft_date->iso() : (words ? kAbsent : "")});
  }
  printTable(table, format);
  return kOk;
}

}  // namespace

std::vector<Command> caseloadCommands() {
  return {{"caseload", "families needing attention: overdue, trend, referrals, flags", caseload}};
}

}  // namespace securebase::cli
