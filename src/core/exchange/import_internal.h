// Steps of import shared between its files (see securebase/exchange/import.h).
#pragma once

#include <string>

#include "securebase/exchange/exchange_data.h"
#include "securebase/forms/form.h"

namespace securebase::exchange::detail {

// Consistency within one parsed file (before sorting, so paths name the file's positions):
// unique uuids, references between records of the file, signatures, amendment links, form
// snapshots that match their fingerprint, and answers valid against the file's forms.
// Error(bad_input) "<source>: <json path>: <problem>".
void checkConsistency(const ExchangeData& data, const std::string& source);

// Every answer of the visit checked against its form; Error(bad_input) naming `where`.
void checkAnswers(const forms::Form& form, const VisitData& visit, const std::string& where);

}  // namespace securebase::exchange::detail
