// The one place SecureBase talks to SQLite (through SQLCipher). Everything above this layer
// speaks in statements and transactions, so the engine can be swapped without touching callers.
//
// Every open applies the same settings: the key (if any) and cipher page size first — SQLCipher
// does not store them in the file — then foreign keys, WAL with synchronous=FULL, a busy
// timeout, and the ordered migrations of migrations.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace securebase::store {

// SQLCipher settings every encrypted file is written and read with. They are not stored in the
// file, so every open sets them before the first read; a copy made with other values would not
// open. 256,000 PBKDF2 iterations is four times SQLCipher 3's default.
inline constexpr int kKdfIterations = 256000;
inline constexpr int kCipherPageSize = 4096;
// The most SQLite keeps of the file in memory per connection (database.cpp says why).
inline constexpr int kPageCacheKiB = 64 * 1024;

// What the first bytes of a file say it is, read before opening (so the front ends know whether
// to ask for a passphrase, and can tell "wrong passphrase" from "not encrypted").
enum class FileKind { missing, empty, plain, encrypted };
FileKind inspectDatabaseFile(const std::filesystem::path& file);

// True for the refusal of an encrypted file's key (Database's "wrong passphrase for database…"),
// so a front end can say it plainly where the passphrase was typed.
bool isWrongPassphrase(const std::exception& error);

struct DatabaseOptions {
  // The key of an encrypted file: a passphrase (stretched by SQLCipher's PBKDF2 with
  // kKdfIterations), or a raw 32-byte key written x'<64 hex digits>' (no derivation; scripts
  // and tests). Empty: an ordinary, unencrypted SQLite file.
  std::string key;
  // Raw 32-byte key as 64 hex digits; shorthand for key = "x'<hex>'".
  std::string raw_key_hex;
  int busy_timeout_ms = 3000;
  bool create_if_missing = true;
  bool read_only = false;
  // Stop migrating at this schema version (tests build old databases this way).
  std::optional<int> migrate_to_version;

  // Wipes key and raw_key_hex: options are built for one open and dropped, often as temporaries
  // holding a copy of a passphrase.
  ~DatabaseOptions();
};

class Statement;

// Idle compiled statements by their SQL. Looked up with the caller's text as it is (no copy), and
// handed out as the map's own node, which goes back without an allocation: a batch prepares the
// same few statements millions of times.
struct SqlTextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
};
using StatementCache =
    std::unordered_multimap<std::string, sqlite3_stmt*, SqlTextHash, std::equal_to<>>;

class Database {
 public:
  explicit Database(const std::filesystem::path& file, const DatabaseOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::filesystem::path& file() const { return file_; }
  bool encrypted() const { return !key_.empty(); }
  // The key this file was opened with, for copies that must open with the same key (backups).
  const std::string& key() const { return key_; }
  int schemaVersion();

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  std::int64_t lastInsertId() const;
  int changes() const;

  // Runs `work` inside BEGIN IMMEDIATE … COMMIT; rolls back and rethrows on any exception.
  // One call is one user action. Nested calls join the outer transaction.
  void transaction(const std::function<void()>& work);
  // transaction() for one large write (an import): foreign keys are checked once over the
  // whole file before COMMIT, not statement by statement — a many-row statement that checks
  // them as it goes keeps a statement journal (batch_insert.h). A broken reference refuses it
  // all. Nested in another transaction it joins that one, keys checked as usual.
  void bulkTransaction(const std::function<void()>& work);

  // Turns a SQLite result code into securebase::Error with a message a user can act on.
  [[noreturn]] void fail(int code, std::string_view doing) const;

  sqlite3* handle() const { return db_; }

 private:
  friend class Statement;
  void configure(const DatabaseOptions& options, FileKind kind);
  // Finalizes the cached statements, then closes: sqlite3_close refuses (and keeps the file
  // open) while any statement is left.
  void closeConnection() noexcept;
  void commit();
  // Refuses the open transaction when a row refers to one that does not exist.
  void requireReferencesKept();
  // Compiled statements are kept for reuse: compiling costs far more than running, and the
  // same few statements run thousands of times in a batch (e.g. one per observation).
  StatementCache::node_type acquire(std::string_view sql);
  void release(StatementCache::node_type node);

  [[noreturn]] void failFirstRead(int code, FileKind kind) const;

  std::filesystem::path file_;
  std::string key_;
  sqlite3* db_ = nullptr;
  int transaction_depth_ = 0;
  StatementCache idle_statements_;
};

// A prepared statement with 1-based binds and 0-based columns. step() returns false when done.
class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bindNull(int index);
  // Binds text that SQLite reads in place instead of copying (a key: SQLite frees its copies
  // without overwriting them). `value` must stay unchanged until the statement is done.
  Statement& bindInPlace(int index, std::string_view value);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bindNull(index);
  }

  bool step();
  void run() { step(); }  // for statements that return no rows
  void reset();

  int columnCount() const;
  bool isNull(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  // The column's text without a copy; valid until the next step, reset or column call.
  std::string_view textView(int column) const;
  std::optional<std::int64_t> optionalInteger(int column) const;
  std::optional<std::string> optionalText(int column) const;

 private:
  Database* db_;
  StatementCache::node_type node_;  // its SQL and compiled statement, while this holds it
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace securebase::store
