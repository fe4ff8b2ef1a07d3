// Section scores (DESIGN §5): the mean of a section's rated items as a percentage of the
// scale's range — (rating − lowest level) / (highest − lowest level) × 100, which for a scale
// starting at 0 is the share of the scale maximum. Only rating items count; "not observed" and
// unanswered items are left out (and counted), and a rating that is not a level of the scale
// is treated as unanswered.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "securebase/forms/form.h"
#include "securebase/model/entities.h"

namespace securebase::forms {

struct SectionScore {
  std::string section_id;
  bool is_private = false;        // clinical report only
  std::optional<double> percent;  // 0–100; nullopt when nothing in the section was rated
  int rated = 0;
  int not_observed = 0;
  int unanswered = 0;
};

// One entry per section, in form order.
std::vector<SectionScore> scoreSections(const Form& form, const model::ObservationSet& set);

struct SectionChange {
  std::string section_id;
  bool is_private = false;
  std::optional<double> points;  // current − previous; nullopt when either side has no score
};

// Per section of `current`, matched to `previous` by section id.
std::vector<SectionChange> scoreChange(const std::vector<SectionScore>& previous,
                                       const std::vector<SectionScore>& current);

}  // namespace securebase::forms
