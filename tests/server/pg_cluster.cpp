#include "pg_cluster.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "securebase/server/connection.h"

extern char** environ;

namespace securebase::testing {
namespace fs = std::filesystem;

namespace {

const char* kBin = "/usr/lib/postgresql/15/bin/";

std::string tail(const fs::path& log) {
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  return all.size() > 2000 ? all.substr(all.size() - 2000) : all;
}

int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
    throw std::runtime_error("no free TCP port on 127.0.0.1");
  ::close(fd);
  return ntohs(address.sin_port);
}

void giveToPostgres(const fs::path& path) {
  const passwd* postgres = ::getpwnam("postgres");
  if (postgres == nullptr) throw std::runtime_error("no postgres system user (postgresql-15)");
  if (::chown(path.c_str(), postgres->pw_uid, postgres->pw_gid) != 0)
    throw std::runtime_error("cannot give " + path.string() + " to postgres");
}

std::vector<std::string> asPostgres(const std::string& program, std::vector<std::string> args) {
  std::vector<std::string> command = {"runuser", "-u", "postgres", "--", kBin + program};
  command.insert(command.end(), args.begin(), args.end());
  return command;
}

}  // namespace

void runProgram(const std::vector<std::string>& args, const fs::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int spawned = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot run " + args[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string command;
    for (const auto& arg : args) command += arg + " ";
    throw std::runtime_error(command + "failed:\n" + tail(log));
  }
}

PgCluster::PgCluster() {
  std::string pattern = "/tmp/securebase-pg-XXXXXX";  // short: a socket path has 107 bytes
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  folder_ = pattern;
  useFolder();
  initAndStart();
}

PgCluster::PgCluster(const fs::path& folder, const std::string& config)
    : folder_(folder), kept_(true) {
  fs::create_directories(folder_);
  useFolder();
  const fs::path data = folder_ / "data";
  if (fs::exists(data / "PG_VERSION")) {
    // A new port each run; the last setting in the file wins.
    std::ofstream(data / "postgresql.conf", std::ios::app) << "port = " << port_ << "\n";
    start();
    return;
  }
  fs::remove_all(data);
  initAndStart();
  std::ofstream(data / "postgresql.conf", std::ios::app) << config;
  stop();
  start();
}

// The guardian first (so nothing is left behind from here on), then the folder for postgres,
// a port and certificates made fresh for this run (the test CA lives two days).
void PgCluster::useFolder() {
  startGuardian();
  giveToPostgres(folder_);
  fs::permissions(folder_, fs::perms::owner_all);
  port_ = freePort();
  makeCertificates();
}

// The guardian waits for the end of a pipe only this process holds: it reads end-of-file when
// this process closes it or dies in any way, then stops the server and removes the folder.
void PgCluster::startGuardian() {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
  guardian_ = ::fork();
  if (guardian_ < 0) throw std::runtime_error("fork failed");
  if (guardian_ == 0) {
    ::close(fds[1]);
    ::setsid();  // apart from the test's process group: ^C or a timeout kills the test only
    ::signal(SIGINT, SIG_IGN);
    ::signal(SIGTERM, SIG_IGN);
    char byte = 0;
    while (::read(fds[0], &byte, 1) != 0 && errno == EINTR) {
    }
    const fs::path data = folder_ / "data";
    if (fs::exists(data / "postmaster.pid")) {
      try {
        // A kept cluster shuts down cleanly: its next start needs no recovery.
        runProgram(asPostgres("pg_ctl", {"-D", data.string(), "-m", kept_ ? "fast" : "immediate",
                                         "-w", "stop"}),
                   "/dev/null");
      } catch (...) {
      }
    }
    std::error_code ignored;
    if (!kept_) fs::remove_all(folder_, ignored);
    ::_exit(0);
  }
  ::close(fds[0]);
  guardian_pipe_ = fds[1];
  ::fcntl(guardian_pipe_, F_SETFD, FD_CLOEXEC);  // programs the tests start do not hold it
}

