#include "securebase/store/database.h"

#include <sqlcipher/sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "securebase/core/error.h"
#include "securebase/core/passphrase.h"
#include "securebase/store/backup.h"
#include "securebase/store/commit_hook.h"
#include "securebase/store/migrations.h"

namespace securebase::store {
namespace fs = std::filesystem;

namespace {

// True when the database's -wal file holds pages not yet copied into the database.
bool unsavedWal(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file.string() + "-wal", ec);
  return !ec && size > 0;
}

// True when this user may write both the file and its folder (SQLite's -shm needs the folder).
bool writableHere(const fs::path& file) {
  const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  return ::access(file.c_str(), W_OK) == 0 && ::access(folder.c_str(), W_OK) == 0;
}

// "file:<path>?immutable=1", the path percent-encoded where a URI needs it.
std::string immutableUri(const fs::path& file) {
  static const char* hex = "0123456789ABCDEF";
  std::string uri = "file:";
  for (const unsigned char c : fs::absolute(file).string()) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20 || c == 0x7F) {
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 0xF];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?immutable=1";
}

bool isHexKey(std::string_view key) {
  if (key.size() != 64) return false;
  for (char c : key)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// SQLCipher reads a key written x'…' as raw bytes and anything else as a passphrase; a
// mistyped raw key must not silently become a passphrase.
std::string checkedKey(const DatabaseOptions& options) {
  if (!options.raw_key_hex.empty()) {
    if (!isHexKey(options.raw_key_hex))
      throwBadInput(errorText("a raw database key must be 64 hex digits"));
    // Written into one buffer of the right size: "x'" + key + "'" would free unwiped temporaries.
    std::string key;
    key.reserve(options.raw_key_hex.size() + 3);
    key.append("x'").append(options.raw_key_hex).append("'");
    return key;
  }
  const std::string& key = options.key;
  if (key.rfind("x'", 0) == 0 &&
      !(key.size() == 67 && key.back() == '\'' && isHexKey(std::string_view(key).substr(2, 64))))
    throwBadInput(errorText("a raw database key must be written x'<64 hex digits>'"));
  return key;
}

std::function<void()>& beforeCommitHook() {
  static std::function<void()> hook;
  return hook;
}

}  // namespace

DatabaseOptions::~DatabaseOptions() {
  wipe(key);
  wipe(raw_key_hex);
}

void setBeforeCommitHook(std::function<void()> hook) {
  beforeCommitHook() = std::move(hook);
}

FileKind inspectDatabaseFile(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return FileKind::missing;
  if (fs::file_size(file, ec) == 0 && !ec) return FileKind::empty;
  std::ifstream in(file, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  static constexpr char kSqliteHeader[16] = "SQLite format 3";  // with its final NUL
  if (in.gcount() == sizeof header && std::memcmp(header, kSqliteHeader, sizeof header) == 0)
    return FileKind::plain;
  return FileKind::encrypted;
}

Database::Database(const fs::path& file, const DatabaseOptions& options)
    : file_(file), key_(checkedKey(options)) {
  std::error_code ec;
  const FileKind kind = inspectDatabaseFile(file);
  const bool exists = kind != FileKind::missing;
  if (!exists && !options.create_if_missing)
    throwNotFound(errorText("database file {1} does not exist", file.string()));
  if (!exists && fs::exists(file.parent_path().empty() ? "." : file.parent_path(), ec) == false)
    throwDatabase(
        errorText("cannot create database {1}: its folder does not exist", file.string()));

  // No count of the memory SQLite uses (nothing here reads it): keeping it takes a process-wide
  // lock around every allocation, and a large import allocates millions of times. Only possible
  // before SQLite starts; later in the process the call is refused and changes nothing.
  [[maybe_unused]] static const int no_memory_count = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  const int flags =
      options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  // SQLite 3.15 cannot read a WAL database without writing its -shm file beside it. A database
  // in a file or folder this user may not write, whose WAL was checkpointed when it was last
  // closed, is opened as immutable instead: nothing is written, nothing is locked.
  const bool immutable = options.read_only && !unsavedWal(file) && !writableHere(file);
  const std::string name = immutable ? immutableUri(file) : file.string();
  const int rc = sqlite3_open_v2(
      name.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX | (immutable ? SQLITE_OPEN_URI : 0), nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throwDatabase(errorText("cannot open database {1}: {2}", file.string(), message));
  }
  try {
    configure(options, kind);
  } catch (...) {
    closeConnection();  // a refused file (newer schema, wrong key) is not left open
    throw;
  }
}

Database::~Database() {
  closeConnection();
  wipe(key_);
}

void Database::closeConnection() noexcept {
  for (auto& entry : idle_statements_) sqlite3_finalize(entry.second);
  idle_statements_.clear();
  if (db_ != nullptr) sqlite3_close(db_);
  db_ = nullptr;
}

StatementCache::node_type Database::acquire(std::string_view sql) {
  auto it = idle_statements_.find(sql);
  if (it == idle_statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, "preparing a query");
    it = idle_statements_.emplace(std::string(sql), stmt);
  }
  return idle_statements_.extract(it);
}

