#include "securebase/server/schema.h"

#include <algorithm>
#include <vector>

#include "schema_v1.h"
#include "schema_v2.h"
#include "schema_v3.h"
#include "schema_v4.h"
#include "schema_v5.h"
#include "schema_v6.h"
#include "schema_v7.h"
#include "schema_v8.h"
#include "securebase/core/error.h"
#include "securebase/core/passphrase.h"

namespace securebase::server {

namespace {

// The scripts that bring the schema from version i to i + 1, in order.
const std::vector<const char*>& migrations() {
  static const std::vector<const char*> scripts = {
      kServerSchemaV1, kServerSchemaV2, kServerSchemaV3, kServerSchemaV4,
      kServerSchemaV5, kServerSchemaV6, kServerSchemaV7, kServerSchemaV8};
  return scripts;
}

void requireSchema(Connection& connection) {
  if (serverSchemaVersion(connection) == 0)
    throwDatabase("the server has no SecureBase schema yet; run server init first");
}

}  // namespace

int serverSchemaVersion(Connection& connection) {
  auto exists = connection.exec("SELECT to_regclass('securebase.schema_version') IS NOT NULL");
  if (exists.text(0, 0) != "t") return 0;
  auto version = connection.exec("SELECT coalesce(max(version), 0) FROM securebase.schema_version");
  return std::stoi(version.text(0, 0));
}

SchemaChange initServerSchema(Connection& connection, int target_version) {
  static_assert(kServerSchemaVersion > 0);
  if (target_version < 1 || target_version > kServerSchemaVersion)
    throwBadInput("server schema version " + std::to_string(target_version) +
                  " is not one this program makes");
  Transaction transaction(connection);
  // Two administrators running init at once: the second waits, then finds the schema current.
  connection.exec("SELECT pg_advisory_xact_lock(hashtext('securebase.schema'))");
  SchemaChange change;
  change.from = serverSchemaVersion(connection);
  if (change.from > kServerSchemaVersion)
    throwDatabase("the server's schema is version " + std::to_string(change.from) +
                  ", newer than this program knows (" + std::to_string(kServerSchemaVersion) +
                  "); update SecureBase");
  for (int version = change.from + 1; version <= target_version; ++version) {
    connection.execScript(migrations().at(static_cast<std::size_t>(version - 1)));
    connection.exec("INSERT INTO securebase.schema_version (version) VALUES ($1)",
                    {std::to_string(version)});
  }
  transaction.commit();
  change.to = std::max(change.from, target_version);
  return change;
}

void checkLogin(const std::string& login) {
  const bool well_formed =
      !login.empty() && login.size() <= 63 && !(login[0] >= '0' && login[0] <= '9') &&
      login.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
  if (!well_formed)
    throwBadInput("login \"" + login +
                  "\" must be 1 to 63 lower-case letters, digits or _, not starting with a digit");
  if (login.rfind("pg_", 0) == 0 || login.rfind("securebase_", 0) == 0 || login == "postgres" ||
      login == "public")
    throwBadInput("login \"" + login + "\" is reserved; choose another");
}

std::string addStaff(Connection& connection, StaffRole role, const std::string& name,
                     const std::string& login, const std::string& password) {
  if (name.empty()) throwBadInput("the name is empty");
  checkLogin(login);
  checkNewPassphrase(password);
  requireSchema(connection);
  const char* group =
      role == StaffRole::supervisor ? "securebase_supervisor" : "securebase_counselor";
  Transaction transaction(connection);
  // CREATE ROLE takes no parameters: the login is quoted, and only the SCRAM verifier of the
  // password is sent, so the password is in no statement, log or history on the server.
  connection.execScript("CREATE ROLE " + connection.quoteIdentifier(login) + " LOGIN PASSWORD " +
                        connection.quoteLiteral(connection.scramVerifier(password, login)) +
                        " IN ROLE " + group);
  auto row = connection.exec(
      "INSERT INTO securebase.counselors (uuid, name, login, supervisor) "
      "VALUES (gen_random_uuid(), $1, $2, $3) RETURNING uuid",
      {name, login, std::string(role == StaffRole::supervisor ? "true" : "false")});
  transaction.commit();
  return row.text(0, 0);
}

std::optional<long long> firstBrokenPushAuditRow(Connection& connection) {
  requireSchema(connection);
  auto broken = connection.exec("SELECT securebase.push_audit_first_broken()");
  if (broken.isNull(0, 0)) return std::nullopt;
  return std::stoll(broken.text(0, 0));
}

long long pushAuditRows(Connection& connection) {
  return std::stoll(connection.exec("SELECT count(*) FROM securebase.push_audit").text(0, 0));
}

}  // namespace securebase::server
