// A change that replaces a database file by a new one (encrypt, passphrase, restore), made so a
// crash at any instant leaves a database that opens, and the next open knows what to finish.
//
// The intent file "<db>.unfinished" is written (and synced) before anything else and names the
// operation, the new file being written beside the database ("incoming") and the name the
// current file keeps afterwards ("aside", a hard link, so the database name never goes missing).
// Its stage says how far the change got: "copying" (the new file is being written and checked:
// nothing has happened to the database yet) or "swapping" (the new file was verified; the one
// rename that puts it in place may or may not have happened — the incoming name tells which).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace securebase::store {

// The files SQLite keeps beside a database for its unfinished transactions.
inline constexpr const char* kJournalSuffixes[] = {"-wal", "-journal"};

struct ChangeIntent {
  std::string operation;  // "encrypt", "passphrase" or "restore"
  std::string stage;      // "copying" or "swapping"
  std::filesystem::path incoming;
  std::filesystem::path aside;  // empty: none
  bool keep_aside = false;      // false: the aside file goes once the change is complete
};

std::filesystem::path intentFileOf(const std::filesystem::path& database);
// Writes the intent atomically and durably (temporary file, fsync, rename, fsync of the folder).
void writeIntent(const std::filesystem::path& database, const ChangeIntent& intent);
std::optional<ChangeIntent> readIntent(const std::filesystem::path& database);
void removeIntent(const std::filesystem::path& database);

// The steps of a change, each durable and each throwing Error(output) with the system's reason.
void linkAside(const std::filesystem::path& file, const std::filesystem::path& aside);
void moveInto(const std::filesystem::path& from, const std::filesystem::path& to);
// Copies `from` into the new file `to` (created 0600), fsyncs it; ENOSPC/EFBIG become "the disk
// is full". Removes the partial file on failure.
void copyDurably(const std::filesystem::path& from, const std::filesystem::path& to);
void removeFile(const std::filesystem::path& file);
// True when `a` and `b` are names of the same file (a hard link).
bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace securebase::store

#include <functional>

namespace securebase::store {

// Makes the change `intent` describes: writes the intent, runs `make_incoming` (which writes and
// verifies intent.incoming), links the current file to intent.aside (when named), runs
// `before_swap`, renames the incoming file over the database and finishes (the aside file goes
// unless kept); the old file's journals move with it to the aside name. On any failure the change
// is undone or, once the rename has happened, completed — by the same code that finishes a crashed
// change on the next open — and the error says which.
void replaceDatabaseFile(const std::filesystem::path& database, ChangeIntent intent,
                         const std::function<void()>& make_incoming,
                         const std::function<void()>& before_swap = {},
                         const std::function<void()>& prove = {});

}  // namespace securebase::store
