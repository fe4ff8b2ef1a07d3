// Making a written file, and a rename, survive a power cut: the file's data and the folder
// holding its name must both reach the disk. Used by backups, restores and encryption.
#pragma once

#include <filesystem>

namespace securebase::store {

// fsync of the file's contents (quietly nothing if it cannot be opened).
void syncFile(const std::filesystem::path& file);
// fsync of the folder that holds `file`'s name, so a create or rename in it is durable.
void syncFolderOf(const std::filesystem::path& file);

}  // namespace securebase::store
