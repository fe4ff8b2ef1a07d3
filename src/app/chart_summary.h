// The family's chart in words, for screen readers: the panel only paints lines, so its
// accessible text says what the lines show — how many visits, and each section's score at the
// latest one.
#pragma once

#include <wx/string.h>

#include "securebase/pdf/chart.h"

namespace securebase::app {

// "Practices over the visits, 3 visits. Latest, Mar 14: Sensitivity 75%, Play not observed."
wxString chartSummary(const pdf::LineChart& chart);

}  // namespace securebase::app
