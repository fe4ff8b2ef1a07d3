// --from FILE on the commands that record people (family add, caregiver add, child add): the
// fields come as one JSON object from a file or, with "-", standard input, so names, phone
// numbers and addresses never appear in the process list the way arguments do.
#pragma once

#include <string>
#include <vector>

#include "cli.h"

namespace securebase::cli {

// Adds the --from option (for --help).
void addFieldsFromOption(po::options_description& options);

// `args` with --from FILE replaced by the fields of the JSON object in FILE as --name value
// pairs. Keys must be option names of `options`; values strings or whole numbers; a field may
// not be given both ways. Unchanged when there is no --from.
std::vector<std::string> withFieldsFromJson(const std::vector<std::string>& args,
                                            const po::options_description& options);

}  // namespace securebase::cli
