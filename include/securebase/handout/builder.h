// Turning handout content (content.h) plus what is known about one family into a pdf::Document
// (DESIGN §6). The inputs are plain values so the builders are pure: the store-facing loader
// lives in personal_inputs.h. A handout goes home and anyone in the household may read it, so
// the inputs have no place for wellbeing items, concern flags, referrals or scores.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "securebase/handout/content.h"
#include "securebase/model/date.h"
#include "securebase/model/enums.h"
#include "securebase/pdf/document.h"
#include "securebase/pdf/render.h"

namespace securebase::handout {

struct ClinicDetails {
  std::string name;
  std::string phone;
  std::string address;
  std::string logo_png;     // the PNG file's bytes (readLogo), empty for none
  std::string help_lines;   // one "Name: number" per line, empty for none
  std::string crisis_line;  // "Crisis line: 988" (settings clinic.crisis_line), empty for none
  std::string website;      // where parents learn more (settings clinic.website), empty for none
};

// What every handout needs, personalised or not.
struct HandoutBasics {
  model::Language language = model::Language::en;
  pdf::PaperSize paper = pdf::PaperSize::letter;
  ClinicDetails clinic;
  model::Date printed_on;  // the footer's "Printed on …"
};

struct GenericInputs {
  HandoutBasics basics;
  std::optional<std::string> child_name;  // first name, for "Made for …" and the texts
  model::Sex sex = model::Sex::unknown;   // Spanish agreement in the texts
  std::optional<int> age_months;          // picks the age-matched sections; none: general
};

struct PersonalInputs {
  HandoutBasics basics;
  // First names of the children observed at the visit: one, or two for twins.
  std::vector<std::string> child_names;
  model::Sex sex = model::Sex::unknown;  // of the first child; unknown for twins
  model::Date visit_date;
  // Whole months at the visit, corrected for prematurity under 2 years; picks the age-matched
  // sections (none: the general version).
  std::optional<int> age_months;
  std::vector<std::string> strengths;      // parent texts, already personalised, best first
  std::vector<std::string> things_to_try;  // at most three
  std::vector<std::string> open_goals;
  std::optional<model::Date> next_visit;
  std::string counselor_name;
  std::string counselor_phone;
  std::string counselor_email;
};

// How many strengths "What we saw today" shows at most, and "Things to try this week".
inline constexpr std::size_t kMaxStrengths = 5;
inline constexpr std::size_t kMaxThingsToTry = 3;

// Title, an optional "Made for …" line, then every section of the content.
// Throws Error(bad_input) when a text cannot be resolved (a bad marker).
pdf::Document buildGenericHandout(const HandoutContent& content, const GenericInputs& inputs);

// "What we saw today", "Things to try this week", the family's goals, the next visit and the
// counselor, then the general content. Throws Error(bad_input) when there is nothing to
// personalise (no strengths and nothing to try).
pdf::Document buildPersonalisedHandout(const HandoutContent& content, const PersonalInputs& inputs);

// The PDF with `copies` copies of the document one after another (1–100), each numbered on its
// own ("Page 1 of 2" twice for two copies of a two-page handout).
pdf::RenderedPdf renderHandout(const pdf::Document& document, int copies = 1);

// "December 4, 2026" / "4 de diciembre de 2026".
std::string longDate(model::Date date, model::Language language);
// "December 2026" / "diciembre de 2026".
std::string monthAndYear(model::Date date, model::Language language);

// "Name: number" lines as (name, number) pairs; a line without ":" is kept whole as the name.
// Blank lines are skipped.
std::vector<std::pair<std::string, std::string>> parseHelpLines(const std::string& text);

// Reads a logo file; Error(not_found) when it cannot be read, Error(bad_input) when it is not
// a PNG.
std::string readLogo(const std::string& path);

}  // namespace securebase::handout
