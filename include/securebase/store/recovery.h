// Putting right what an interrupted encrypt, passphrase change or restore left beside a database
// (see file_change.h for how those changes are made): every front end calls
// finishInterruptedChange before it opens a database, and tells the user what it did.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "securebase/core/error.h"

namespace securebase::store {

// Completes a change whose new file was verified and in place, rolls back one that was not, and
// puts back a database that an older version's crash left only under an aside name. Returns one
// sentence per thing done (empty: nothing was unfinished), in words the window translates.
// Needs no passphrase.
std::vector<ErrorText> finishInterruptedChange(const std::filesystem::path& database);

// Files beside `database` that belong to it (journal, copies set aside, unfinished changes):
// when the database itself is missing they mean it existed, and creating an empty one would
// hide the user's data.
std::vector<std::filesystem::path> remainsOf(const std::filesystem::path& database);

// Unencrypted SQLite files among remainsOf(database): a kept original, a leftover copy.
std::vector<std::filesystem::path> plaintextCopiesBeside(const std::filesystem::path& database);

}  // namespace securebase::store
