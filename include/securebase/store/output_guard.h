// Outputs (exports, PDFs, CSV) must never land on the database they came from: a -o naming the
// database, its journal, a file of an unfinished change or a backup would destroy what it
// protects. Compared by the file itself (inode) as well as by name, so links and ../ spellings
// are caught too.
#pragma once

#include <filesystem>

namespace securebase::store {

// Throws Error(bad_input) when `target` is `database`, one of its -wal/-shm/-journal files, a
// file beside it belonging to it (recovery.h's remainsOf), or a file in `backup_folder`.
void refuseDatabaseTarget(const std::filesystem::path& target,
                          const std::filesystem::path& database,
                          const std::filesystem::path& backup_folder);

}  // namespace securebase::store
