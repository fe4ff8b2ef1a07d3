// A throwaway PostgreSQL 15 cluster for the server tests: initdb in a folder under /tmp on a free
// port, TLS from a test CA made with openssl (server certificate for localhost and 127.0.0.1),
// listening on 127.0.0.1 and on a Unix socket in the same folder. Since the tests run as root
// and initdb refuses root, the cluster belongs to the postgres system user.
//
// One cluster serves the whole test program (starting one takes about a second); each test
// takes a database of its own. A guardian process stops the cluster and removes the folder
// when the test program ends — normally, or by a crash or a kill — so no server is left behind.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace securebase::testing {

class PgCluster {
 public:
  PgCluster();
  // A cluster kept in `folder` between runs (the benchmarks' loaded server): made there the
  // first time, started again from it later, and only stopped — never removed — at the end.
  // `config` is appended to postgresql.conf when the cluster is made (later lines win).
  PgCluster(const std::filesystem::path& folder, const std::string& config);
  ~PgCluster();
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

  // The superuser's password (the Unix socket lets the superuser in without one).
  static constexpr const char* kSuperuserPassword = "cluster-superuser-password";

  const std::filesystem::path& folder() const { return folder_; }
  int port() const { return port_; }
  std::filesystem::path caCertificate() const { return folder_ / "ca.crt"; }

  // Connection strings for `user` on database `dbname`: through the Unix socket, or over TCP
  // to localhost with the test CA as the trusted root.
  std::string socketConninfo(const std::string& dbname, const std::string& user = "postgres") const;
  std::string tcpConninfo(const std::string& dbname, const std::string& user = "postgres") const;

  // A new, empty database with a name no other test uses.
  std::string createDatabase();

  // The server going away as in a crash (immediate shutdown) and coming back: for the tests of
  // a network cut or a server restart in the middle of a sync.
  void stop();
  void start();

 private:
  void startGuardian();
  void makeCertificates();
  void initAndStart();
  void useFolder();

  std::filesystem::path folder_;
  int port_ = 0;
  int guardian_pipe_ = -1;
  pid_t guardian_ = -1;
  int databases_ = 0;
  bool kept_ = false;
};

// The test program's cluster, started on first use and stopped when the program ends.
PgCluster& pgCluster();

// Runs `args` (no shell), its output appended to `log`; throws with the log's end on failure.
void runProgram(const std::vector<std::string>& args, const std::filesystem::path& log);

}  // namespace securebase::testing
