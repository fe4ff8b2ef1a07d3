#include "server_text.h"

#include "securebase/core/error.h"
#include "securebase/server/schema.h"

namespace securebase::sync::detail {

std::string pushLockCall(const char* function) {
  std::string sql = "SELECT ";
  sql += function;
  sql += "(";
  sql += kPushLockKey;
  sql += ")";
  return sql;
}

std::string arrayLiteral(const std::vector<std::optional<std::string>>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    if (!values[i]) {
      out += "NULL";
      continue;
    }
    out += '"';
    for (char c : *values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

std::string arrayLiteral(const std::vector<std::string>& values) {
  return arrayLiteral(std::vector<std::optional<std::string>>(values.begin(), values.end()));
}

void requireStaffLogin(server::Connection& server) {
  const bool staff =
      server
          .exec(
              "SELECT pg_has_role(session_user, 'securebase_counselor', 'MEMBER') OR "
              "pg_has_role(session_user, 'securebase_supervisor', 'MEMBER')")
          .text(0, 0) == "t";
  if (!staff || server.exec("SELECT securebase.my_counselor_uuid()").isNull(0, 0))
    throwBadInput(errorText(
        "login {1} is not a counselor or supervisor on this server (server add-counselor makes "
        "one)",
        server.user()));
  const int version = server::serverSchemaVersion(server);
  if (version != server::kServerSchemaVersion)
    throwDatabase(errorText(
        "the server's schema is version {1}; this program syncs with version {2} (run server "
        "init with the newer program)",
        version, server::kServerSchemaVersion));
}

}  // namespace securebase::sync::detail
