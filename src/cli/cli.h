// Shared plumbing of securebase-cli: the command table, option parsing with --help on every
// command, opening the database by the common rule, and the output formats of list commands.
#pragma once

#include <boost/program_options.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "securebase/store/database.h"
#include "securebase/store/store.h"

namespace securebase::cli {

namespace po = boost::program_options;

// Exit codes of DESIGN §9.
enum ExitCode { kOk = 0, kBadInput = 1, kNotFound = 2, kDatabaseError = 3, kOutputError = 4 };

struct Command {
  std::string name;     // "family add"
  std::string summary;  // one line for the command list
  std::function<int(const std::vector<std::string>& args)> run;
};

const std::vector<Command>& commands();

// Parses `args` against `options` (plus --help); positional names are filled in order.
// Returns nullopt after printing help; throws securebase::Error(bad_input) on a usage error.
std::optional<po::variables_map> parseOptions(const std::string& command, const std::string& usage,
                                              po::options_description options,
                                              const std::vector<std::string>& positional,
                                              const std::vector<std::string>& args);

// Options every command that reads the database takes: --db and the passphrase options.
void addDatabaseOptions(po::options_description& options);

// --passphrase-fd N / --passphrase-file FILE (and, with `prefix` "new-", the options for a new
// passphrase). A passphrase is never an argument or an environment variable: both are visible
// to other processes.
void addPassphraseOptions(po::options_description& options, const std::string& prefix = "");

// The passphrase to open `path` with, from the options, else asked on the terminal; empty for an
// unencrypted file. With `create` and no file yet: a new passphrase (asked twice on a terminal),
// or empty with --unencrypted.
std::string databaseKey(const po::variables_map& vm, const std::filesystem::path& path,
                        bool create);
// A passphrase from the options named with `prefix`, else the terminal (`prompt`).
std::string passphraseFrom(const po::variables_map& vm, const std::string& prefix,
                           const std::string& prompt);
// A new passphrase: from the options, else typed twice on the terminal; checked for length.
std::string newPassphraseFrom(const po::variables_map& vm, const std::string& prefix,
                              const std::string& what);
void addFormatOption(po::options_description& options);

// The database named by --db / SECUREBASE_DB / the default path, opened and migrated.
// Only `init` may create it; everyone else is told to run init first. The wait for another
// writer is $SECUREBASE_BUSY_TIMEOUT_MS milliseconds (default 3000).
struct OpenStore {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::Store> store;
};
OpenStore openStore(const po::variables_map& vm, bool create = false);
// For commands that only read: with a read-only file or folder the database opens read-only
// (without migrating) instead of being refused.
OpenStore openStoreToRead(const po::variables_map& vm);

// The database file the options name (--db, SECUREBASE_DB, the default), after finishing or
// undoing any change a crash interrupted there (told on stderr). openStore starts with it.
std::filesystem::path databaseFileOf(const po::variables_map& vm);

// A list command's result, printed as an aligned table, CSV (RFC 4180) or a JSON array.
// Cells are text as the table shows them; `kinds` says how a column reads in JSON and CSV, so
// scripts get numbers as numbers and an absent date as null (JSON) or an empty field (CSV)
// rather than the table's "-".
enum class ColumnKind { text, integer, optional_text };
struct Table {
  std::vector<std::string> keys;     // JSON keys / CSV header
  std::vector<std::string> headers;  // table header
  std::vector<std::vector<std::string>> rows;
  std::vector<ColumnKind> kinds;  // empty: every column is text
};
inline constexpr const char* kAbsent = "-";
// A date cell: the ISO date, or kAbsent.
inline std::string dateOrAbsent(const std::optional<model::Date>& date) {
  return date ? date->iso() : kAbsent;
}
enum class Format { table, csv, json };
Format formatOf(const po::variables_map& vm);
void printTable(const Table& table, Format format);

// Reads a whole file; Error(not_found) when missing, Error(bad_input) when not UTF-8.
std::string readTextFile(const std::string& path);
model::Date parseDateOption(const std::string& text, const std::string& what);
model::Id parseId(const std::string& text, const std::string& what);

}  // namespace securebase::cli
