// Backups of the database: encrypted like the database itself, verified before they count,
// rotated, and restored without ever overwriting the current file.
//
// A backup is `<folder>/<database stem>-<id>-YYYYMMDD-HHMMSS.db` (<id>: the first 12 hex digits
// of databaseId), written as a .partial file, opened
// again and integrity-checked, and only then given its name — so every file that looks like a
// backup is one that opened. The desktop program takes one on close and at most daily while
// open; `securebase-cli backup` takes one on demand.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "securebase/core/error.h"

namespace securebase::store {

class Database;
class Store;

struct BackupPolicy {
  std::filesystem::path folder;  // where backups go
  int keep = 7;                  // newest backups kept; older ones are removed after a new one
};

// The folder and count in the database's settings (backup.folder, backup.keep), defaulting to
// a "backups" folder beside the database and 7.
BackupPolicy backupPolicy(Store& store, const std::filesystem::path& database_file);

struct BackupInfo {
  std::filesystem::path file;
  std::string taken;  // "YYYY-MM-DD HH:MM:SS" (UTC), from the name
  std::uintmax_t bytes = 0;
};

// The database's own id (schema 7): random, made once when the table is created, copied into
// every backup, and written into backup names so backups of two databases with the same file
// name in one folder are never mixed up.
std::string databaseId(Database& db);

// The backups of `database_file` in `folder`, newest first: those whose name carries
// `database_id`, or with an empty id every backup named after the file (ids and older names
// without one alike).
std::vector<BackupInfo> listBackups(const std::filesystem::path& folder,
                                    const std::filesystem::path& database_file,
                                    const std::string& database_id = {});

using Clock = std::chrono::system_clock;

// Writes, verifies and names a new backup of `db`, then removes the oldest beyond
// policy.keep. Throws Error(output) when the folder cannot be written; never leaves a
// half-written backup under a backup's name.
BackupInfo createBackup(Database& db, const BackupPolicy& policy,
                        Clock::time_point now = Clock::now());

// True when the newest backup is older than a day (or there is none).
bool backupDue(const BackupPolicy& policy, const std::filesystem::path& database_file,
               Clock::time_point now = Clock::now(), const std::string& database_id = {});

// Puts `backup` in place of `database_file` after checking that it opens with `key` and passes
// its integrity check. The current file (if any) is moved aside, never overwritten; the returned
// path names where it went (empty when there was none). Refused while another program has the
// database open.
std::filesystem::path restoreBackup(const std::filesystem::path& backup,
                                    const std::filesystem::path& database_file,
                                    const std::string& key, Clock::time_point now = Clock::now());

// "…; restore it from a backup" with the newest backup named, for damaged-file messages.
std::string restoreAdvice(const std::filesystem::path& database_file);
// The same advice as a message part that the desktop program translates.
ErrorText restoreAdviceText(const std::filesystem::path& database_file);

}  // namespace securebase::store
