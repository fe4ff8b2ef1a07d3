// A server database at one schema version for the raw-SQL tests: counselors a and b, each
// holding one family (kFamilyA, kFamilyB), and supervisor s, each connected with their own login.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "pg_cluster.h"
#include "raw_sql.h"
#include "securebase/server/connection.h"
#include "securebase/server/schema.h"

namespace securebase::server::testing {

class StaffDatabase : public ::testing::Test {
 protected:
  void setUpAt(int version) {
    using securebase::testing::pgCluster;
    dbname_ = pgCluster().createDatabase();
    admin_ = std::make_unique<Connection>(pgCluster().socketConninfo(dbname_));
    ASSERT_EQ(initServerSchema(*admin_, version).to, version);
    const auto a = addStaff(*admin_, StaffRole::counselor, "Ana", dbname_ + "_a", kPassword);
    const auto b = addStaff(*admin_, StaffRole::counselor, "Bea", dbname_ + "_b", kPassword);
    addStaff(*admin_, StaffRole::supervisor, "Sol", dbname_ + "_s", kPassword);
    a_ = as(dbname_ + "_a");
    b_ = as(dbname_ + "_b");
    s_ = as(dbname_ + "_s");
    addAssignedFamily(*a_, kFamilyA, a, "Familia");
    addAssignedFamily(*b_, kFamilyB, b, "Familia");
  }

  std::unique_ptr<Connection> as(const std::string& login) {
    return std::make_unique<Connection>(
        securebase::testing::pgCluster().socketConninfo(dbname_, login), std::string(kPassword));
  }

  std::string dbname_;
  std::unique_ptr<Connection> admin_, a_, b_, s_;
};

}  // namespace securebase::server::testing
