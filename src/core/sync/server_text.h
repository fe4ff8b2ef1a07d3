// Small pieces shared by push and pull: how values travel to and from the server as text, and
// the lock that keeps a pull from reading between a push's numbers and its commit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "securebase/server/connection.h"

namespace securebase::sync::detail {

// Pushes hold this lock exclusively for their whole transaction (the push audit's trigger takes
// it too); a pull holds it shared while it reads. Change numbers are taken in one order and
// committed in another: without the lock a pull could see number 12 committed before 11 and
// move its watermark past a row it never read.
inline constexpr const char* kPushLockKey = "hashtext('securebase.push_audit')";
// "SELECT <function>(<kPushLockKey>)": pg_advisory_xact_lock, pg_advisory_lock_shared, …
std::string pushLockCall(const char* function);

// A PostgreSQL array literal ("{\"a\",\"b\"}") of `values`, each quoted; NULL for none.
std::string arrayLiteral(const std::vector<std::optional<std::string>>& values);
std::string arrayLiteral(const std::vector<std::string>& values);

// Dates and times as ISO text in UTC, whatever the server's or the login's own settings.
inline void useIsoDates(server::Connection& server) {
  server.exec("SET DateStyle = ISO, YMD");
  server.exec("SET TimeZone = 'UTC'");
}

// Error(bad_input) unless the login is a counselor or supervisor with a counselor record;
// Error(database) unless the server's schema is the one this program syncs with.
void requireStaffLogin(server::Connection& server);

inline server::Param optionalText(const std::optional<std::string>& value) {
  return value;
}
inline std::string boolText(bool value) {
  return value ? "true" : "false";
}

}  // namespace securebase::sync::detail
