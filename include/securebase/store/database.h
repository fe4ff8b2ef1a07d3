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
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace securebase::store {

struct DatabaseOptions {
  // Raw 32-byte key as 64 hex digits (no key derivation), or empty for a plain SQLite file.
  std::string raw_key_hex;
  int busy_timeout_ms = 3000;
  bool create_if_missing = true;
  bool read_only = false;
  // Stop migrating at this schema version (tests build old databases this way).
  std::optional<int> migrate_to_version;
};

class Statement;

class Database {
 public:
  explicit Database(const std::filesystem::path& file, const DatabaseOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::filesystem::path& file() const { return file_; }
  int schemaVersion();

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  std::int64_t lastInsertId() const;
  int changes() const;

  // Runs `work` inside BEGIN IMMEDIATE … COMMIT; rolls back and rethrows on any exception.
  // One call is one user action. Nested calls join the outer transaction.
  void transaction(const std::function<void()>& work);

  // Turns a SQLite result code into securebase::Error with a message a user can act on.
  [[noreturn]] void fail(int code, std::string_view doing) const;

  sqlite3* handle() const { return db_; }

 private:
  friend class Statement;
  void configure(const DatabaseOptions& options);
  void commit();
  // Compiled statements are kept for reuse: compiling costs far more than running, and the
  // same few statements run thousands of times in a batch (e.g. one per observation).
  sqlite3_stmt* acquire(std::string_view sql);
  void release(std::string sql, sqlite3_stmt* stmt);

  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
  int transaction_depth_ = 0;
  std::unordered_multimap<std::string, sqlite3_stmt*> idle_statements_;
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
  std::optional<std::int64_t> optionalInteger(int column) const;
  std::optional<std::string> optionalText(int column) const;

 private:
  Database* db_;
  std::string sql_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace securebase::store
