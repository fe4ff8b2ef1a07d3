// The numbered facts of the guidance (DESIGN §2) that form items may refer to.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/forms/form.h"

namespace securebase::forms {

// G1–G7, P1–P9, H1, R1, S1, S2, in that order.
const std::vector<std::string_view>& knownGuidanceIds();
bool isKnownGuidance(std::string_view id);

// Every guidance id the form's items (and their concern follow-ups) refer to.
std::set<std::string> guidanceCovered(const Form& form);

// Ids from `required` that the form does not cover, in the order given.
std::vector<std::string> missingGuidance(const Form& form,
                                         const std::vector<std::string_view>& required);

// What the shipped attachment instrument must cover: P1–P9, G4 and H1.
const std::vector<std::string_view>& requiredAttachmentGuidance();

}  // namespace securebase::forms
