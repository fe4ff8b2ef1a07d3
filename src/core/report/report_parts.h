// Pieces both audiences of the progress report share, and the two audience builders.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "securebase/report/progress_report.h"

namespace securebase::report::parts {

// The period as printed: the asked dates, else the first and latest visit in it.
struct ShownPeriod {
  std::optional<Date> from;
  std::optional<Date> to;
};
ShownPeriod shownPeriod(const Trends& trends);

// The date ages are given on: the period's end, else the printed date.
Date ageDate(const ReportOptions& options);

std::string caregiverName(const store::FamilyRecord& record, Id caregiver_id);
std::string childName(const store::FamilyRecord& record, Id child_id);
const model::Child* findChild(const store::FamilyRecord& record, Id child_id);
// "Ana with Sofía" — heads each pair's part when a visit observes several pairs.
std::string pairTitle(const store::FamilyRecord& record, const PairTrend& pair,
                      const ReportText& text);

// "7 months" or, for a preterm baby under 24 months, with the corrected age in `corrected_key`.
std::string ageText(const model::Child& child, Date on, const ReportText& text,
                    const char* plain_key, const char* corrected_key);

// Strengths and growth areas of one pair (first vs latest visit), rating items only.
bool isStrength(const ItemTrend& item);
bool isGrowthArea(const ItemTrend& item);
// The cell of the first visit that rated the item.
const ItemCell* firstRated(const ItemTrend& item);

// The "no visits yet" / "no visits in the range" sentence, or "" when there are visits.
std::string noVisitsSentence(const Trends& trends, const ReportText& text, bool parent);

void addClinicalBody(pdf::Document& doc, const ReportInput& input, const Trends& trends,
                     const ReportText& text, const ReportOptions& options);
void addParentBody(pdf::Document& doc, const ReportInput& input, const Trends& trends,
                   const ReportText& text, const ReportOptions& options);

}  // namespace securebase::report::parts
