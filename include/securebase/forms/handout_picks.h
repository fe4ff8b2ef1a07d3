// What a personalised handout says about the visit (DESIGN §6): "What we saw today" and
// "Things to try this week". Pure functions over the form and one observation set. Items of
// private sections, unanswered items and items not observed are never used.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "securebase/forms/form.h"
#include "securebase/model/entities.h"
#include "securebase/model/enums.h"

namespace securebase::forms {

struct HandoutPoint {
  std::string item_id;
  std::string text;  // personalised
};

// Strength texts of the items rated above the lowest level, highest rating first, form order
// breaking ties; items the counselor picked for "things to try" are left out.
std::vector<HandoutPoint> strengths(const Form& form, const model::ObservationSet& set,
                                    model::Language language, const std::string& child_name,
                                    model::Sex sex, std::size_t max_count);

// Try texts: items the counselor picked (Observation::focus) first, in form order; then items
// rated below the top level, lowest rating first, form order breaking ties.
std::vector<HandoutPoint> thingsToTry(const Form& form, const model::ObservationSet& set,
                                      model::Language language, const std::string& child_name,
                                      model::Sex sex, std::size_t max_count = 3);

}  // namespace securebase::forms
