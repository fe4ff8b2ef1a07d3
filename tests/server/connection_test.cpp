// The libpq wrapper against a real PostgreSQL 15: parameters, NULLs, one-line errors,
// transactions, and TLS with certificate verification forced on every TCP connection.
#include "securebase/server/connection.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include "pg_cluster.h"
#include "securebase/core/error.h"

namespace securebase::server {
namespace {

using testing::pgCluster;

// Sets an environment variable for one test and restores it after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// The error `run` throws (failing the test when it throws none).
template <typename Run>
Error errorOf(Run&& run) {
  try {
    run();
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "no error thrown";
  return Error(ErrorKind::bad_input, "none");
}

class ConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override { dbname_ = pgCluster().createDatabase(); }
  std::string dbname_;
};

TEST_F(ConnectionTest, ParametersTravelApartFromTheSqlAndNullsStayNull) {
  Connection db(pgCluster().socketConninfo(dbname_));
  db.execScript("CREATE TABLE t (name text, n integer)");
  const std::string awkward = "O'Brien; DROP TABLE t; --";
  EXPECT_EQ(db.exec("INSERT INTO t VALUES ($1, $2), ($3, $4)",
                    {awkward, std::string("7"), std::nullopt, std::nullopt})
                .affected(),
            2);
  auto rows = db.exec("SELECT name, n FROM t ORDER BY n NULLS LAST");
  ASSERT_EQ(rows.rows(), 2);
  ASSERT_EQ(rows.columns(), 2);
  EXPECT_EQ(rows.text(0, 0), awkward);
  EXPECT_EQ(rows.value(0, 1), "7");
  EXPECT_TRUE(rows.isNull(1, 0));
  EXPECT_EQ(rows.value(1, 1), std::nullopt);
  EXPECT_EQ(errorOf([&] { (void)rows.text(2, 0); }).kind(), ErrorKind::database);
}

TEST_F(ConnectionTest, AFailedStatementIsOneLineNamingTheCause) {
  Connection db(pgCluster().socketConninfo(dbname_));
  db.execScript("CREATE TABLE t (id integer PRIMARY KEY)");
  db.exec("INSERT INTO t VALUES (1)");
  const auto duplicate = errorOf([&] { db.exec("INSERT INTO t VALUES (1)"); });
  EXPECT_EQ(duplicate.kind(), ErrorKind::database);
  EXPECT_NE(std::string(duplicate.what()).find("duplicate key"), std::string::npos)
      << duplicate.what();
  EXPECT_NE(std::string(duplicate.what()).find("(id)=(1)"), std::string::npos) << duplicate.what();
  const auto syntax = errorOf([&] { db.execScript("SELEC 1;\nSELECT 2"); });
  EXPECT_EQ(std::string(syntax.what()).find('\n'), std::string::npos) << syntax.what();
  EXPECT_NE(std::string(syntax.what()).find("syntax error"), std::string::npos);
}

TEST_F(ConnectionTest, ATransactionRollsBackUnlessCommitted) {
  Connection db(pgCluster().socketConninfo(dbname_));
  db.execScript("CREATE TABLE t (id integer)");
  {
    Transaction abandoned(db);
    db.exec("INSERT INTO t VALUES (1)");
  }
  try {
    Transaction failing(db);
    db.exec("INSERT INTO t VALUES (2)");
    db.exec("INSERT INTO t VALUES ('not a number')");
    failing.commit();
  } catch (const Error&) {
  }
  {
    Transaction kept(db);
    db.exec("INSERT INTO t VALUES (3)");
    kept.commit();
  }
  auto rows = db.exec("SELECT string_agg(id::text, ',') FROM t");
  EXPECT_EQ(rows.text(0, 0), "3");
}

TEST_F(ConnectionTest, TcpUsesTlsWithTheServerCertificateVerifiedWhateverTheEnvironmentSays) {
  ScopedEnv weaker("PGSSLMODE", "disable");
  Connection db(pgCluster().tcpConninfo(dbname_),
                std::string(testing::PgCluster::kSuperuserPassword));
  EXPECT_TRUE(db.encrypted());
  auto ssl = db.exec("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
  EXPECT_EQ(ssl.text(0, 0), "t");
  // Through the socket of the same machine, no TLS is needed.
  EXPECT_FALSE(Connection(pgCluster().socketConninfo(dbname_)).encrypted());
}

TEST_F(ConnectionTest, ACertificateFromAnUntrustedAuthorityIsRefused) {
  const auto other_ca = pgCluster().folder() / "other-ca.crt";
  testing::runProgram({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                       (pgCluster().folder() / "other-ca.key").string(), "-out", other_ca.string(),
                       "-days", "1", "-subj", "/CN=Someone else"},
                      pgCluster().folder() / "setup.log");
  const std::string conninfo = "host=localhost port=" + std::to_string(pgCluster().port()) +
                               " dbname=" + dbname_ +
                               " user=postgres sslrootcert=" + other_ca.string();
  const auto refused =
      errorOf([&] { Connection(conninfo, std::string(testing::PgCluster::kSuperuserPassword)); });
  EXPECT_EQ(refused.kind(), ErrorKind::database);
  EXPECT_NE(std::string(refused.what()).find("certificate verify failed"), std::string::npos)
      << refused.what();
  EXPECT_EQ(std::string(refused.what()).find('\n'), std::string::npos);
}

TEST_F(ConnectionTest, AWeakerSslModeOrAPasswordInTheConnectionStringIsRefused) {
  for (const char* mode : {"disable", "prefer", "require", "verify-ca"}) {
    const auto refused = errorOf([&] {
      Connection(pgCluster().tcpConninfo(dbname_) + " sslmode=" + mode,
                 std::string(testing::PgCluster::kSuperuserPassword));
    });
    EXPECT_EQ(refused.kind(), ErrorKind::bad_input) << mode;
    EXPECT_NE(std::string(refused.what()).find("verify-full"), std::string::npos);
  }
  EXPECT_EQ(errorOf([&] { Connection(pgCluster().tcpConninfo(dbname_) + " password=x"); }).kind(),
            ErrorKind::bad_input);
  EXPECT_EQ(errorOf([&] { Connection("host='unclosed"); }).kind(), ErrorKind::bad_input);
}

TEST_F(ConnectionTest, APasswordComesFromTheCallerOrFromPgpass) {
  const auto pgpass = pgCluster().folder() / "pgpass";
  ScopedEnv file("PGPASSFILE", pgpass.string());
  const auto missing = errorOf([&] { Connection(pgCluster().tcpConninfo(dbname_)); });
  EXPECT_EQ(missing.kind(), ErrorKind::database);
  EXPECT_NE(std::string(missing.what()).find("asks for a password"), std::string::npos)
      << missing.what();
  EXPECT_EQ(
      errorOf([&] { Connection(pgCluster().tcpConninfo(dbname_), std::string("wrong")); }).kind(),
      ErrorKind::database);

  std::ofstream(pgpass) << "localhost:" << pgCluster().port()
                        << ":*:postgres:" << testing::PgCluster::kSuperuserPassword << "\n";
  ::chmod(pgpass.c_str(), 0600);
  Connection db(pgCluster().tcpConninfo(dbname_));
  EXPECT_EQ(db.user(), "postgres");
  EXPECT_TRUE(db.encrypted());
}

TEST_F(ConnectionTest, TheScramVerifierCarriesNoPassword) {
  Connection db(pgCluster().socketConninfo(dbname_));
  const std::string verifier = db.scramVerifier("correct horse battery", "counselor_a");
  EXPECT_EQ(verifier.rfind("SCRAM-SHA-256$", 0), 0u) << verifier;
  EXPECT_EQ(verifier.find("correct horse"), std::string::npos);
  EXPECT_EQ(db.quoteIdentifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(db.quoteLiteral("it's"), "'it''s'");
}

}  // namespace
}  // namespace securebase::server
