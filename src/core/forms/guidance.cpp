#include "securebase/forms/guidance.h"

#include <algorithm>

namespace securebase::forms {

const std::vector<std::string_view>& knownGuidanceIds() {
  static const std::vector<std::string_view> ids{"G1", "G2", "G3", "G4", "G5", "G6", "G7",
                                                 "P1", "P2", "P3", "P4", "P5", "P6", "P7",
                                                 "P8", "P9", "H1", "R1", "S1", "S2"};
  return ids;
}

bool isKnownGuidance(std::string_view id) {
  const auto& ids = knownGuidanceIds();
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::set<std::string> guidanceCovered(const Form& form) {
  std::set<std::string> covered;
  for (const auto& section : form.sections) {
    for (const auto& item : section.items) {
      covered.insert(item.guidance);
      if (!item.leads_to.empty()) covered.insert(item.leads_to);
    }
  }
  return covered;
}

std::vector<std::string> missingGuidance(const Form& form,
                                         const std::vector<std::string_view>& required) {
  const auto covered = guidanceCovered(form);
  std::vector<std::string> missing;
  for (auto id : required)
    if (!covered.count(std::string(id))) missing.emplace_back(id);
  return missing;
}

const std::vector<std::string_view>& requiredAttachmentGuidance() {
  static const std::vector<std::string_view> ids{"P1", "P2", "P3", "P4", "P5", "P6",
                                                 "P7", "P8", "P9", "G4", "H1"};
  return ids;
}

}  // namespace securebase::forms
