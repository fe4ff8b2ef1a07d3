// securebase-cli handout, run as a user would: the real binary, real files, real exit codes.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "build_paths.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/service/visits.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"
#include "temp_dir.h"
#include "test_key.h"

namespace {

namespace fs = std::filesystem;
using securebase::testing::readFile;
using securebase::testing::TempDir;
using namespace securebase;

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs the CLI with HOME in `home`, the source tree as its data folder (unless `data_dir` is
// given) and no SECUREBASE_DB, capturing stdout and stderr.
Result runCli(const TempDir& home, const std::vector<std::string>& args,
              const std::string& data_dir = SECUREBASE_TEST_SOURCE_DIR) {
  const fs::path out_file = home / "stdout.txt";
  const fs::path err_file = home / "stderr.txt";
  // Every database here is encrypted with the test key, given the way scripts give it.
  std::vector<std::string> copies = args;
  if (std::find(args.begin(), args.end(), "--db") != args.end()) {
    securebase::testing::writeFile(home / "passphrase.txt", securebase::testing::kTestKey);
    copies.insert(copies.end(), {"--passphrase-file", (home / "passphrase.txt").string()});
  }
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::setenv("HOME", home.path().c_str(), 1);
    ::setenv("XDG_DATA_HOME", (home / "xdg").c_str(), 1);
    ::setenv("SECUREBASE_DATA_DIR", data_dir.c_str(), 1);
    ::unsetenv("SECUREBASE_DB");
    std::vector<char*> argv;
    std::string program = SECUREBASE_CLI_PATH;
    argv.push_back(program.data());
    for (auto& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readFile(out_file), readFile(err_file)};
}

std::string pdfText(const fs::path& pdf) {
  std::string text;
  FILE* pipe = ::popen(("pdftotext -q -enc UTF-8 '" + pdf.string() + "' -").c_str(), "r");
  char buffer[4096];
  for (std::size_t n; pipe && (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    text.append(buffer, n);
  if (pipe) ::pclose(pipe);
  return text;
}

int pdfPages(const fs::path& pdf) {
  FILE* pipe = ::popen(("pdfinfo '" + pdf.string() + "' 2>/dev/null").c_str(), "r");
  std::string info;
  char buffer[4096];
  for (std::size_t n; pipe && (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    info.append(buffer, n);
  if (pipe) ::pclose(pipe);
  const auto at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
}

bool oneLine(const std::string& text) {
  return !text.empty() && text.find('\n') == text.size() - 1;
}

// Files left in `folder` (a failed write must leave none, not even a temporary).
std::vector<std::string> filesIn(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename());
  return names;
}

// A database with two Spanish-speaking families: one with a rated visit and one with only a
// missed visit. Ids are returned for the tests to use.
struct SmallDatabase {
  fs::path file;
  model::Id rated_family = 0, missed_family = 0, rated_visit = 0, missed_visit = 0;
};

SmallDatabase makeDatabase(const TempDir& dir) {
  SmallDatabase out;
  out.file = dir / "families.db";
  store::Database db(out.file, {.key = securebase::testing::kTestKey});
  store::Store store(db, "test");
  store.setSetting("clinic.name", "Clínica del Este");
  const auto catalog = forms::FormCatalog::load(fs::path(SECUREBASE_TEST_SOURCE_DIR) / "forms");
  const forms::Form& form = *catalog.latest("attachment-practices");
  const model::Date today = model::Date::today();
  auto addFamily = [&](const std::string& name, const std::string& child_name) {
    model::Family family;
    family.display_name = name;
    family.language = model::Language::es;
    family.created_on = today.plusDays(-90);
    const model::Id id = store.addFamily(family);
    const model::Id caregiver = store.addCaregiver({0, "", id, "Rosa", "mother"});
    model::Child child;
    child.family_id = id;
    child.name = child_name;
    child.birth_date = today.plusDays(-80);
    child.sex = model::Sex::female;
    const model::Id child_id = store.addChild(child);
    model::Visit visit;
    visit.family_id = id;
    visit.date = today.plusDays(-2);
    visit.form_id = form.id;
    visit.form_version = form.version;
    visit.sets.push_back({0, caregiver, child_id, {}});
    return visit;
  };
  model::Visit rated = addFamily("García Ñúñez family", "Lucía");
  rated.sets[0].observations = {{"soft-voice", false, "2", "", false},
                                {"talks-and-sings", false, "0", "", false}};
  out.rated_visit = service::recordVisit(store, catalog, rated);
  out.rated_family = rated.family_id;
  model::Visit missed = addFamily("Okafor family", "Ada");
  missed.outcome = model::VisitOutcome::missed;
  missed.sets.clear();
  out.missed_visit = service::recordVisit(store, catalog, missed);
  out.missed_family = missed.family_id;
  return out;
}

}  // namespace

TEST(HandoutCli, GenericNeedsNoDatabaseAndTakesClinicDetailsFromFlags) {
  TempDir home;
  const auto file = home / "hoja.pdf";
  const auto one = runCli(home, {"handout", "--generic", "--lang", "es", "--child-name", "Łucja",
                                 "--clinic-name", "Clínica del Este", "--help-lines",
                                 "Línea de padres: 555-0100; Crisis: 988", "-o", file.string()});
  ASSERT_EQ(one.status, 0) << one.err;
  const std::string text = pdfText(file);
  EXPECT_NE(text.find("Hecho para Łucja"), std::string::npos);
  EXPECT_NE(text.find("Clínica del Este"), std::string::npos);
  EXPECT_NE(text.find("Línea de padres"), std::string::npos);
  EXPECT_GE(pdfPages(file), 1);
  EXPECT_FALSE(fs::exists(home / "xdg" / "securebase")) << "no database was created";

  const auto copies =
      runCli(home, {"handout", "--generic", "--copies", "3", "-o", (home / "3.pdf").string()});
  ASSERT_EQ(copies.status, 0) << copies.err;
  ASSERT_EQ(runCli(home, {"handout", "--generic", "-o", (home / "1.pdf").string()}).status, 0);
  EXPECT_LE(pdfPages(home / "1.pdf"), 2);
  EXPECT_EQ(pdfPages(home / "3.pdf"), 3 * pdfPages(home / "1.pdf"));
}

TEST(HandoutCli, InvalidChildNameIsRefusedAndNoFileIsWritten) {
  TempDir home;
  const fs::path out = home / "out";
  fs::create_directories(out);
  for (const std::string& name :
       {std::string("\xC3\x28"), std::string("アキラ"), std::string("a\tb")}) {
    const auto result = runCli(
        home, {"handout", "--generic", "--child-name", name, "-o", (out / "h.pdf").string()});
    EXPECT_EQ(result.status, 1) << result.err;
    EXPECT_TRUE(oneLine(result.err)) << result.err;
    EXPECT_NE(result.err.find("child-name"), std::string::npos) << result.err;
  }
  EXPECT_TRUE(filesIn(out).empty());
}

TEST(HandoutCli, MissingHandoutFileIsNotFound) {
  TempDir home;
  const fs::path data = home / "data";
  fs::create_directories(data);
  fs::copy(fs::path(SECUREBASE_TEST_SOURCE_DIR) / "forms", data / "forms",
           fs::copy_options::recursive);
  fs::copy(fs::path(SECUREBASE_TEST_SOURCE_DIR) / "assets", data / "assets",
           fs::copy_options::recursive);
  fs::remove(data / "assets" / "handouts" / "en" / "infant-attachment.json");
  const fs::path out = home / "out";
  fs::create_directories(out);
  const auto result =
      runCli(home, {"handout", "--generic", "-o", (out / "h.pdf").string()}, data.string());
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_TRUE(oneLine(result.err)) << result.err;
  EXPECT_NE(result.err.find("infant-attachment"), std::string::npos) << result.err;
  EXPECT_TRUE(filesIn(out).empty());
}

TEST(HandoutCli, UnwritableOutputIsAnOutputError) {
  TempDir home;
  securebase::testing::writeFile(home / "not-a-folder", "x");
  for (const fs::path& target : {home / "not-a-folder" / "h.pdf", home / "missing" / "h.pdf"}) {
    const auto result = runCli(home, {"handout", "--generic", "-o", target.string()});
    EXPECT_EQ(result.status, 4) << result.err;
    EXPECT_TRUE(oneLine(result.err)) << result.err;
    EXPECT_FALSE(fs::exists(target));
  }
  const auto batch = runCli(home, {"handout", "--all", "--db", (home / "none.db").string(),
                                   "--out-dir", (home / "x").string()});
  EXPECT_EQ(batch.status, 2) << batch.err;
}

TEST(HandoutCli, PersonalisedFromAVisitInTheFamilysLanguage) {
  TempDir home;
  const SmallDatabase db = makeDatabase(home);
  const auto file = home / "visita.pdf";
  const auto result = runCli(home, {"handout", "--db", db.file.string(), "--visit",
                                    std::to_string(db.rated_visit), "-o", file.string()});
  ASSERT_EQ(result.status, 0) << result.err;
  const std::string text = pdfText(file);
  EXPECT_NE(text.find("Lo que vimos hoy"), std::string::npos);
  EXPECT_NE(text.find("Lucía"), std::string::npos);
  EXPECT_NE(text.find("Clínica del Este"), std::string::npos);
  EXPECT_LE(pdfPages(file), 3);

  const auto english =
      runCli(home, {"handout", "--db", db.file.string(), "--visit", std::to_string(db.rated_visit),
                    "--lang", "en", "--paper", "a4", "-o", (home / "en.pdf").string()});
  ASSERT_EQ(english.status, 0) << english.err;
  EXPECT_NE(pdfText(home / "en.pdf").find("What we saw today"), std::string::npos);
}

TEST(HandoutCli, MissedVisitOrUnknownVisitIsAClearError) {
  TempDir home;
  const SmallDatabase db = makeDatabase(home);
  const auto missed =
      runCli(home, {"handout", "--db", db.file.string(), "--visit", std::to_string(db.missed_visit),
                    "-o", (home / "m.pdf").string()});
  EXPECT_EQ(missed.status, 1);
  EXPECT_TRUE(oneLine(missed.err)) << missed.err;
  EXPECT_NE(missed.err.find("nothing to personalise"), std::string::npos) << missed.err;
  EXPECT_NE(missed.err.find("--generic"), std::string::npos) << missed.err;
  EXPECT_FALSE(fs::exists(home / "m.pdf"));
  const auto unknown = runCli(home, {"handout", "--db", db.file.string(), "--visit", "9999", "-o",
                                     (home / "u.pdf").string()});
  EXPECT_EQ(unknown.status, 2) << unknown.err;
  EXPECT_FALSE(fs::exists(home / "u.pdf"));
}

TEST(HandoutCli, UsageErrors) {
  TempDir home;
  const std::string out = (home / "h.pdf").string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"handout", "-o", out},
        {"handout", "--generic", "--all", "-o", out},
        {"handout", "--generic", "--copies", "0", "-o", out},
        {"handout", "--generic", "--copies", "101", "-o", out},
        {"handout", "--generic", "--lang", "fr", "-o", out},
        {"handout", "--generic", "--paper", "legal", "-o", out},
        {"handout", "--generic"},
        {"handout", "--visit", "1", "--child-name", "Ana", "-o", out}}) {
    const auto result = runCli(home, args);
    EXPECT_EQ(result.status, 1) << args.back() << ": " << result.err;
    EXPECT_TRUE(oneLine(result.err)) << result.err;
  }
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(runCli(home, {"handout", "--help"}).status, 0);
}

TEST(HandoutCli, BatchWritesOneFilePerFamilyAndListsTheSkipped) {
  TempDir home;
  const SmallDatabase db = makeDatabase(home);
  const fs::path out = home / "batch";
  const auto result =
      runCli(home, {"handout", "--db", db.file.string(), "--families",
                    std::to_string(db.rated_family) + "," + std::to_string(db.missed_family),
                    "--out-dir", out.string()});
  ASSERT_EQ(result.status, 0) << result.err;
  // Named by the family's number and the day, not its name (handout/file_names.h).
  const std::string expected =
      "handout-" + std::to_string(db.rated_family) + "-" + model::Date::today().iso() + ".pdf";
  EXPECT_EQ(filesIn(out), std::vector<std::string>{expected});
  EXPECT_NE(pdfText(out / expected).find("Lo que vimos hoy"), std::string::npos);
  EXPECT_NE(result.err.find("handout 2/2"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("skipped family " + std::to_string(db.missed_family)),
            std::string::npos)
      << result.err;

  // The family's name only once this computer's setting allows it.
  ASSERT_EQ(runCli(home, {"settings", "set", "files.family_names", "yes", "--db", db.file.string()})
                .status,
            0);
  const fs::path named = home / "named";
  ASSERT_EQ(runCli(home, {"handout", "--db", db.file.string(), "--families",
                          std::to_string(db.rated_family), "--out-dir", named.string()})
                .status,
            0);
  EXPECT_EQ(filesIn(named),
            std::vector<std::string>{"handout-" + std::to_string(db.rated_family) + "-" +
                                     model::Date::today().iso() + "-garcia-nunez.pdf"});

  const auto unknown = runCli(home, {"handout", "--db", db.file.string(), "--families", "1,999",
                                     "--out-dir", (home / "b2").string()});
  EXPECT_EQ(unknown.status, 2) << unknown.err;
  EXPECT_FALSE(fs::exists(home / "b2") && !filesIn(home / "b2").empty());
}

TEST(HandoutCli, AllFamiliesOfADemoDatabase) {
  TempDir home;
  const std::string db = (home / "demo.db").string();
  ASSERT_EQ(runCli(home, {"demo", "--families", "6", "--db", db}).status, 0);
  const fs::path out = home / "all";
  const auto result = runCli(home, {"handout", "--db", db, "--all", "--out-dir", out.string()});
  ASSERT_EQ(result.status, 0) << result.err;
  const auto files = filesIn(out);
  EXPECT_GE(files.size(), 4u) << result.out;
  for (const auto& name : files) {
    EXPECT_EQ(name.rfind("handout-", 0), 0u) << name;
    EXPECT_LE(pdfPages(out / name), 3) << name;
  }
  EXPECT_NE(result.out.find("Wrote " + std::to_string(files.size()) + " handouts"),
            std::string::npos)
      << result.out;
}
