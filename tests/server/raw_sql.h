// Helpers for the tests that write the server schema with raw SQL as one role or another.
#pragma once

#include <string>

#include "securebase/core/error.h"
#include "securebase/server/connection.h"

namespace securebase::server::testing {

// The staff's password and the uuids of the tests' records (family A is counselor a's, B b's).
inline constexpr const char* kPassword = "a long enough password";
inline constexpr const char* kFamilyA = "a0000000-0000-4000-8000-000000000001";
inline constexpr const char* kFamilyB = "b0000000-0000-4000-8000-000000000002";
inline constexpr const char* kVisitA = "a0000000-0000-4000-8000-0000000000f1";
inline constexpr const char* kCaregiverA = "a0000000-0000-4000-8000-0000000000c1";
inline constexpr const char* kChildA = "a0000000-0000-4000-8000-0000000000c2";
inline constexpr const char* kDigest =
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

// The message of the error `run` throws; "" when it throws none.
template <typename Run>
std::string refusal(Run&& run) {
  try {
    run();
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

// A family entered the way a laptop's push does it: the family, then its assignment to
// `counselor`, in one transaction.
inline void addAssignedFamily(Connection& db, const std::string& uuid, const std::string& counselor,
                              const std::string& name) {
  Transaction push(db);
  db.exec(
      "INSERT INTO securebase.families (uuid, display_name, language, created_on) "
      "VALUES ($1, $2, 'es', '2026-11-01')",
      {uuid, name});
  db.exec("INSERT INTO securebase.assignments (family_uuid, counselor_uuid) VALUES ($1, $2)",
          {uuid, counselor});
  push.commit();
}

}  // namespace securebase::server::testing
