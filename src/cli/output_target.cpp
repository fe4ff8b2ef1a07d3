#include "output_target.h"

#include <iostream>

#include "securebase/core/error.h"
#include "securebase/pdf/render.h"
#include "securebase/store/backup.h"
#include "securebase/store/output_guard.h"

namespace securebase::cli {

void writeOutput(const std::string& target, std::string_view bytes,
                 const std::filesystem::path& database,
                 const std::filesystem::path& backup_folder) {
  if (toStandardOutput(target)) {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    if (!std::cout) throwOutput("could not write to standard output");
    return;
  }
  if (!database.empty()) store::refuseDatabaseTarget(target, database, backup_folder);
  pdf::writeFileAtomically(target, bytes);
}

void refuseDatabaseFiles(const std::string& target, OpenStore& open) {
  store::refuseDatabaseTarget(target, open.db->file(),
                              store::backupPolicy(*open.store, open.db->file()).folder);
}

void writeOutput(const std::string& target, std::string_view bytes, OpenStore& open) {
  if (!toStandardOutput(target)) refuseDatabaseFiles(target, open);
  writeOutput(target, bytes, {}, {});
}

std::ostream& messageStream(const std::string& target) {
  return toStandardOutput(target) ? std::cerr : std::cout;
}

}  // namespace securebase::cli
