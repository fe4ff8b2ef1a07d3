// Starting a visit: a short dialog for the header and the caregiver–child pairs observed,
// then the draft is recorded (service::recordVisit, empty observation sets) and opened in the
// visit editor, where every answer is saved as it is given.
#pragma once

#include "securebase/model/entities.h"

class wxWindow;

namespace securebase::app {

class Session;
class VisitEditor;

// True when a draft was recorded (and its editor opened).
bool startNewVisit(wxWindow* parent, Session& session, model::Id family_id);

// Opens (or brings forward) the editor of a visit; nullptr after telling why it cannot.
VisitEditor* openVisitEditor(wxWindow* parent, Session& session, model::Id visit_id);

}  // namespace securebase::app
