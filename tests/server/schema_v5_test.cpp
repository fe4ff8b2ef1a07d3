// Server schema version 5: the clinic's settings are the supervisors'. Raw SQL as each role:
// every counselor reads them and none writes one; a supervisor writes them, each change taking a
// change number and the login that made it whatever the statement says; no one deletes one.
#include <gtest/gtest.h>

#include "pg_cluster.h"
#include "raw_sql.h"
#include "securebase/core/error.h"
#include "securebase/server/connection.h"
#include "securebase/server/schema.h"

namespace securebase::server {
namespace {

using securebase::testing::pgCluster;
using testing::kPassword;
using testing::refusal;

class ServerSchemaV5Test : public ::testing::Test {
 protected:
  void SetUp() override {
    dbname_ = pgCluster().createDatabase();
    admin_ = std::make_unique<Connection>(pgCluster().socketConninfo(dbname_));
    ASSERT_EQ(initServerSchema(*admin_, 5).to, 5);
    addStaff(*admin_, StaffRole::counselor, "Ana", dbname_ + "_a", kPassword);
    addStaff(*admin_, StaffRole::supervisor, "Sol", dbname_ + "_s", kPassword);
    a_ = as(dbname_ + "_a");
    s_ = as(dbname_ + "_s");
  }

  std::unique_ptr<Connection> as(const std::string& login) {
    return std::make_unique<Connection>(pgCluster().socketConninfo(dbname_, login),
                                        std::string(kPassword));
  }

  std::string dbname_;
  std::unique_ptr<Connection> admin_, a_, s_;
};

TEST_F(ServerSchemaV5Test, OnlyASupervisorWritesTheClinicSettingsAndEveryCounselorReadsThem) {
  const std::string before =
      admin_->exec("SELECT last_value FROM securebase.change_number").text(0, 0);
  s_->exec(
      "INSERT INTO securebase.clinic_settings (key, value, changed_by, change_number) "
      "VALUES ('clinic.name', 'Centro Raíces', 'someone_else', 1)");
  const auto row =
      a_->exec("SELECT value, changed_by, change_number FROM securebase.clinic_settings");
  ASSERT_EQ(row.rows(), 1);
  EXPECT_EQ(row.text(0, 0), "Centro Raíces");
  EXPECT_EQ(row.text(0, 1), dbname_ + "_s");
  EXPECT_GT(std::stoll(row.text(0, 2)), std::stoll(before));

  // A counselor's role can neither add, change nor remove one.
  for (const char* sql :
       {"INSERT INTO securebase.clinic_settings (key, value) VALUES ('clinic.phone', '555')",
        "UPDATE securebase.clinic_settings SET value = 'Otro centro'",
        "DELETE FROM securebase.clinic_settings"})
    EXPECT_NE(refusal([&] { a_->exec(sql); }).find("permission denied"), std::string::npos) << sql;
  // A supervisor changes one, with a new number; no one removes one.
  const auto first = row.text(0, 2);
  EXPECT_EQ(
      s_->exec("UPDATE securebase.clinic_settings SET value = 'Centro Raíces Norte'").affected(),
      1);
  EXPECT_GT(
      std::stoll(admin_->exec("SELECT change_number FROM securebase.clinic_settings").text(0, 0)),
      std::stoll(first));
  EXPECT_NE(refusal([&] {
              s_->exec("DELETE FROM securebase.clinic_settings");
            }).find("permission denied"),
            std::string::npos);
  EXPECT_EQ(admin_->exec("SELECT value FROM securebase.clinic_settings").text(0, 0),
            "Centro Raíces Norte");
  EXPECT_FALSE(refusal([&] {
                 s_->exec("INSERT INTO securebase.clinic_settings (key, value) VALUES ('x', '')");
               }).empty());
}

}  // namespace
}  // namespace securebase::server
