// Where a command's file output goes (-o): a file, never the database's own files (see
// store/output_guard.h); or, for "-", standard output, with the command's own message moved to
// standard error so the output stays clean.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

#include "cli.h"

namespace securebase::cli {

inline bool toStandardOutput(const std::string& target) {
  return target == "-";
}

// Writes `bytes` to `target` ("-": standard output), refusing the files of `database` and
// anything in `backup_folder`.
void writeOutput(const std::string& target, std::string_view bytes,
                 const std::filesystem::path& database, const std::filesystem::path& backup_folder);
void writeOutput(const std::string& target, std::string_view bytes, OpenStore& open);

// Refuses (Error(bad_input)) a target that is one of the database's files or in its backup folder.
void refuseDatabaseFiles(const std::string& target, OpenStore& open);

// Where to say what was written: stderr when the output itself went to stdout.
std::ostream& messageStream(const std::string& target);

}  // namespace securebase::cli
