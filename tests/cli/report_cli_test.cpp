// securebase-cli report: the real binary on a temporary database, exit codes of DESIGN §9.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "build_paths.h"
#include "temp_dir.h"
#include "test_key.h"

namespace securebase {
namespace {

struct Result {
  int code = -1;
  std::string output;
};

Result cli(const std::string& args) {
  Result result;
  FILE* pipe = ::popen((std::string(SECUREBASE_CLI_PATH) + " " + args + " 2>&1").c_str(), "r");
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class ReportCli : public ::testing::Test {
 protected:
  ReportCli() {
    testing::writeFile(dir_ / "passphrase.txt", testing::kTestKey);
    db_ = "--db '" + (dir_ / "r.db").string() + "' --passphrase-file '" +
          (dir_ / "passphrase.txt").string() + "'";
    EXPECT_EQ(cli("init " + db_).code, 0);
    EXPECT_EQ(cli("demo " + db_ + " --families 2").code, 0);
  }
  std::string out(const std::string& name) const { return "'" + (dir_ / name).string() + "'"; }

  testing::TempDir dir_;
  std::string db_;
};

TEST_F(ReportCli, WritesClinicalAndParentReports) {
  auto r = cli("report " + db_ + " --family 1 -o " + out("c.pdf"));
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir_ / "c.pdf"));
  r = cli("report " + db_ + " --family 1 --audience parent --lang es --paper a4 -o " +
          out("p.pdf"));
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("page"), std::string::npos);
}

TEST_F(ReportCli, ErrorsHaveTheirExitCodesAndLeaveNoFile) {
  EXPECT_EQ(cli("report " + db_ + " --family 999 -o " + out("x.pdf")).code, 2);
  EXPECT_EQ(cli("report " + db_ + " --family 1 --from 2025-02-30 -o " + out("x.pdf")).code, 1);
  const auto backwards =
      cli("report " + db_ + " --family 1 --from 2026-05-01 --to 2026-01-01 -o " + out("x.pdf"));
  EXPECT_EQ(backwards.code, 1);
  EXPECT_NE(backwards.output.find("after"), std::string::npos);
  EXPECT_EQ(cli("report " + db_ + " --family 1 --audience boss -o " + out("x.pdf")).code, 1);
  EXPECT_EQ(
      cli("report " + db_ + " --family 1 -o '" + (dir_ / "missing" / "x.pdf").string() + "'").code,
      4);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "x.pdf"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "missing"));
}

TEST_F(ReportCli, EmptyRangeStillWritesAReportThatSaysSo) {
  const auto r =
      cli("report " + db_ + " --family 1 --from 2001-01-01 --to 2001-12-31 -o " + out("empty.pdf"));
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir_ / "empty.pdf"));
}

}  // namespace
}  // namespace securebase
