// Who is working (DESIGN §11). Counselors are records; the one at work signs, amends and is
// named on every audit row. Both programs choose them by the same rule: the name asked for
// (the command line's --as, the desktop program's choice) when given, else the personal
// setting counselor.name. The operating-system login is only ever a second field beside it.
#pragma once

#include <string>

#include "securebase/store/store.h"

namespace securebase::service {

// The counselor record that `wanted` names: its full name with any capitalisation and accents,
// or the one counselor whose name holds every word of it ("carmen" finds "Carmen Ortiz").
// Error(not_found) naming the counselors there are when none or several match.
model::Counselor findCounselor(store::Store& store, const std::string& wanted);

// The name of who is working: findCounselor(wanted) when `wanted` is not empty, else the
// setting counselor.name (its record is added when it first signs), else "" (nobody named).
std::string workingCounselorName(store::Store& store, const std::string& wanted);

// The operating-system login of this process, e.g. "ana" ("unknown" when it has none).
std::string systemLogin();

}  // namespace securebase::service
