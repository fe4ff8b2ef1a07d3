// Recording visits against their forms: the one path the CLI, the desktop program and imports
// take, so every visit is checked the same way before it reaches the store.
#pragma once

#include <string>
#include <vector>

#include "securebase/forms/form.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/store/store.h"

namespace securebase::service {

store::FormSnapshot snapshotOf(const forms::Form& form);

// The form a visit of (id, version) is read with: the snapshot stored by the first visit that
// used it — so old visits display and score after the file changes or is gone — else the
// catalog's file. A catalog file whose content differs from the stored snapshot under the same
// version is refused. Error(not_found) when neither exists.
forms::Form formFor(store::Store& store, const forms::FormCatalog& catalog, const std::string& id,
                    int version);

// Checks every answer against the visit's form and stores the visit as one action.
model::Id recordVisit(store::Store& store, const forms::FormCatalog& catalog,
                      const model::Visit& visit);

// The one write of an edited answer — a rating, "not observed", a note or the focus pick —
// for every editor: checked against its item, then saved; or cleared when nothing is left of it
// (no value, not "not observed", no note and no focus). A focus that came with the answer (from
// a visit file or an amendment) is kept like any other part. Returns false when cleared.
bool saveAnswer(store::Store& store, model::Id visit_id, model::Id set_id, const forms::Item& item,
                const model::Observation& answer);

// Items still unanswered in a visit, as "item-id" per set (with the set's pair when there are
// several), for the warning before signing.
std::vector<std::string> unansweredBeforeSigning(const forms::Form& form,
                                                 const model::Visit& visit);

}  // namespace securebase::service