void Database::release(StatementCache::node_type node) {
  sqlite3_reset(node.mapped());
  sqlite3_clear_bindings(node.mapped());
  idle_statements_.insert(std::move(node));
}

void Database::configure(const DatabaseOptions& options, FileKind kind) {
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, options.busy_timeout_ms);
  if (!key_.empty()) {
    // The key, iterations and page size are not stored in the file: set before the first read.
    const int rc = sqlite3_key(db_, key_.data(), static_cast<int>(key_.size()));
    if (rc != SQLITE_OK) fail(rc, "setting the database key");
    exec("PRAGMA kdf_iter = " + std::to_string(kKdfIterations));
    exec("PRAGMA cipher_page_size = " + std::to_string(kCipherPageSize));
  }
  // The first read: fails here for a damaged file, a non-database, or the wrong key.
  const int rc = sqlite3_exec(db_, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) failFirstRead(rc, kind);
  if (!options.read_only && sqlite3_db_readonly(db_, "main") == 1)
    throwDatabase(
        errorText("database {1} is read-only; SecureBase needs to write to it", file_.string()));
  exec("PRAGMA foreign_keys = ON");
  // A caseload of thousands of families reads most of the family and visit pages on every
  // refresh; with SQLite's 2 MiB default they are read (and decrypted) again each time. The
  // cache only grows as pages are read, so a small database costs no more.
  exec("PRAGMA cache_size = -" + std::to_string(kPageCacheKiB));
  if (!options.read_only) {
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
    migrate(*this, options.migrate_to_version);
  }
}

namespace {
constexpr std::string_view kWrongPassphraseStart = "wrong passphrase for database ";
}  // namespace

bool isWrongPassphrase(const std::exception& error) {
  const auto* core = dynamic_cast<const Error*>(&error);
  return core != nullptr && core->kind() == ErrorKind::database &&
         core->text().wording.rfind(kWrongPassphraseStart, 0) == 0;
}

void Database::failFirstRead(int code, FileKind kind) const {
  if ((code & 0xFF) == SQLITE_NOTADB) {
    if (kind == FileKind::encrypted && key_.empty())
      throwDatabase(
          errorText("database {1} is encrypted (or is not a SecureBase database); "
                    "SecureBase needs its passphrase to open it",
                    file_.string()));
    if (kind == FileKind::encrypted)
      throwDatabase(
          // TRANSLATORS: {1} the database file, {2} "restore it from a backup…".
          errorText("wrong passphrase for database {1} (if the passphrase is right, the file is "
                    "damaged: {2})",
                    file_.string(), restoreAdviceText(file_)));
    if (kind == FileKind::plain && !key_.empty())
      throwDatabase(
          errorText("database {1} is not encrypted, so it takes no passphrase; encrypt "
                    "it with: securebase-cli encrypt --db {1}",
                    file_.string()));
  }
  fail(code, "opening the database");
}

