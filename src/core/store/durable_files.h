// Making a written file, and a rename, survive a power cut: the file's data and the folder
// holding its name must both reach the disk. Used by backups, restores and encryption.
#pragma once

#include <filesystem>

namespace securebase::store {

// fsync of the file's contents. Both throw securebase::Error (output) naming the file when it
// cannot be opened or the disk refuses the sync: a copy not known to be on disk is not safe.
void syncFile(const std::filesystem::path& file);
// fsync of the folder that holds `file`'s name, so a create or rename in it is durable.
void syncFolderOf(const std::filesystem::path& file);

}  // namespace securebase::store
