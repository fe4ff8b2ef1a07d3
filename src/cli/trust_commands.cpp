// backup, restore, encrypt, passphrase, check: keeping the database safe.
#include <iostream>

#include "commands.h"
#include "securebase/core/error.h"
#include "securebase/core/passphrase.h"
#include "securebase/core/paths.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/backup.h"
#include "securebase/store/encryption.h"
#include "securebase/store/record_audit.h"
#include "securebase/store/recovery.h"

namespace securebase::cli {
namespace {
namespace fs = std::filesystem;

std::string megabytes(std::uintmax_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

int backup(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  addFormatOption(options);
  options.add_options()("list", po::bool_switch(), "list the backups instead of taking one")(
      "folder", po::value<std::string>(),
      "backup folder (default: setting backup.folder, else "
      "a backups folder beside the database)")(
      "keep", po::value<int>(), "how many backups to keep (default: setting backup.keep, else 7)");
  auto vm =
      parseOptions("backup", "[--list] [--folder DIR] [--keep N] [--db FILE]", options, {}, args);
  if (!vm) return kOk;
  auto open = openStore(*vm);
  store::BackupPolicy policy = store::backupPolicy(*open.store, open.db->file());
  if (vm->count("folder")) policy.folder = (*vm)["folder"].as<std::string>();
  if (vm->count("keep")) {
    policy.keep = (*vm)["keep"].as<int>();
    if (policy.keep < 1) throwBadInput("--keep must be at least 1");
  }
  if ((*vm)["list"].as<bool>()) {
    Table table{{"taken", "file", "bytes"}, {"Taken (UTC)", "File", "Size"}, {}, {}};
    table.kinds = {ColumnKind::text, ColumnKind::text, ColumnKind::integer};
    const Format format = formatOf(*vm);
    for (const auto& b :
         store::listBackups(policy.folder, open.db->file(), store::databaseId(*open.db)))
      table.rows.push_back(
          {b.taken, b.file.string(),
           format == Format::table ? megabytes(b.bytes) : std::to_string(b.bytes)});
    printTable(table, format);
    return kOk;
  }
  const auto made = store::createBackup(*open.db, policy);
  std::cout << "Backup written and verified: " << made.file.string() << " ("
            << megabytes(made.bytes) << (open.db->encrypted() ? ", encrypted" : ", not encrypted")
            << "; keeping the newest " << policy.keep << ")\n";
  return kOk;
}

int restore(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("backup", po::value<std::string>()->required(), "the backup file");
  auto vm = parseOptions("restore", "BACKUP [--db FILE]", options, {"backup"}, args);
  if (!vm) return kOk;
  const fs::path file = databaseFileOf(*vm);
  const fs::path backup_file = (*vm)["backup"].as<std::string>();
  if (!fs::exists(backup_file)) throwNotFound("backup " + backup_file.string() + " does not exist");
  std::string key;
  if (store::inspectDatabaseFile(backup_file) == store::FileKind::encrypted)
    key = passphraseFrom(*vm, "", "Passphrase of the backup " + backup_file.string() + ": ");
  const auto aside = [&] {
    try {
      return store::restoreBackup(backup_file, file, key);
    } catch (...) {
      wipe(key);
      throw;
    }
  }();
  wipe(key);
  std::cout << "Restored " << file.string() << " from " << backup_file.string() << "\n";
  if (!aside.empty()) std::cout << "The file it replaced was kept as " << aside.string() << "\n";
  return kOk;
}

int encrypt(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("keep-original", po::bool_switch(),
                        "keep the unencrypted original as FILE.unencrypted");
  auto vm = parseOptions("encrypt", "[--db FILE] [--keep-original]", options, {}, args);
  if (!vm) return kOk;
  const fs::path file = databaseFileOf(*vm);
  switch (store::inspectDatabaseFile(file)) {
    case store::FileKind::missing:
      throwNotFound("database " + file.string() + " does not exist");
    case store::FileKind::encrypted:
      throwBadInput("database " + file.string() + " is already encrypted");
    case store::FileKind::empty:
    case store::FileKind::plain:
      break;
  }
  std::string key = newPassphraseFrom(*vm, "", file.string());
  const auto kept = [&] {
    try {
      return store::encryptDatabase(file, key, (*vm)["keep-original"].as<bool>());
    } catch (...) {
      wipe(key);
      throw;
    }
  }();
  wipe(key);
  std::cout << "Encrypted " << file.string() << "; the encrypted copy was verified before it "
            << (kept.empty() ? "replaced the original, which was removed"
                             : "replaced the original, kept as " + kept.string())
            << "\n";
  return kOk;
}

int passphrase(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  addPassphraseOptions(options, "new-");
  auto vm = parseOptions("passphrase",
                         "[--db FILE] [--passphrase-fd N | --passphrase-file FILE] "
                         "[--new-passphrase-fd N | --new-passphrase-file FILE]",
                         options, {}, args);
  if (!vm) return kOk;
  fs::path file;
  std::string current;
  {
    // Opening first checks the current passphrase (and finishes any unfinished change).
    auto open = openStore(*vm);
    file = open.db->file();
    if (!open.db->encrypted())
      throwBadInput("database " + file.string() +
                    " is not encrypted; encrypt it with: securebase-cli encrypt --db " +
                    file.string());
    current = open.db->key();
  }
  std::string key = newPassphraseFrom(*vm, "new-", file.string());
  try {
    store::changePassphrase(file, current, key);
  } catch (...) {
    wipe(key);
    wipe(current);
    throw;
  }
  wipe(key);
  wipe(current);
  std::cout << "Passphrase changed for " << file.string()
            << " (the copy under the new passphrase was verified before it replaced the file). "
               "Backups taken before keep the old passphrase.\n";
  return kOk;
}

int check(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  auto vm = parseOptions("check", "[--db FILE]", options, {}, args);
  if (!vm) return kOk;
  auto open = openStoreToRead(*vm);
  store::Statement integrity(*open.db, "PRAGMA integrity_check");
  integrity.step();
  if (integrity.text(0) != "ok")
    throwDatabase("database " + open.db->file().string() + " is damaged (" + integrity.text(0) +
                  "); " + store::restoreAdvice(open.db->file()));
  // Intact also means nothing was changed behind SecureBase's back.
  if (const auto chain = store::verifyAuditChain(*open.db); chain.problem)
    throwDatabase("database " + open.db->file().string() +
                  " does not match its audit trail: " + chain.problem->message);
  if (const auto records = store::verifyRecordContent(*open.db); !records.ok())
    throwDatabase("database " + open.db->file().string() +
                  " does not match its audit trail: " + records.summary());
  const auto backups = store::listBackups(store::backupPolicy(*open.store, open.db->file()).folder,
                                          open.db->file(), store::databaseId(*open.db));
  const auto plaintext = store::plaintextCopiesBeside(open.db->file());
  if (!plaintext.empty()) {
    std::string names;
    for (const auto& file : plaintext) names += (names.empty() ? "" : ", ") + file.string();
    throwDatabase("database " + open.db->file().string() +
                  " is intact, but unencrypted copies of " + "it lie beside it: " + names +
                  "; delete them once you no longer need them");
  }
  std::cout << "Database " << open.db->file().string() << " is intact ("
            << (open.db->encrypted() ? "encrypted" : "NOT encrypted: run securebase-cli encrypt")
            << "; newest backup: " << (backups.empty() ? "none" : backups.front().taken + " UTC")
            << ")\n";
  return kOk;
}

}  // namespace

std::vector<Command> trustCommands() {
  return {{"backup", "take a verified, encrypted backup now (or --list them)", backup},
          {"restore", "put a backup in place of the database (the current file is kept)", restore},
          {"encrypt", "encrypt a database that was created without encryption", encrypt},
          {"passphrase", "change the database's passphrase", passphrase},
          {"check",
           "check that the database is intact, matches its audit trail, and say whether it is "
           "encrypted",
           check}};
}

}  // namespace securebase::cli