void PgCluster::makeCertificates() {
  const fs::path log = folder_ / "setup.log";
  const auto in = [&](const char* name) { return (folder_ / name).string(); };
  const std::string days = "2";
  runProgram({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", in("ca.key"),
              "-out", in("ca.crt"), "-days", days, "-subj", "/CN=SecureBase test CA"},
             log);
  runProgram({"openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", in("server.key"),
              "-out", in("server.csr"), "-subj", "/CN=localhost"},
             log);
  std::ofstream(in("server.ext")) << "subjectAltName=DNS:localhost,IP:127.0.0.1\n";
  runProgram({"openssl", "x509", "-req", "-in", in("server.csr"), "-CA", in("ca.crt"), "-CAkey",
              in("ca.key"), "-CAcreateserial", "-out", in("server.crt"), "-days", days, "-extfile",
              in("server.ext")},
             log);
  giveToPostgres(in("server.key"));
  fs::permissions(in("server.key"), fs::perms::owner_read | fs::perms::owner_write);
}

void PgCluster::initAndStart() {
  const fs::path log = folder_ / "setup.log";
  const fs::path password_file = folder_ / "superuser.pw";
  std::ofstream(password_file) << kSuperuserPassword << "\n";
  giveToPostgres(password_file);
  const fs::path data = folder_ / "data";
  runProgram(asPostgres("initdb", {"-D", data.string(), "-U", "postgres",
                                   "--pwfile=" + password_file.string(), "-A", "scram-sha-256",
                                   "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"}),
             log);
  // A throwaway cluster needs no crash safety: no fsync makes each test's database quick.
  std::ofstream(data / "postgresql.conf", std::ios::app)
      << "port = " << port_ << "\n"
      << "listen_addresses = '127.0.0.1'\n"
      << "unix_socket_directories = '" << folder_.string() << "'\n"
      << "ssl = on\n"
      << "ssl_cert_file = '" << (folder_ / "server.crt").string() << "'\n"
      << "ssl_key_file = '" << (folder_ / "server.key").string() << "'\n"
      << "password_encryption = 'scram-sha-256'\n"
      << "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
      << "max_connections = 40\nshared_buffers = 16MB\n";
  // The superuser by socket without a password (the tests' own administration); everyone else,
  // and everyone over TCP, by SCRAM password — TCP only with TLS.
  std::ofstream(data / "pg_hba.conf", std::ios::trunc)
      << "local all postgres trust\n"
      << "local all all scram-sha-256\n"
      << "hostssl all all 127.0.0.1/32 scram-sha-256\n";
  start();
}

void PgCluster::stop() {
  runProgram(
      asPostgres("pg_ctl", {"-D", (folder_ / "data").string(), "-m", "immediate", "-w", "stop"}),
      folder_ / "setup.log");
}

void PgCluster::start() {
  runProgram(asPostgres("pg_ctl", {"-D", (folder_ / "data").string(), "-l",
                                   (folder_ / "server.log").string(), "-w", "start"}),
             folder_ / "setup.log");
}

PgCluster::~PgCluster() {
  if (guardian_pipe_ >= 0) ::close(guardian_pipe_);
  if (guardian_ > 0) {
    int status = 0;
    while (::waitpid(guardian_, &status, 0) < 0 && errno == EINTR) {
    }
  }
}

std::string PgCluster::socketConninfo(const std::string& dbname, const std::string& user) const {
  return "host=" + folder_.string() + " port=" + std::to_string(port_) + " dbname=" + dbname +
         " user=" + user;
}

std::string PgCluster::tcpConninfo(const std::string& dbname, const std::string& user) const {
  return "host=localhost port=" + std::to_string(port_) + " dbname=" + dbname + " user=" + user +
         " sslrootcert=" + caCertificate().string();
}

std::string PgCluster::createDatabase() {
  const std::string name =
      "test_" + std::to_string(::getpid()) + "_" + std::to_string(++databases_);
  server::Connection admin(socketConninfo("postgres"));
  admin.execScript("CREATE DATABASE " + name);
  return name;
}

namespace {

std::unique_ptr<PgCluster>& sharedCluster() {
  static std::unique_ptr<PgCluster> cluster;
  return cluster;
}

// Stops the shared cluster after the last test, while the program is still whole.
class ClusterEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { sharedCluster().reset(); }
};

const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new ClusterEnvironment);

}  // namespace

PgCluster& pgCluster() {
  auto& cluster = sharedCluster();
  if (!cluster) cluster = std::make_unique<PgCluster>();
  return *cluster;
}

}  // namespace securebase::testing
