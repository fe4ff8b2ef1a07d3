// Scores kept at hand for lists: how a visit's scores are computed from its form, and the scorer
// every front end installs on its Store so each visit change stores them at once.
#pragma once

#include <memory>

#include "securebase/forms/form.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/store/store.h"

namespace securebase::service {

// Bump when the rules below change: stored scores of an older version are rebuilt on open.
inline constexpr int kScoringVersion = 1;

// A completed visit's section scores (averaged over its caregiver–child pairs), the overall
// score (mean of the non-private sections that have a score) and whether any pair raised a
// concern. A missed or cancelled visit has no scores.
store::VisitScores scoreVisit(const forms::Form& form, const model::Visit& visit);

// Installs the scorer (forms looked up as service::formFor does, cached) and rebuilds outdated
// scores. The catalog is shared with the scorer, which keeps it alive.
void enableScoring(store::Store& store, std::shared_ptr<const forms::FormCatalog> catalog);

}  // namespace securebase::service
