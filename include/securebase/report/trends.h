// Following a family over time: pure functions over a loaded family record, so the progress
// report, the caseload arrow and the desktop program's chart read the same numbers, and a unit
// test needs no database.
//
// Rules (DESIGN §4, §5):
// - Only signed, current visits count: drafts never do, a visit replaced by a signed amendment
//   is left out, and a draft amendment does not yet replace its original (the store's
//   `current_visits` view).
// - Each visit is scored with the form it was made with (its own snapshot); sections and items
//   are matched across form versions by id.
// - Missed and cancelled visits count as held-or-not, never as scores.
// - Visits expected over a period: one at its start and one every `visit_frequency_days` after,
//   up to its end — ⌊days / frequency⌋ + 1. The period starts no earlier than the family's
//   first recorded visit, so a range reaching back before the family joined expects nothing
//   for that time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/forms/form.h"
#include "securebase/model/date.h"
#include "securebase/model/entities.h"
#include "securebase/store/store.h"

namespace securebase::report {

using model::Date;
using model::Id;

// The form a visit was made with, by (id, version); nullptr when unknown (its visits are then
// left out of scores). The caller resolves and caches them (see formLookupFor in
// progress_report.h), so trends stay pure.
using FormLookup = std::function<const forms::Form*(const std::string& form_id, int version)>;

// Inclusive; an open end takes in every visit on that side.
struct Period {
  std::optional<Date> from;
  std::optional<Date> to;

  bool contains(Date date) const;
};

// The rule for visits that count (the store's `current_visits`, DESIGN §11): signed and not
// replaced by a signed amendment. A draft — a new visit or an amendment in progress — never
// counts.
bool countsAsCurrent(const model::Visit& visit);

struct TrendVisit {
  Id id = 0;
  Date date;
  model::VisitOutcome outcome = model::VisitOutcome::completed;
  model::VisitStatus status = model::VisitStatus::draft;
  bool is_amendment = false;
  bool concern = false;  // a concern item answered "yes" in any of its observation sets
  std::string notes;
};

struct VisitCounts {
  int completed = 0;
  int missed = 0;
  int cancelled = 0;
  int expected = 0;        // see the rule at the top
  std::int64_t days = 0;   // length of the period counted (end − start)
  int frequency_days = 0;  // the family's visit frequency used
};

// One section's score (0–100) per completed visit; nullopt where nothing was rated or the
// visit's form has no such section.
struct SectionSeries {
  std::string section_id;
  forms::LocalizedText title;  // from the newest form that has the section
  bool is_private = false;
  std::vector<std::optional<double>> scores;
};

enum class Direction { up, down, same, not_comparable };
std::string_view toString(Direction direction);

enum class CellState { absent, unanswered, not_observed, rated };

// One item at one completed visit.
struct ItemCell {
  CellState state = CellState::absent;  // absent: not in the visit's form, or pair not seen
  int rating = 0;
  double fraction = 0;         // (rating − lowest) / (highest − lowest) of the item's scale
  forms::LocalizedText level;  // the rating level's label
};

struct ItemTrend {
  std::string section_id;
  std::string item_id;
  forms::LocalizedText label;
  bool is_private = false;
  bool has_parent_texts = false;  // strength/try texts exist (never in private sections)
  forms::LocalizedText strength;  // parent texts of the newest form, for the parent report
  forms::LocalizedText try_text;
  std::vector<ItemCell> cells;  // one per completed visit
  // First completed visit vs the latest, both as ratings; otherwise not comparable.
  Direction direction = Direction::not_comparable;
  std::optional<ItemCell> latest_rated;  // the latest cell that holds a rating
};

// One caregiver–child pair followed across the completed visits.
struct PairTrend {
  Id caregiver_id = 0;
  Id child_id = 0;
  std::vector<SectionSeries> sections;
  std::vector<ItemTrend> items;  // rating items, grouped by section in form order
  std::vector<Id> concern_visits;
  bool concern_on_latest = false;  // on the latest completed visit that observed this pair
};

struct Trends {
  Period period;                       // as asked
  std::vector<TrendVisit> visits;      // current visits in the period, by date, all outcomes
  std::vector<std::size_t> completed;  // indexes into visits: the x axis of every series
  VisitCounts counts;
  std::vector<SectionSeries> sections;  // family: mean over the pairs scored at each visit
  std::vector<PairTrend> pairs;
  std::vector<Id> concern_visits;
  bool concern_on_latest = false;          // the latest current completed visit raised a concern
  std::vector<model::Goal> goals;          // set by the period's end, not closed before its start
  std::vector<model::Referral> referrals;  // made by the period's end, open or made within it
  std::vector<model::Referral> open_referrals;

  std::vector<Date> completedDates() const;
  const TrendVisit& completedVisit(std::size_t x) const { return visits[completed[x]]; }
};

Trends computeTrends(const store::FamilyRecord& record, const FormLookup& forms,
                     const Period& period = {});

// The one-number trend behind the caseload arrow: the mean of the non-private section scores of
// the latest completed current visit minus the same mean at the completed visit before it (both
// must have a score; visits with nothing rated are skipped). Family level: each section's score
// is first averaged over the pairs observed. nullopt with fewer than two scored visits.
std::optional<double> trendPoints(const Trends& trends);
std::optional<double> trendPoints(const store::FamilyRecord& record, const FormLookup& forms);

// The trend as every screen and page prints it: whole points, rounded half away from zero,
// signed ("+3", "-2", "0"), so the report and the caseload never disagree by rounding.
std::string trendPointsText(double points);

// What a list or an overview says about a family, from its loaded record by the same rules as
// the store's kept-at-hand summary (store::FamilySummary): the window's family overview and the
// reports read it here, the caseload from the summary, and a test holds the two equal.
struct FamilyStanding {
  std::optional<Date> last_visit;      // latest signed, current, completed visit
  std::optional<Date> next_due;        // model::nextVisitDue from that visit
  std::optional<double> trend_points;  // trendPoints
  bool flagged = false;                // that visit raised a concern
  std::optional<Id> last_visit_id;     // the visit behind last_visit and flagged
  std::optional<Date> draft_date;      // latest visit still in draft, shown as "in progress"
};
FamilyStanding familyStanding(const store::FamilyRecord& record, const FormLookup& forms);

// A change smaller than this many points is "steady": one item moving one level on a
// three-level scale moves a section of eight items by 6.25 points and the mean of four public
// sections by about 1.6, so ±5 means several practices moved the same way.
inline constexpr double kSteadyWithinPoints = 5.0;

enum class TrendArrow { up, down, steady, none };
TrendArrow trendArrow(std::optional<double> points);
// "↑", "↓", "→", "" — for screens; the PDF fonts do not carry arrows, print trendWord there.
std::string_view arrowGlyph(TrendArrow arrow);
// "improving" / "mejorando", "needs attention" / "necesita atención", "steady" / "estable", "".
std::string_view trendWord(TrendArrow arrow, model::Language language);

}  // namespace securebase::report
