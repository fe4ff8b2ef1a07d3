#include "securebase/server/connection.h"

#include <libpq-fe.h>

#include "securebase/core/error.h"
#include "securebase/core/passphrase.h"

namespace securebase::server {

namespace {

constexpr const char* kRequiredSslMode = "verify-full";
constexpr std::string_view kPasswordMissing =
    "server: the server asks for a password and none was given (nor found in ~/.pgpass)";

struct ConninfoOptions {
  PQconninfoOption* options = nullptr;
  ~ConninfoOptions() {
    if (options != nullptr) PQconninfoFree(options);
  }
};

// Refuses a connection string libpq cannot read, or one that asks for less than verify-full.
void checkConninfo(const std::string& conninfo) {
  if (conninfo.empty()) return;
  char* error = nullptr;
  ConninfoOptions parsed{PQconninfoParse(conninfo.c_str(), &error)};
  if (parsed.options == nullptr) {
    const std::string message = error != nullptr ? oneLine(error) : "out of memory";
    if (error != nullptr) PQfreemem(error);
    throwBadInput("server connection string: " + message);
  }
  for (auto* option = parsed.options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    const std::string keyword = option->keyword;
    if (keyword == "sslmode" && std::string(option->val) != kRequiredSslMode)
      throwBadInput("server connection string: sslmode=" + std::string(option->val) +
                    " is not allowed; SecureBase reaches a server over TCP only with "
                    "sslmode=verify-full");
    if (keyword == "password")
      throwBadInput(
          "server connection string: a password does not belong in it (other programs can "
          "read it); give it the way a passphrase is given, or in ~/.pgpass");
  }
}

// A Unix socket is a path (or, on Linux, an abstract name starting with '@').
bool isUnixSocket(const char* host) {
  return host != nullptr && (host[0] == '/' || host[0] == '@');
}

}  // namespace

std::string oneLine(std::string_view message) {
  std::string line;
  bool space = false;
  for (const char c : message) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !line.empty();
      continue;
    }
    if (space) line += ' ';
    space = false;
    line += c;
  }
  return line;
}

Result::~Result() {
  if (result_ != nullptr) PQclear(result_);
}

Result::Result(Result&& other) noexcept : result_(other.result_) {
  other.result_ = nullptr;
}

Result& Result::operator=(Result&& other) noexcept {
  if (this != &other) {
    if (result_ != nullptr) PQclear(result_);
    result_ = other.result_;
    other.result_ = nullptr;
  }
  return *this;
}

int Result::rows() const {
  return PQntuples(result_);
}

int Result::columns() const {
  return PQnfields(result_);
}

bool Result::isNull(int row, int column) const {
  return PQgetisnull(result_, row, column) != 0;
}

std::string Result::text(int row, int column) const {
  if (row < 0 || row >= rows() || column < 0 || column >= columns())
    throwDatabase("server: no value at row " + std::to_string(row) + ", column " +
                  std::to_string(column));
  return std::string(PQgetvalue(result_, row, column),
                     static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

std::optional<std::string> Result::value(int row, int column) const {
  if (isNull(row, column)) return std::nullopt;
  return text(row, column);
}

long Result::affected() const {
  const char* count = PQcmdTuples(result_);
  return count == nullptr || *count == '\0' ? 0 : std::stol(count);
}

bool isPasswordMissing(const std::exception& error) {
  const auto* core = dynamic_cast<const Error*>(&error);
  return core != nullptr && core->kind() == ErrorKind::database &&
         std::string_view(core->what()) == kPasswordMissing;
}

Connection::Connection(const std::string& conninfo, const char* password) {
  checkConninfo(conninfo);
  // Later keywords override what the expanded connection string (and the environment) set.
  std::vector<const char*> keywords = {"dbname", "sslmode", "client_encoding", "application_name"};
  std::vector<const char*> values = {conninfo.c_str(), kRequiredSslMode, "UTF8", "securebase"};
  if (password != nullptr) {
    keywords.push_back("password");
    values.push_back(password);
  }
  keywords.push_back(nullptr);
  values.push_back(nullptr);
  conn_ = PQconnectdbParams(keywords.data(), values.data(), /*expand_dbname=*/1);
  if (conn_ == nullptr) throwDatabase("server: out of memory while connecting");
  if (PQstatus(conn_) != CONNECTION_OK) {
    const bool asked = PQconnectionNeedsPassword(conn_) != 0 && password == nullptr;
    std::string message = oneLine(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    if (asked) throwDatabase(std::string(kPasswordMissing));
    throwDatabase("server: " + message);
  }
  if (!isUnixSocket(PQhost(conn_)) && PQsslInUse(conn_) == 0) {
    PQfinish(conn_);
    conn_ = nullptr;
    throwDatabase("server: the connection is not encrypted; SecureBase needs TLS over TCP");
  }
  // libpq would print the server's notices and warnings on stderr as they come ("terminating
  // connection due to administrator command"); what matters reaches the caller as the error
  // of the statement that failed, in one line.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
}

Connection::~Connection() {
  if (conn_ != nullptr) PQfinish(conn_);
}

namespace {

Result checked(pg_conn* conn, pg_result* raw) {
  Result result(raw);
  if (raw == nullptr) throwDatabase("server: " + oneLine(PQerrorMessage(conn)));
  const auto status = PQresultStatus(raw);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  const char* primary = PQresultErrorField(raw, PG_DIAG_MESSAGE_PRIMARY);
  const char* detail = PQresultErrorField(raw, PG_DIAG_MESSAGE_DETAIL);
  std::string message = primary != nullptr ? primary : oneLine(PQresultErrorMessage(raw));
  if (detail != nullptr) message += " (" + std::string(detail) + ")";
  throwDatabase("server: " + oneLine(message));
}

}  // namespace

Result Connection::exec(const std::string& sql, const std::vector<Param>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  return checked(conn_, PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                     values.data(), nullptr, nullptr, 0));
}

void Connection::execScript(const std::string& sql) {
  checked(conn_, PQexec(conn_, sql.c_str()));
}

std::string Connection::user() const {
  return PQuser(conn_);
}

bool Connection::encrypted() const {
  return PQsslInUse(conn_) != 0;
}

std::string Connection::quoteIdentifier(std::string_view name) const {
  char* quoted = PQescapeIdentifier(conn_, name.data(), name.size());
  if (quoted == nullptr) throwBadInput("server: " + oneLine(PQerrorMessage(conn_)));
  std::string text = quoted;
  PQfreemem(quoted);
  return text;
}

std::string Connection::quoteLiteral(std::string_view text) const {
  char* quoted = PQescapeLiteral(conn_, text.data(), text.size());
  if (quoted == nullptr) throwBadInput("server: " + oneLine(PQerrorMessage(conn_)));
  std::string literal = quoted;
  PQfreemem(quoted);
  return literal;
}

std::string Connection::scramVerifier(const std::string& password, const std::string& login) const {
  char* verifier = PQencryptPasswordConn(conn_, password.c_str(), login.c_str(), "scram-sha-256");
  if (verifier == nullptr) throwDatabase("server: " + oneLine(PQerrorMessage(conn_)));
  std::string text = verifier;
  PQfreemem(verifier);
  return text;
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  connection_.exec("BEGIN");
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    connection_.exec("ROLLBACK");
  } catch (...) {  // the connection is gone: the server rolls back on its own
  }
}

void Transaction::commit() {
  open_ = false;
  connection_.exec("COMMIT");
}

}  // namespace securebase::server
