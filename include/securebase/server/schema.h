// The agency server's schema (versioned like the local one) and its people: counselors and
// supervisors are PostgreSQL login roles with SCRAM passwords, members of the group roles
// securebase_counselor and securebase_supervisor that the schema's grants and row-level
// security are written for. A counselor's role reads and writes only the families assigned to
// them (and their people, visits and observations); a supervisor's role reads all and assigns.
// Signed visits, their observations and signatures cannot be changed or deleted by any role,
// superusers included; the push audit is append-only and hash-chained.
#pragma once

#include <optional>
#include <string>

#include "securebase/server/connection.h"

namespace securebase::server {

// The schema version this program creates and works with.
inline constexpr int kServerSchemaVersion = 8;

// The schema's version on the server; 0 when it has none yet.
int serverSchemaVersion(Connection& connection);

struct SchemaChange {
  int from = 0;
  int to = 0;
};

// Creates the schema, or brings an older one up to `target_version` (an older version only to
// test the migrations), in one transaction. Needs a role that may create schemas and roles
// (the database owner with CREATEROLE, or a superuser). Error(database) when the server's
// schema is newer than this program.
SchemaChange initServerSchema(Connection& connection, int target_version = kServerSchemaVersion);

enum class StaffRole { counselor, supervisor };

// Creates login role `login` with a SCRAM-SHA-256 password (only its verifier is sent) in the
// role's group, and the counselor record `name` for it, in one transaction. Returns the
// record's uuid. Error(bad_input) for a login that is not a plain lower-case name or a weak
// password; Error(database) when the role exists already.
std::string addStaff(Connection& connection, StaffRole role, const std::string& name,
                     const std::string& login, const std::string& password);

// Throws Error(bad_input) unless `login` is 1-63 of a-z, 0-9 and _, not starting with a digit
// and not one of PostgreSQL's own (pg_…) or the schema's group roles.
void checkLogin(const std::string& login);

// The id of the first push audit row that no longer matches its hash or does not link to the
// row before it; nullopt when the whole chain holds. Error(database) without the schema.
std::optional<long long> firstBrokenPushAuditRow(Connection& connection);
// How many rows the push audit holds.
long long pushAuditRows(Connection& connection);

}  // namespace securebase::server
