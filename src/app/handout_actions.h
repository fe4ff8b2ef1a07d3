// Handouts from the window: the personalised handout of a visit (language, paper and copies
// chosen in HandoutDialog, the family's language and the clinic's paper proposed), and every
// active family's handout at once with progress and Cancel. The PDFs go through savePdf
// (pdf_output.h).
#pragma once

#include <filesystem>
#include <optional>

#include "securebase/model/entities.h"

class wxWindow;

namespace securebase::app {

class Session;

// The handout for `visit_id` (HandoutDialog first, unless PDFs are saved without asking); the
// file written, or nullopt after saying why not (nothing rated yet, a missed visit) or when the
// user cancelled.
std::optional<std::filesystem::path> personalisedHandout(wxWindow* parent, Session& session,
                                                         model::Id visit_id);

// The handout of the family's latest completed visit; tells the user when there is none.
std::optional<std::filesystem::path> latestVisitHandout(wxWindow* parent, Session& session,
                                                        model::Id family_id);

// Asks for a folder, then writes one handout per active family with a progress dialog that can
// cancel; ends with a summary of what was written and skipped.
void batchHandouts(wxWindow* parent, Session& session);

}  // namespace securebase::app
