// securebase-cli server init | add-counselor | add-supervisor against the throwaway cluster:
// the real binary, passwords only from files or descriptors.
#include <gtest/gtest.h>

#include "cli_runner.h"
#include "pg_cluster.h"
#include "securebase/core/error.h"
#include "securebase/server/connection.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

class ServerCliTest : public ::testing::Test {
 protected:
  ServerCliTest() : runner_(dir_.path()) {}
  void SetUp() override {
    dbname_ = pgCluster().createDatabase();
    admin_ = pgCluster().socketConninfo(dbname_);
    writeFile(dir_ / "counselor.pw", "counselor's long password\n");
    writeFile(dir_ / "admin.pw", std::string(PgCluster::kSuperuserPassword) + "\n");
  }

  CliResult cli(const std::vector<std::string>& args) const { return runner_.run(args); }

  TempDir dir_;
  CliRunner runner_;
  std::string dbname_, admin_;
};

TEST_F(ServerCliTest, InitCreatesTheSchemaOnceAndSaysSo) {
  auto created = cli({"server", "init", "--server", admin_});
  ASSERT_EQ(created.exit_code, 0) << describe(created);
  EXPECT_EQ(created.out, "Server schema ready: version 5 (created)\n");
  auto again = cli({"server", "init", "--server", admin_});
  ASSERT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_EQ(again.out, "Server schema ready: version 5 (already up to date)\n");
}

TEST_F(ServerCliTest, ACounselorAddedByTheCliLogsInOverTlsWithThePasswordFromTheFile) {
  // The administrator over TCP too, with the server password from a file.
  const auto over_tcp = pgCluster().tcpConninfo(dbname_);
  auto init = cli({"server", "init", "--server", over_tcp, "--server-passphrase-file",
                   (dir_ / "admin.pw").string()});
  ASSERT_EQ(init.exit_code, 0) << describe(init);
  const std::string login = dbname_ + "_ana";
  auto added = cli({"server", "add-counselor", "Ana Ruiz", "--login", login, "--server", admin_,
                    "--new-passphrase-file", (dir_ / "counselor.pw").string()});
  ASSERT_EQ(added.exit_code, 0) << describe(added);
  EXPECT_EQ(added.out.rfind("Counselor Ana Ruiz can log in as " + login + " (", 0), 0u)
      << added.out;
  auto supervisor =
      cli({"server", "add-supervisor", "Sol Vega", "--login", dbname_ + "_sol", "--server", admin_,
           "--new-passphrase-file", (dir_ / "counselor.pw").string()});
  ASSERT_EQ(supervisor.exit_code, 0) << describe(supervisor);

  server::Connection ana(pgCluster().tcpConninfo(dbname_, login),
                         std::string("counselor's long password"));
  EXPECT_TRUE(ana.encrypted());
  auto staff = ana.exec("SELECT name, supervisor FROM securebase.counselors ORDER BY name");
  ASSERT_EQ(staff.rows(), 2);
  EXPECT_EQ(staff.text(0, 0), "Ana Ruiz");
  EXPECT_EQ(staff.text(0, 1), "f");
  EXPECT_EQ(staff.text(1, 1), "t");
}

TEST_F(ServerCliTest, AuditVerifyNamesTheFirstAlteredRow) {
  ASSERT_EQ(cli({"server", "init", "--server", admin_}).exit_code, 0);
  server::Connection admin(admin_);
  for (const char* what : {"push 1", "push 2", "push 3"})
    admin.exec("INSERT INTO securebase.push_audit (what) VALUES ($1)", {std::string(what)});
  auto intact = cli({"server", "audit-verify", "--server", admin_});
  ASSERT_EQ(intact.exit_code, 0) << describe(intact);
  EXPECT_EQ(intact.out, "Push audit intact: 3 rows checked\n");

  const auto second = admin.exec("SELECT id FROM securebase.push_audit ORDER BY id").text(1, 0);
  admin.execScript(
      "ALTER TABLE securebase.push_audit DISABLE TRIGGER push_audit_immutable;"
      "UPDATE securebase.push_audit SET login = 'someone' WHERE what = 'push 2';"
      "ALTER TABLE securebase.push_audit ENABLE ALWAYS TRIGGER push_audit_immutable;");
  auto altered = cli({"server", "audit-verify", "--server", admin_});
  EXPECT_EQ(altered.exit_code, 3) << describe(altered);
  EXPECT_EQ(altered.err, "securebase-cli: the push audit was altered: row " + second +
                             " no longer matches its hash or the row before it\n");
}

TEST_F(ServerCliTest, RefusalsAreOneLineWithTheirExitCodes) {
  // No schema yet.
  auto early = cli({"server", "add-counselor", "Ana", "--login", "ana_early", "--server", admin_,
                    "--new-passphrase-file", (dir_ / "counselor.pw").string()});
  EXPECT_EQ(early.exit_code, 3) << describe(early);
  EXPECT_NE(early.err.find("run server init first"), std::string::npos) << early.err;
  ASSERT_EQ(cli({"server", "init", "--server", admin_}).exit_code, 0);
  // A login that is no plain name, a password typed nowhere, a weak sslmode, no password.
  auto bad_login = cli({"server", "add-counselor", "Ana", "--login", "Ana Ruiz", "--server", admin_,
                        "--new-passphrase-file", (dir_ / "counselor.pw").string()});
  EXPECT_EQ(bad_login.exit_code, 1) << describe(bad_login);
  auto no_terminal =
      cli({"server", "add-counselor", "Ana", "--login", "ana_x", "--server", admin_});
  EXPECT_EQ(no_terminal.exit_code, 1) << describe(no_terminal);
  EXPECT_NE(no_terminal.err.find("--new-passphrase-fd"), std::string::npos);
  auto weak =
      cli({"server", "init", "--server", pgCluster().tcpConninfo(dbname_) + " sslmode=require",
           "--server-passphrase-file", (dir_ / "admin.pw").string()});
  EXPECT_EQ(weak.exit_code, 1) << describe(weak);
  auto no_password = cli({"server", "init", "--server", pgCluster().tcpConninfo(dbname_)});
  EXPECT_EQ(no_password.exit_code, 3) << describe(no_password);
  EXPECT_NE(no_password.err.find("~/.pgpass"), std::string::npos) << no_password.err;
  for (const auto* result : {&early, &bad_login, &no_terminal, &weak, &no_password})
    EXPECT_EQ(result->errLines().size(), 1u) << describe(*result);
}

}  // namespace
}  // namespace securebase::testing
