#include "securebase/model/entities.h"

#include <charconv>

namespace securebase::model {

std::optional<int> Observation::rating() const {
  if (not_observed || value.empty()) return std::nullopt;
  int result = 0;
  const auto* end = value.data() + value.size();
  auto [ptr, ec] = std::from_chars(value.data(), end, result);
  if (ec != std::errc{} || ptr != end) return std::nullopt;
  return result;
}

const Observation* ObservationSet::find(const std::string& item_id) const {
  for (const auto& observation : observations)
    if (observation.item_id == item_id) return &observation;
  return nullptr;
}

}  // namespace securebase::model
