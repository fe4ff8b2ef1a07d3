// Visits with answers for GUI tests, recorded through the core as the program does.
#pragma once

#include "gui_support.h"
#include "securebase/forms/form_catalog.h"

namespace securebase::testing {

// Records a completed visit `days_ago` days back rating every rating item at `level` (0–2),
// with every concern item answered `concern ? "yes" : "no"`, signed by the store's counselor
// (only signed visits count in lists and charts). Returns the visit id.
model::Id recordRatedVisit(store::Store& store, const forms::FormCatalog& catalog,
                           const TestFamily& family, int days_ago, int level, bool concern);
// The same visit left as a draft.
model::Id recordRatedDraft(store::Store& store, const forms::FormCatalog& catalog,
                           const TestFamily& family, int days_ago, int level, bool concern);

}  // namespace securebase::testing