void Database::fail(int code, std::string_view doing) const {
  const int primary = code & 0xFF;
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throwDatabase(
          errorText("database {1} is busy: another program is using it; try again in a moment",
                    file_.string()));
    case SQLITE_NOTADB:
      throwDatabase(errorText(
          "database {1} is not a SecureBase database, is damaged, or needs a different key; {2}",
          file_.string(), restoreAdviceText(file_)));
    case SQLITE_CORRUPT:
      throwDatabase(errorText("database {1} is damaged ({2}); {3}", file_.string(),
                              std::string(sqlite3_errmsg(db_)), restoreAdviceText(file_)));
    case SQLITE_READONLY:
      throwDatabase(
          errorText("database {1} is read-only; SecureBase needs to write to it", file_.string()));
    case SQLITE_FULL:
      throwDatabase(errorText(
          "the disk is full: could not save to {1}; nothing was changed — free some space and try "
          "again",
          file_.string()));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      if (sqlite3_system_errno(db_) == ENOSPC || sqlite3_system_errno(db_) == EFBIG)
        throwDatabase(errorText(
            "the disk is full: could not save to {1}; nothing was changed — free some space and "
            "try again",
            file_.string()));
      // A WAL database cannot even be read without writing its -shm file next to it.
      if (::access(file_.c_str(), W_OK) != 0 && errno == EACCES)
        throwDatabase(errorText("database {1} is read-only; SecureBase needs to write to it",
                                file_.string()));
      if (::access(file_.parent_path().empty() ? "." : file_.parent_path().c_str(), W_OK) != 0)
        throwDatabase(errorText(
            "the folder of database {1} is read-only; SecureBase needs to write its journal there",
            file_.string()));
      throwDatabase(errorText("cannot read or write {1} ({2})", file_.string(),
                              std::string(sqlite3_errmsg(db_))));
    case SQLITE_CONSTRAINT:
      throwBadInput(std::string(sqlite3_errmsg(db_)));
    default:
      throwDatabase(errorText("{1} failed on database {2}: {3}", std::string(doing), file_.string(),
                              std::string(sqlite3_errmsg(db_))));
  }
}

int Database::schemaVersion() {
  Statement s(*this, "PRAGMA user_version");
  s.step();
  return static_cast<int>(s.integer(0));
}

void Database::exec(std::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  sqlite3_free(error);
  if (rc != SQLITE_OK) fail(rc, "a database command");
}

Statement Database::prepare(std::string_view sql) {
  return Statement(*this, sql);
}

std::int64_t Database::lastInsertId() const {
  return sqlite3_last_insert_rowid(db_);
}
int Database::changes() const {
  return sqlite3_changes(db_);
}

void Database::transaction(const std::function<void()>& work) {
  if (transaction_depth_ > 0) {
    ++transaction_depth_;
    try {
      work();
    } catch (...) {
      --transaction_depth_;
      throw;
    }
    --transaction_depth_;
    return;
  }
  exec("BEGIN IMMEDIATE");
  transaction_depth_ = 1;
  try {
    work();
    if (const auto& hook = beforeCommitHook()) hook();
    commit();
  } catch (...) {
    transaction_depth_ = 0;
    if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  transaction_depth_ = 0;
}

void Database::bulkTransaction(const std::function<void()>& work) {
  if (transaction_depth_ > 0) return transaction(work);
  // Only outside a transaction does SQLite take this pragma.
  exec("PRAGMA foreign_keys = OFF");
  try {
    transaction([&] {
      work();
      requireReferencesKept();
    });
  } catch (...) {
    sqlite3_exec(db_, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    throw;
  }
  exec("PRAGMA foreign_keys = ON");
}

void Database::requireReferencesKept() {
  auto broken = prepare("PRAGMA foreign_key_check");
  if (!broken.step()) return;
  throwDatabase(
      errorText("a {1} row would refer to a {2} row that does not exist; nothing was "
                "changed",
                broken.text(0), broken.text(2)));
}

void Database::commit() {
  exec("COMMIT");
}

// --- Statement ---------------------------------------------------------------------------

Statement::Statement(Database& db, std::string_view sql)
    : db_(&db), node_(db.acquire(sql)), stmt_(node_.mapped()) {}

Statement::~Statement() {
  if (!node_.empty()) db_->release(std::move(node_));
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), node_(std::move(other.node_)), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bindInPlace(int index, std::string_view value) {
  // An empty view may hold no pointer, which SQLite would store as NULL, not as empty text.
  const char* text = value.data() != nullptr ? value.data() : "";
  sqlite3_bind_text(stmt_, index, text, static_cast<int>(value.size()), SQLITE_STATIC);
  return *this;
}

Statement& Statement::bindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  db_->fail(rc, "a database statement");
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int Statement::columnCount() const {
  return sqlite3_column_count(stmt_);
}

bool Statement::isNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}
double Statement::real(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
  const auto* data = sqlite3_column_text(stmt_, column);
  if (data == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(data),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string_view Statement::textView(int column) const {
  const auto* data = sqlite3_column_text(stmt_, column);
  if (data == nullptr) return {};
  return {reinterpret_cast<const char*>(data),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::int64_t> Statement::optionalInteger(int column) const {
  if (isNull(column)) return std::nullopt;
  return integer(column);
}

std::optional<std::string> Statement::optionalText(int column) const {
  if (isNull(column)) return std::nullopt;
  return text(column);
}

}  // namespace securebase::store
