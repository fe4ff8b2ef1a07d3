// The progress report (DESIGN §7): one family over a date range, as a pdf::Document ready for
// pdf::renderPdf / pdf::writePdf. Two audiences:
// - clinical: the full record — visits held vs expected, missed and cancelled, concern flags,
//   a chart and a table of scores per section, items × visits, strengths and growth areas,
//   goals, referrals, counselor notes and a signature line. Private (wellbeing) sections shown.
// - parent: strengths first, in plain words and the family's language, built from the form's
//   own parent texts. No numbers about the parent (scores, percentages, counts of missed
//   visits), no wellbeing items, no concern flags, no referrals, no counselor notes (they may
//   speak of wellbeing). The chart is left out: a line without numbers says little, and a line
//   with them is a score.
// A family with no visits (or none in the range) still gets a one-page report saying so.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "securebase/forms/form_catalog.h"
#include "securebase/model/date.h"
#include "securebase/pdf/document.h"
#include "securebase/report/report_text.h"
#include "securebase/report/trends.h"
#include "securebase/store/store.h"

namespace securebase::report {

enum class Audience { clinical, parent };
std::optional<Audience> parseAudience(std::string_view text);  // "clinical" | "parent"

struct ReportOptions {
  Period period;
  Audience audience = Audience::clinical;
  model::Language language = model::Language::en;
  pdf::PaperSize paper = pdf::PaperSize::letter;
  Date today = Date::today();  // the printed date; ages are given on the period's end, else today
};

// Everything the report prints besides the trends: plain values, so building needs no store.
struct ReportInput {
  store::FamilyRecord record;
  std::string counselor_name;  // the family's counselor ("" when none)
  std::string clinic_name;
  std::string clinic_phone;
  // The audit trail's head hash when the report was made (store/audit_chain.h), printed under
  // the clinical signature so a later rewrite of the trail shows against the paper. Empty: a
  // report made without a database, printed without it.
  std::string audit_head;
};

// Pure: the document for `input` and its `trends` (computed over options.period).
pdf::Document buildProgressReport(const ReportInput& input, const Trends& trends,
                                  const ReportText& text, const ReportOptions& options);

// Forms by (id, version) from the visits' stored snapshots (service::formFor), each read once.
FormLookup formLookupFor(store::Store& store, const forms::FormCatalog& catalog);

// Loads the family (Error(not_found) for an unknown id), the clinic settings and the report
// texts for options.language, and builds the report. Throws Error(bad_input) when the period's
// start is after its end.
pdf::Document progressReport(store::Store& store, const forms::FormCatalog& catalog,
                             model::Id family_id, const ReportOptions& options);

}  // namespace securebase::report
