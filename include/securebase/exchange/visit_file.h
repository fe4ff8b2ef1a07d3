// Visit files: one visit as JSON, the input of `securebase-cli visit add --from FILE`. The shape
// is the one `visit show --format json` prints, so a shown visit can be fed back in (its id,
// uuid and signature fields are ignored: a file always becomes a new draft).
//
// {"family_id": 12, "date": "2026-11-20", "outcome": "completed", "place": "home",
//  "present": "Ana, Sofía", "form_id": "attachment-practices", "form_version": 1,
//  "notes": "", "next_planned": "2026-12-04",
//  "observation_sets": [{"caregiver_id": 3, "child_id": 5, "observations": [
//     {"item_id": "responds-to-cry", "rating": 2, "note": "went at once"},
//     {"item_id": "quiet-alert-time", "not_observed": true},
//     {"item_id": "concern", "value": "no"}]}]}
#pragma once

#include <string>
#include <string_view>

#include "securebase/model/entities.h"

namespace securebase::exchange {

// Parses and checks the shape of a visit file. Errors are securebase::Error(bad_input) naming
// the source, the JSON path and the problem. Checking answers against the form is the caller's
// job (forms::validateObservationSet), since the form is named inside the file.
model::Visit parseVisitFile(std::string_view json_text, const std::string& source_name);

}  // namespace securebase::exchange
