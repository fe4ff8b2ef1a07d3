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
  store::refuseDatabaseTarget(target, database, backup_folder);
  pdf::writeFileAtomically(target, bytes);
}

void writeOutput(const std::string& target, std::string_view bytes, OpenStore& open) {
  writeOutput(target, bytes, open.db->file(),
              store::backupPolicy(*open.store, open.db->file()).folder);
}

std::ostream& messageStream(const std::string& target) {
  return toStandardOutput(target) ? std::cerr : std::cout;
}

}  // namespace securebase::cli
