// When a visit can have happened: not before the family joined the program, nor before a child
// it observes was born. Every path that writes a visit date (entry, draft edits, import) checks
// it here.
#pragma once

#include "securebase/model/entities.h"

namespace securebase::store {

class Database;

// Throws Error(bad_input) naming the date and what it precedes.
void requirePlausibleVisitDate(Database& db, const model::Visit& visit);

}  // namespace securebase::store
