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

ErrorText undone(const ChangeIntent& intent, const fs::path& database) {
  const std::string name = database.string();
  if (intent.operation == "encrypt")
    return errorText(
        "the unfinished encryption of {1} was undone: the database is as before, NOT encrypted "
        "(run securebase-cli encrypt again)",
        name);
  if (intent.operation == "passphrase")
    return errorText(
        "the unfinished passphrase change of {1} was undone: the old passphrase still opens it",
        name);
  return errorText("the unfinished restore of {1} was undone: the database is as before", name);
}

ErrorText completed(const ChangeIntent& intent, const fs::path& database) {
  const std::string name = database.string();
  if (intent.operation == "encrypt" && intent.keep_aside)
    return errorText(
        "the unfinished encryption of {1} was completed: it is encrypted; the unencrypted "
        "original is kept as {2} (delete it once you no longer need it)",
        name, intent.aside.string());
  if (intent.operation == "encrypt")
    return errorText("the unfinished encryption of {1} was completed: it is encrypted", name);
  if (intent.operation == "passphrase")
    return errorText(
        "the unfinished passphrase change of {1} was completed: the new passphrase opens it", name);
  if (intent.aside.empty())
    return errorText("the unfinished restore of {1} was completed from the backup", name);
  return errorText(
      "the unfinished restore of {1} was completed from the backup; the file it replaced is kept "
      "as {2}",
      name, intent.aside.string());
}

ErrorText finishIntent(const fs::path& database, const ChangeIntent& intent) {
  // The rename that puts the new file in place removes its incoming name: while that name is
  // there, the database is still the old file.
  const bool in_place = intent.stage == "swapping" && !present(intent.incoming);
  ErrorText message;
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
std::vector<ErrorText> putBackAfterOldCrash(const fs::path& database) {
  std::vector<ErrorText> done;
  if (present(database)) return done;
  const fs::path original = withSuffix(database, ".unencrypted");
  if (present(original)) {
    removeFile(withSuffix(database, ".encrypting"));
    moveInto(original, database);
    done.push_back(
        errorText("database {1} was missing after an interrupted encryption; the unencrypted "
                  "original was put back (run securebase-cli encrypt again)",
                  database.string()));
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
  done.push_back(
      errorText("database {1} was missing after an interrupted restore; the file it had replaced "
                "was put back from {2}",
                database.string(), newest.string()));
  return done;
}

}  // namespace

std::vector<ErrorText> finishInterruptedChange(const fs::path& database) {
  std::vector<ErrorText> done;
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
