#include "securebase/store/output_guard.h"

#include <vector>

#include "file_change.h"
#include "securebase/core/error.h"
#include "securebase/store/recovery.h"

namespace securebase::store {
namespace fs = std::filesystem;

namespace {

fs::path normal(const fs::path& path) {
  std::error_code ec;
  const fs::path full = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? path.lexically_normal() : full;
}

}  // namespace

void refuseDatabaseTarget(const fs::path& target, const fs::path& database,
                          const fs::path& backup_folder) {
  const fs::path where = normal(target);
  std::vector<fs::path> protected_files = {database};
  for (const char* suffix : {"-wal", "-shm", "-journal"})
    protected_files.emplace_back(database.string() + suffix);
  for (auto& file : remainsOf(database)) protected_files.push_back(std::move(file));
  for (const auto& file : protected_files)
    if (normal(file) == where || sameFile(file, target))
      throwBadInput("refusing to write over " + target.string() + ": it is " +
                    (file == database ? "the database itself"
                                      : "a file of the database " + database.string()) +
                    "; choose another file");
  if (!backup_folder.empty() && where.parent_path() == normal(backup_folder))
    throwBadInput("refusing to write " + target.string() + " into the backup folder " +
                  backup_folder.string() + "; choose another file");
}

}  // namespace securebase::store
