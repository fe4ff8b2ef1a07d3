// `securebase` started where there is no display: it says so on stderr and writes a sample
// handout and progress report, printing their paths, and exits 0 — without touching GTK.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "gui_support.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

struct Outcome {
  int exit_code = -1;
  std::vector<std::filesystem::path> files;  // stdout, one path per line
  std::string errors;
};

Outcome runWithoutDisplay(const std::filesystem::path& home, const std::string& database,
                          const std::string& extra_args = "") {
  const auto out = home / "stdout.txt";
  const auto err = home / "stderr.txt";
  const std::string command =
      "env -u DISPLAY -u WAYLAND_DISPLAY XDG_DATA_HOME='" + (home / "data").string() +
      "' TMPDIR='" + home.string() + "' SECUREBASE_DB='" + database + "' '" + appProgramPath() +
      "' " + extra_args + " </dev/null >'" + out.string() + "' 2>'" + err.string() + "'";
  Outcome outcome;
  const int status = std::system(command.c_str());
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream lines(out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) outcome.files.emplace_back(line);
  outcome.errors = readFile(err);
  return outcome;
}

std::string pdfText(const std::filesystem::path& file) {
  return run("pdftotext -q '" + file.string() + "' - 2>/dev/null");
}

TEST(HeadlessStart, WritesSampleDocumentsFromADemoDatabase) {
  TempDir home;
  const auto outcome = runWithoutDisplay(home.path(), (home / "missing.db").string());
  EXPECT_EQ(outcome.exit_code, 0) << outcome.errors;
  EXPECT_NE(outcome.errors.find("no display"), std::string::npos) << outcome.errors;
  EXPECT_EQ(outcome.errors.find("Gtk"), std::string::npos) << outcome.errors;
  ASSERT_EQ(outcome.files.size(), 2u);
  for (const auto& file : outcome.files) {
    EXPECT_TRUE(std::filesystem::exists(file)) << file;
    EXPECT_EQ(file.extension(), ".pdf");
  }
  EXPECT_NE(pdfText(outcome.files[1]).find("family"), std::string::npos);
  // The user's database was neither used nor created.
  EXPECT_FALSE(std::filesystem::exists(home / "missing.db"));
}

TEST(HeadlessStart, ReportsOnAFamilyOfTheDefaultDatabase) {
  TempDir home;
  const auto database = home / "caseload.db";
  {
    store::Database db(database, {.key = kTestKey});
    store::Store store(db, "test");
    addTestFamily(store, "Whitfield family", "Jen", "Oscar");
  }
  const auto outcome =
      runWithoutDisplay(home.path(), database.string(),
                        "--passphrase-file '" + writeKeyFile(home.path()).string() + "'");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.errors;
  ASSERT_EQ(outcome.files.size(), 2u);
  EXPECT_NE(pdfText(outcome.files[1]).find("Whitfield"), std::string::npos);
}

TEST(HeadlessStart, WithoutThePassphraseWritesOnlyTheGenericHandout) {
  TempDir home;
  const auto database = home / "caseload.db";
  {
    store::Database db(database, {.key = kTestKey});
    store::Store store(db, "test");
    addTestFamily(store, "Whitfield family", "Jen", "Oscar");
  }
  const auto outcome = runWithoutDisplay(home.path(), database.string());
  EXPECT_EQ(outcome.exit_code, 0) << outcome.errors;
  ASSERT_EQ(outcome.files.size(), 1u) << outcome.errors;
  EXPECT_EQ(outcome.files[0].filename(), "sample-handout.pdf");
  EXPECT_EQ(pdfText(outcome.files[0]).find("Whitfield"), std::string::npos);
  EXPECT_NE(outcome.errors.find("is encrypted: the documents of its families need its passphrase"),
            std::string::npos)
      << outcome.errors;
  // No demo database was made in its place.
  EXPECT_EQ(outcome.errors.find("sample families"), std::string::npos) << outcome.errors;
}

TEST(HeadlessStart, AWrongPassphraseIsSaidAndNothingIsWritten) {
  TempDir home;
  const auto database = home / "caseload.db";
  {
    store::Database db(database, {.key = kOtherTestKey});
    store::Store store(db, "test");
    addTestFamily(store, "Whitfield family", "Jen", "Oscar");
  }
  const auto outcome =
      runWithoutDisplay(home.path(), database.string(),
                        "--passphrase-file '" + writeKeyFile(home.path()).string() + "'");
  EXPECT_EQ(outcome.exit_code, 1) << outcome.errors;
  EXPECT_TRUE(outcome.files.empty());
  EXPECT_NE(outcome.errors.find("passphrase"), std::string::npos) << outcome.errors;
}

}  // namespace
}  // namespace securebase::testing
