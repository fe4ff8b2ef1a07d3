#include "securebase/store/backup.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <memory>
#include <regex>

#include "durable_files.h"
#include "file_change.h"
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

// <stem>-<id>-YYYYMMDD-HHMMSS[-N].db, where <id> is the first kIdInName hex digits of the
// database's id; older backups lack the id. The stem may itself contain dashes. With an empty
// `id`, backups of any database of that stem count.
constexpr std::size_t kIdInName = 12;

std::optional<std::string> takenFromName(const fs::path& file, const std::string& stem,
                                         const std::string& id) {
  static const std::regex kPattern(
      R"(-(?:([0-9a-f]{12})-)?(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(-\d+)?\.db)");
  const std::string name = file.filename().string();
  if (name.size() <= stem.size() || name.compare(0, stem.size(), stem) != 0) return std::nullopt;
  std::smatch m;
  const std::string rest = name.substr(stem.size());
  if (!std::regex_match(rest, m, kPattern)) return std::nullopt;
  if (!id.empty() && m[1].str() != id.substr(0, kIdInName)) return std::nullopt;
  return m[2].str() + "-" + m[3].str() + "-" + m[4].str() + " " + m[5].str() + ":" + m[6].str() +
         ":" + m[7].str();
}

// Held on the backup folder itself while a backup is written and old ones pruned, so backups
// started together queue instead of tripping over each other's files. Released on close.
class FolderLock {
 public:
  explicit FolderLock(const fs::path& folder)
      : fd_(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
    if (fd_ < 0)
      throwOutput(errorText("cannot write backups to {1}: {2}", folder.string(),
                            std::string(std::strerror(errno))));
    while (::flock(fd_, LOCK_EX) != 0)
      if (errno != EINTR)
        throwOutput(
            errorText("cannot lock {1}: {2}", folder.string(), std::string(std::strerror(errno))));
  }
  ~FolderLock() { ::close(fd_); }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_;
};

void checkCopy(const fs::path& file, const std::string& key) {
  if (!key.empty()) {
    verifyEncryptedFile(file, key);
    return;
  }
  if (inspectDatabaseFile(file) != FileKind::plain)
    throwDatabase(errorText("{1} is not a SecureBase database", file.string()));
  Database copy(file, {.create_if_missing = false, .read_only = true});
  Statement check(copy, "PRAGMA integrity_check");
  check.step();
  if (check.text(0) != "ok")
    throwDatabase(errorText("{1} failed its integrity check: {2}", file.string(), check.text(0)));
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

std::string databaseId(Database& db) {
  Statement id(db, "SELECT id FROM database_identity");
  if (!id.step()) throwDatabase(errorText("database {1} has no id", db.file().string()));
  return id.text(0);
}

std::vector<BackupInfo> listBackups(const fs::path& folder, const fs::path& database_file,
                                    const std::string& database_id) {
  std::vector<BackupInfo> backups;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return backups;
  const std::string stem = database_file.stem().string();
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    if (auto taken = takenFromName(entry.path(), stem, database_id))
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
    throwOutput(errorText("cannot write backups to {1}: the folder cannot be created or written",
                          policy.folder.string()));
  const std::string id = databaseId(db);
  const std::string stem = db.file().stem().string() + "-" + id.substr(0, kIdInName);
  FolderLock lock(policy.folder);
  const std::string base = stem + "-" + stamp(now, "%Y%m%d-%H%M%S");
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
    throwOutput(errorText("cannot name the backup {1}", target.string()));
  }
  syncFolderOf(target);

  // Only this database's own backups: another database of the same name may share the folder.
  auto backups = listBackups(policy.folder, db.file(), id);
  for (std::size_t i = static_cast<std::size_t>(std::max(policy.keep, 1)); i < backups.size(); ++i)
    fs::remove(backups[i].file, ec);
  return {target, *takenFromName(target, db.file().stem().string(), id), fs::file_size(target, ec)};
}

bool backupDue(const BackupPolicy& policy, const fs::path& database_file, Clock::time_point now,
               const std::string& database_id) {
  const auto backups = listBackups(policy.folder, database_file, database_id);
  if (backups.empty()) return true;
  return backups.front().taken <= stamp(now - std::chrono::hours(24), "%Y-%m-%d %H:%M:%S");
}

fs::path restoreBackup(const fs::path& backup, const fs::path& database_file,
                       const std::string& key, Clock::time_point now) {
  std::error_code ec;
  if (!fs::exists(backup, ec))
    throwNotFound(errorText("backup {1} does not exist", backup.string()));
  checkCopy(backup, key);

  fs::path aside;
  if (fs::exists(database_file, ec)) {
    const std::string doing = errorPhrase("restoring a backup over it");
    // Asked of the file itself, so it holds also when the current file is under another
    // passphrase than the backup (or damaged) and cannot be opened here.
    if (openInAnotherProgram(database_file))
      throwDatabase(errorText("database {1} is open in another program; close it before {2}",
                              database_file.string(), phrasePart(doing)));

    std::unique_ptr<Database> current;
    try {
      current = std::make_unique<Database>(database_file,
                                           DatabaseOptions{.key = key, .create_if_missing = false});
    } catch (const Error&) {
    }
    // Folds the journal into the file that is set aside.
    if (current) requireSoleUse(*current, doing);
    current.reset();
    const std::string base =
        database_file.string() + ".before-restore-" + stamp(now, "%Y%m%d-%H%M%S");
    aside = fs::path(base);
    for (int n = 2; fs::exists(aside, ec); ++n) aside = fs::path(base + "-" + std::to_string(n));
  }
  const ChangeIntent intent{.operation = "restore",
                            .incoming = fs::path(database_file.string() + ".restoring"),
                            .aside = aside,
                            .keep_aside = true};
  replaceDatabaseFile(
      database_file, intent,
      [&] {
        copyDurably(backup, intent.incoming);
        checkCopy(intent.incoming, key);
      },
      [&] {
        // Without a file to set aside, a journal here belongs to no database: it would be
        // replayed onto the backup. (With one, it moves with the aside file.)
        for (const char* journal : kJournalSuffixes)
          removeFile(fs::path(database_file.string() + journal));
        removeFile(fs::path(database_file.string() + "-shm"));
      });
  return aside;
}

ErrorText restoreAdviceText(const fs::path& database_file) {
  const auto backups = listBackups(database_file.parent_path() / "backups", database_file);
  if (backups.empty()) return errorText("restore it from a backup");
  return errorText("restore it from a backup (newest: {1}, with: securebase-cli restore {1})",
                   backups.front().file.string());
}

std::string restoreAdvice(const fs::path& database_file) {
  return restoreAdviceText(database_file).english();
}

}  // namespace securebase::store
