// Demo data: realistic families for trying SecureBase, training counselors and measuring speed.
// Children of varied ages (some preterm, some twins), 5–40 visits each over months with some
// missed or cancelled, practices that improve unevenly, goals and referrals. The same seed and
// `today` always give the same database content (apart from uuids and audit timestamps).
#pragma once

#include <cstdint>
#include <functional>

#include "securebase/forms/form.h"
#include "securebase/model/date.h"
#include "securebase/store/store.h"

namespace securebase::demo {

struct DemoOptions {
  int families = 20;
  std::uint64_t seed = 20261128;
  model::Date today = model::Date::today();
  int families_per_transaction = 50;  // batches keep 10,000 families within a minute
};

struct DemoResult {
  int families = 0;
  int visits = 0;
  int observations = 0;
};

// Called after each batch with (families written, families wanted); return false to stop
// (what was already committed stays).
using Progress = std::function<bool(int done, int total)>;

DemoResult generateDemo(store::Store& store, const forms::Form& form, const DemoOptions& options,
                        const Progress& progress = {});

}  // namespace securebase::demo
