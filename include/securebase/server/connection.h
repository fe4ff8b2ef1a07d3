// A thin RAII layer over libpq: one owner for each PGconn and PGresult, statements with their
// values passed apart from the SQL (never spliced into it), transactions that roll back unless
// committed, and every failure as one line in a securebase::Error (kind database).
//
// Connections over TCP always use TLS with the server's certificate verified against its name
// (sslmode=verify-full, whatever the connection string or PGSSLMODE say); a Unix socket is
// allowed for a server on the same machine. Passwords come from the caller (read the way the
// database passphrase is) or from ~/.pgpass, which libpq reads itself.
#pragma once

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace securebase::server {

// A statement's result rows. Values are text, as PostgreSQL sends them.
class Result {
 public:
  explicit Result(pg_result* result) : result_(result) {}
  ~Result();
  Result(Result&& other) noexcept;
  Result& operator=(Result&& other) noexcept;
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  int rows() const;
  int columns() const;
  bool isNull(int row, int column) const;
  // The value's text; "" for NULL (use isNull or value to tell them apart).
  std::string text(int row, int column) const;
  std::optional<std::string> value(int row, int column) const;
  // Rows changed by an INSERT, UPDATE or DELETE.
  long affected() const;

 private:
  pg_result* result_ = nullptr;
};

// A statement parameter: a value's text, or NULL.
using Param = std::optional<std::string>;

class Connection {
 public:
  // `conninfo` is a libpq connection string or URI ("host=… dbname=…",
  // "postgresql://…", "service=agency"); empty takes libpq's defaults (PGHOST, PGSERVICE, …).
  // `password`, when given, is used for this connection only (and never copied here: the
  // caller holds and wipes it, e.g. in a SecretText). Error(bad_input) for a
  // connection string that cannot be parsed or asks for a weaker sslmode; Error(database) when
  // the server cannot be reached or refuses the login.
  explicit Connection(const std::string& conninfo) : Connection(conninfo, nullptr) {}
  Connection(const std::string& conninfo, const std::string& password)
      : Connection(conninfo, password.c_str()) {}
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one statement with `params` as $1, $2, …; Error(database) when it fails.
  Result exec(const std::string& sql, const std::vector<Param>& params = {});
  // Runs one or more statements without parameters (schema scripts).
  void execScript(const std::string& sql);

  std::string user() const;
  // True when the connection is encrypted (always, unless it is a Unix socket).
  bool encrypted() const;

  // `name` quoted as an SQL identifier / `text` as an SQL literal, for the few statements
  // that take no parameters (CREATE ROLE).
  std::string quoteIdentifier(std::string_view name) const;
  std::string quoteLiteral(std::string_view text) const;
  // The SCRAM-SHA-256 verifier of `password` for role `login`, computed here so that the
  // password itself never reaches the server or its logs.
  std::string scramVerifier(const std::string& password, const std::string& login) const;

  pg_conn* handle() const { return conn_; }

 private:
  Connection(const std::string& conninfo, const char* password);

  pg_conn* conn_ = nullptr;
};

// One transaction: BEGIN on construction, ROLLBACK when destroyed without commit() (also when
// an exception passes through).
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

 private:
  Connection& connection_;
  bool open_ = true;
};

// True for the Error a Connection throws when the server asks for a password and none was
// given nor found in ~/.pgpass: the caller may ask for one and connect again.
bool isPasswordMissing(const std::exception& error);

// libpq's message (which may span lines, with "DETAIL:" and "HINT:" parts) as one line.
std::string oneLine(std::string_view message);

}  // namespace securebase::server
