#include "securebase/store/recovery.h"

#include <algorithm>

#include "durable_files.h"
#include "file_change.h"
#include "securebase/store/database.h"

namespace securebase::store {
namespace fs = std::filesystem;

namespace {

fs::path withSuffix(const fs::path& file, const std::string& suffix) {
  return fs::path(file.string() + suffix);
}

bool present(const fs::path& file) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(file, ec));
}

std::string undone(const ChangeIntent& intent, const fs::path& database) {
  const std::string name = database.string();
  if (intent.operation == "encrypt")
    return "the unfinished encryption of " + name +
           " was undone: the database is as before, NOT encrypted (run securebase-cli encrypt "
           "again)";
  if (intent.operation == "passphrase")
    return "the unfinished passphrase change of " + name +
           " was undone: the old passphrase still opens it";
  return "the unfinished restore of " + name + " was undone: the database is as before";
}

std::string completed(const ChangeIntent& intent, const fs::path& database) {
  const std::string name = database.string();
  if (intent.operation == "encrypt")
    return "the unfinished encryption of " + name + " was completed: it is encrypted" +
           (intent.keep_aside ? "; the unencrypted original is kept as " + intent.aside.string() +
                                    " (delete it once you no longer need it)"
                              : "");
  if (intent.operation == "passphrase")
    return "the unfinished passphrase change of " + name +
           " was completed: the new passphrase opens it";
  return "the unfinished restore of " + name + " was completed from the backup" +
         (intent.aside.empty() ? "" : "; the file it replaced is kept as " + intent.aside.string());
}

std::string finishIntent(const fs::path& database, const ChangeIntent& intent) {
  // The rename that puts the new file in place removes its incoming name: while that name is
  // there, the database is still the old file.
  const bool in_place = intent.stage == "swapping" && !present(intent.incoming);
  std::string message;
  if (!in_place) {
    removeFile(intent.incoming);
    if (!intent.aside.empty()) {
      for (const char* journal : kJournalSuffixes)
        if (present(withSuffix(intent.aside, journal)) && !present(withSuffix(database, journal)))
          moveInto(withSuffix(intent.aside, journal), withSuffix(database, journal));
      if (!present(database) && present(intent.aside))
        moveInto(intent.aside, database);
      else if (present(intent.aside) && sameFile(intent.aside, database))
        removeFile(intent.aside);
    }
    message = undone(intent, database);
  } else {
    if (!intent.aside.empty() && !intent.keep_aside) {
      for (const char* journal : kJournalSuffixes) removeFile(withSuffix(intent.aside, journal));
      removeFile(intent.aside);
    }
    message = completed(intent, database);
  }
  removeIntent(database);
  syncFolderOf(database);
  return message;
}

// Older versions renamed the database away before the new file took its name; a crash between
// the two renames left no database at all. The original is put back.
std::vector<std::string> putBackAfterOldCrash(const fs::path& database) {
  std::vector<std::string> done;
  if (present(database)) return done;
  const fs::path original = withSuffix(database, ".unencrypted");
  if (present(original)) {
    removeFile(withSuffix(database, ".encrypting"));
    moveInto(original, database);
    done.push_back("database " + database.string() +
                   " was missing after an interrupted encryption; the unencrypted original was "
                   "put back (run securebase-cli encrypt again)");
    return done;
  }
  fs::path newest;
  const std::string prefix = database.filename().string() + ".before-restore-";
  for (const auto& file : remainsOf(database)) {
    const std::string name = file.filename().string();
    if (name.rfind(prefix, 0) == 0 && !name.ends_with("-wal") && !name.ends_with("-shm") &&
        (newest.empty() || name > newest.filename().string()))
      newest = file;
  }
  if (newest.empty()) return done;
  removeFile(withSuffix(database, ".restoring"));
  if (present(withSuffix(newest, "-wal")))
    moveInto(withSuffix(newest, "-wal"), database.string() + "-wal");
  moveInto(newest, database);
  done.push_back("database " + database.string() +
                 " was missing after an interrupted restore; the file it had replaced was put "
                 "back from " +
                 newest.string());
  return done;
}

}  // namespace

std::vector<std::string> finishInterruptedChange(const fs::path& database) {
  std::vector<std::string> done;
  if (const auto intent = readIntent(database)) done.push_back(finishIntent(database, *intent));
  for (auto& line : putBackAfterOldCrash(database)) done.push_back(std::move(line));
  return done;
}

std::vector<fs::path> remainsOf(const fs::path& database) {
  std::vector<fs::path> found;
  const fs::path folder = database.has_parent_path() ? database.parent_path() : fs::path(".");
  const std::string name = database.filename().string();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string other = entry.path().filename().string();
    if (other.size() > name.size() && other.compare(0, name.size(), name) == 0 &&
        (other[name.size()] == '.' || other[name.size()] == '-'))
      found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<fs::path> plaintextCopiesBeside(const fs::path& database) {
  std::vector<fs::path> plain;
  for (const auto& file : remainsOf(database)) {
    std::error_code ec;
    if (fs::is_regular_file(file, ec) && inspectDatabaseFile(file) == FileKind::plain)
      plain.push_back(file);
  }
  return plain;
}

}  // namespace securebase::store
