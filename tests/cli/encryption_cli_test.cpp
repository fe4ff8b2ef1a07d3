// Encryption from the command line: a real passphrase with the real key derivation, the three
// ways it may arrive (terminal, --passphrase-fd, --passphrase-file) and the ones it may not
// (arguments, environment), wrong passphrases, changing it, and encrypting an old database.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "cipher_probe.h"
#include "cli_fixture.h"
#include "securebase/store/database.h"
#include "store_fixture.h"
#include "test_key.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

const std::string kPassphrase = "quiet river morning";

// A descriptor the child inherits (no O_CLOEXEC), holding `text`.
class InheritedFile {
 public:
  InheritedFile(const std::filesystem::path& file, const std::string& text) {
    writeFile(file, text);
    fd_ = ::open(file.c_str(), O_RDONLY);
  }
  ~InheritedFile() { ::close(fd_); }
  std::string fd() const { return std::to_string(fd_); }

 private:
  int fd_ = -1;
};

std::string sqlite3Shell(const std::filesystem::path& file) {
  const std::string command =
      "sqlite3 '" + file.string() + "' 'SELECT count(*) FROM families' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string output;
  char buffer[512];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  ::pclose(pipe);
  return output;
}

}  // namespace

class EncryptionCli : public CliTest {
 protected:
  EncryptionCli() {
    useKeyFile(false);
    writeFile(passphraseFile(), kPassphrase + "\n");
  }
  std::filesystem::path passphraseFile() const { return dir() / "pass.txt"; }
  std::vector<std::string> with(std::vector<std::string> args) const {
    args.insert(args.end(), {"--passphrase-file", passphraseFile().string()});
    return args;
  }
};

TEST_F(EncryptionCli, InitEncryptsWithTheRealKeyDerivationAndSqliteCannotReadIt) {
  InheritedFile input(dir() / "fd.txt", kPassphrase + "\n");
  EXPECT_NE(ok({"init", "--passphrase-fd", input.fd()}).find("encrypted"), std::string::npos);
  ok(with({"family", "add", "--name", "Hidden family"}));
  ok(with({"check"}));  // opens, so the WAL is folded in on close
  EXPECT_FALSE(hasSqliteHeader(db()));
  EXPECT_EQ(readFile(db()).find("Hidden family"), std::string::npos);
  EXPECT_TRUE(opensWith(db(), kPassphrase, store::kKdfIterations));
  const std::string shell = sqlite3Shell(db());
  EXPECT_NE(shell.find("file is not a database"), std::string::npos) << shell;
  EXPECT_NE(ok(with({"family", "list"})).find("Hidden family"), std::string::npos);
}

TEST_F(EncryptionCli, WithoutATerminalOrOptionThePassphraseIsAskedFor) {
  ok(with({"init"}));
  EXPECT_TRUE(refused(cli({"family", "list"}), 1,
                      "no terminal to ask for the passphrase on; give it with --passphrase-fd"));
  // The environment is never read: such a variable would leak to every child process.
  EXPECT_TRUE(
      refused(cli({"family", "list"}, {{"SECUREBASE_PASSPHRASE", kPassphrase}}), 1, "no terminal"));
  EXPECT_TRUE(refused(cli({"family", "list", "--passphrase", kPassphrase}), 1, "--passphrase"));
  EXPECT_TRUE(refused(cli({"family", "list", "--passphrase-file", passphraseFile().string(),
                           "--passphrase-fd", "0"}),
                      1, "not both"));
}

TEST_F(EncryptionCli, AWrongPassphraseIsExitThreeAndChangesNoByte) {
  ok(with({"init"}));
  ok(with({"family", "add", "--name", "Rivera family"}));
  ok(with({"check"}));
  const std::string bytes = readFile(db());
  writeFile(dir() / "wrong.txt", "quiet river evening\n");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"family", "list"}, {"family", "add", "--name", "X"}, {"backup"}, {"init"}}) {
    auto full = args;
    full.insert(full.end(), {"--passphrase-file", (dir() / "wrong.txt").string()});
    EXPECT_TRUE(refused(cli(full), 3, "wrong passphrase for database " + db().string()));
    EXPECT_EQ(readFile(db()), bytes);
  }
  EXPECT_FALSE(std::filesystem::exists(dir() / "backups"));
}

TEST_F(EncryptionCli, ANewPassphraseMustBeLongEnoughAndNothingIsCreatedOtherwise) {
  writeFile(dir() / "short.txt", "abc\n");
  EXPECT_TRUE(refused(cli({"init", "--passphrase-file", (dir() / "short.txt").string()}), 1,
                      "at least 8 characters"));
  EXPECT_FALSE(std::filesystem::exists(db()));
  EXPECT_TRUE(refused(cli({"init", "--passphrase-file", (dir() / "none.txt").string()}), 2,
                      "cannot read the passphrase file"));
  EXPECT_FALSE(std::filesystem::exists(db()));
}

TEST_F(EncryptionCli, ChangingThePassphraseRetiresTheOldOne) {
  ok(with({"init"}));
  ok(with({"family", "add", "--name", "Rivera family"}));
  writeFile(dir() / "new.txt", "seven blue lanterns\n");
  EXPECT_NE(ok(with({"passphrase", "--new-passphrase-file", (dir() / "new.txt").string()}))
                .find("Passphrase changed"),
            std::string::npos);
  EXPECT_TRUE(refused(cli(with({"family", "list"})), 3, "wrong passphrase"));
  const auto list = cli({"family", "list", "--passphrase-file", (dir() / "new.txt").string()});
  EXPECT_NE(list.out.find("Rivera family"), std::string::npos) << describe(list);
  EXPECT_TRUE(opensWith(db(), "seven blue lanterns", store::kKdfIterations));
}

TEST_F(EncryptionCli, AnUnencryptedDatabaseIsEncryptedInPlace) {
  ok({"init", "--unencrypted"});
  ok({"family", "add", "--name", "Older family"});
  ok({"check"});
  EXPECT_TRUE(hasSqliteHeader(db()));
  const std::string before = dump();
  EXPECT_NE(ok(with({"encrypt"})).find("verified"), std::string::npos);
  EXPECT_FALSE(hasSqliteHeader(db()));
  EXPECT_FALSE(std::filesystem::exists(db().string() + ".unencrypted"));
  EXPECT_TRUE(opensWith(db(), kPassphrase, store::kKdfIterations));
  EXPECT_NE(ok(with({"family", "list"})).find("Older family"), std::string::npos);
  store::Database database(db(), {.key = kPassphrase, .create_if_missing = false});
  EXPECT_EQ(dumpContent(database), before);
  EXPECT_TRUE(refused(cli(with({"encrypt"})), 1, "already encrypted"));
}

TEST_F(EncryptionCli, EncryptingCanKeepTheOriginal) {
  ok({"init", "--unencrypted"});
  ok({"family", "add", "--name", "Older family"});
  ok(with({"encrypt", "--keep-original"}));
  const auto original = std::filesystem::path(db().string() + ".unencrypted");
  EXPECT_TRUE(hasSqliteHeader(original));
  EXPECT_NE(cli({"family", "list", "--db", original.string()}).out.find("Older family"),
            std::string::npos);
}
