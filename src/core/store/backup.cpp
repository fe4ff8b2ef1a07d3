#include "securebase/store/backup.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <memory>
#include <regex>

#include "durable_files.h"
#include "securebase/core/error.h"
#include "securebase/store/database.h"
#include "securebase/store/encryption.h"
#include "securebase/store/settings.h"
#include "securebase/store/store.h"

namespace securebase::store {
namespace fs = std::filesystem;

namespace {

std::string stamp(Clock::time_point when, const char* format) {
  const std::time_t t = Clock::to_time_t(when);
  std::tm utc{};
  ::gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, format, &utc);
  return text;
}

// <stem>-YYYYMMDD-HHMMSS[-N].db; the stem may itself contain dashes.
std::optional<std::string> takenFromName(const fs::path& file, const std::string& stem) {
  static const std::regex kPattern(R"(-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(-\d+)?\.db)");
  const std::string name = file.filename().string();
  if (name.size() <= stem.size() || name.compare(0, stem.size(), stem) != 0) return std::nullopt;
  std::smatch m;
  const std::string rest = name.substr(stem.size());
  if (!std::regex_match(rest, m, kPattern)) return std::nullopt;
  return m[1].str() + "-" + m[2].str() + "-" + m[3].str() + " " + m[4].str() + ":" + m[5].str() +
         ":" + m[6].str();
}

void checkCopy(const fs::path& file, const std::string& key) {
  if (!key.empty()) {
    verifyEncryptedFile(file, key);
    return;
  }
  if (inspectDatabaseFile(file) != FileKind::plain)
    throwDatabase(file.string() + " is not a SecureBase database");
  Database copy(file, {.create_if_missing = false, .read_only = true});
  Statement check(copy, "PRAGMA integrity_check");
  check.step();
  if (check.text(0) != "ok")
    throwDatabase(file.string() + " failed its integrity check: " + check.text(0));
}

}  // namespace

BackupPolicy backupPolicy(Store& store, const fs::path& database_file) {
  BackupPolicy policy;
  const auto folder = store.setting(setting::backup_folder);
  policy.folder =
      folder && !folder->empty() ? fs::path(*folder) : database_file.parent_path() / "backups";
  policy.keep = settingNumber(store, setting::backup_keep);
  return policy;
}

std::vector<BackupInfo> listBackups(const fs::path& folder, const fs::path& database_file) {
  std::vector<BackupInfo> backups;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return backups;
  const std::string stem = database_file.stem().string();
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    if (auto taken = takenFromName(entry.path(), stem))
      backups.push_back({entry.path(), *taken, entry.file_size(ec)});
  }
  // The name sorts by time; a same-second suffix sorts after its plain name.
  std::sort(backups.begin(), backups.end(), [](const BackupInfo& a, const BackupInfo& b) {
    if (a.taken != b.taken) return a.taken > b.taken;
    return a.file.filename().string().size() > b.file.filename().string().size() ||
           (a.file.filename().string().size() == b.file.filename().string().size() &&
            a.file.filename() > b.file.filename());
  });
  return backups;
}

BackupInfo createBackup(Database& db, const BackupPolicy& policy, Clock::time_point now) {
  std::error_code ec;
  fs::create_directories(policy.folder, ec);
  if (ec || ::access(policy.folder.c_str(), W_OK) != 0)
    throwOutput("cannot write backups to " + policy.folder.string() +
                ": the folder cannot be created or written");
  const std::string base = db.file().stem().string() + "-" + stamp(now, "%Y%m%d-%H%M%S");
  fs::path target = policy.folder / (base + ".db");
  for (int n = 2; fs::exists(target, ec); ++n)
    target = policy.folder / (base + "-" + std::to_string(n) + ".db");
  const fs::path partial = fs::path(target.string() + ".partial");
  fs::remove(partial, ec);
  exportEncryptedCopy(db, partial, db.key());
  try {
    checkCopy(partial, db.key());
  } catch (...) {
    fs::remove(partial, ec);
    throw;
  }
  fs::rename(partial, target, ec);
  if (ec) {
    fs::remove(partial, ec);
    throwOutput("cannot name the backup " + target.string());
  }
  syncFolderOf(target);

  auto backups = listBackups(policy.folder, db.file());
  for (std::size_t i = static_cast<std::size_t>(std::max(policy.keep, 1)); i < backups.size(); ++i)
    fs::remove(backups[i].file, ec);
  return {target, *takenFromName(target, db.file().stem().string()), fs::file_size(target, ec)};
}

bool backupDue(const BackupPolicy& policy, const fs::path& database_file, Clock::time_point now) {
  const auto backups = listBackups(policy.folder, database_file);
  if (backups.empty()) return true;
  return backups.front().taken <= stamp(now - std::chrono::hours(24), "%Y-%m-%d %H:%M:%S");
}

fs::path restoreBackup(const fs::path& backup, const fs::path& database_file,
                       const std::string& key, Clock::time_point now) {
  std::error_code ec;
  if (!fs::exists(backup, ec)) throwNotFound("backup " + backup.string() + " does not exist");
  checkCopy(backup, key);

  fs::path aside;
  if (fs::exists(database_file, ec)) {
    // A current file that still opens must not be in use; one that does not (damaged, or
    // under another key) is what a restore is for.
    std::unique_ptr<Database> current;
    try {
      current = std::make_unique<Database>(database_file,
                                           DatabaseOptions{.key = key, .create_if_missing = false});
    } catch (const Error&) {
    }
    if (current) requireSoleUse(*current, "restoring a backup over it");
    current.reset();
    aside = fs::path(database_file.string() + ".before-restore-" + stamp(now, "%Y%m%d-%H%M%S"));
    for (int n = 2; fs::exists(aside, ec); ++n)
      aside = fs::path(database_file.string() + ".before-restore-" + stamp(now, "%Y%m%d-%H%M%S") +
                       "-" + std::to_string(n));
    fs::rename(database_file, aside, ec);
    if (ec) throwOutput("cannot set " + database_file.string() + " aside: " + ec.message());
    // The journal belongs to the file set aside; left here it would be replayed onto the backup.
    const fs::path wal(database_file.string() + "-wal");
    if (fs::exists(wal, ec)) fs::rename(wal, fs::path(aside.string() + "-wal"), ec);
    fs::remove(fs::path(database_file.string() + "-shm"), ec);
  }
  const fs::path incoming(database_file.string() + ".restoring");
  fs::copy_file(backup, incoming, fs::copy_options::overwrite_existing, ec);
  if (!ec) {
    syncFile(incoming);
    fs::rename(incoming, database_file, ec);
  }
  if (ec) {
    fs::remove(incoming, ec);
    if (!aside.empty()) fs::rename(aside, database_file, ec);
    throwOutput("cannot copy the backup into place: " + ec.message());
  }
  syncFolderOf(database_file);
  return aside;
}

std::string restoreAdvice(const fs::path& database_file) {
  const auto backups = listBackups(database_file.parent_path() / "backups", database_file);
  if (backups.empty()) return "restore it from a backup";
  return "restore it from a backup (newest: " + backups.front().file.string() +
         ", with: securebase-cli restore " + backups.front().file.string() + ")";
}

}  // namespace securebase::store
