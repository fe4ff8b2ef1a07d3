// File › Export… and Import… do what `securebase-cli export` and `import` do, through the same
// core calls: on the same database the window's JSON, CSV and de-identified (same secret)
// exports are byte for byte the CLI's, with nothing normalised — an export carries no
// timestamp. An import from the window leaves the database with the content the CLI's import
// gives (compared as the CLI's export of each afterwards, so audit times do not enter); its
// records that differ are listed in a dialog and the rest imported only when asked. A stopped
// export keeps no file and a stopped import changes nothing.
#include <gtest/gtest.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/progdlg.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <fstream>
#include <iterator>

#include "exchange_actions.h"
#include "gui_support.h"
#include "securebase/exchange/export.h"
#include "securebase/exchange/export_reader.h"
#include "securebase/pdf/render.h"
#include "session.h"
#include "temp_dir.h"

namespace securebase::testing {
namespace {

namespace fs = std::filesystem;

std::string readAll(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class ExchangeWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    key_ = writeKeyFile(dir_.path());
    ASSERT_EQ(runCli("demo --families 6 --db '" + source_.string() + "'", key_), 0);
  }
  void TearDown() override { closeAllWindows(); }

  std::string cliExport(const fs::path& db, const fs::path& out, const std::string& more = "") {
    EXPECT_EQ(runCli("export --db '" + db.string() + "' -o '" + out.string() + "' " + more, key_),
              0);
    return readAll(out);
  }

  // The source's export after one family was renamed (a conflict for a database holding the
  // first export) and one was added.
  fs::path changedExport() {
    {
      app::Session session(source_, kTestKey);
      auto family = session.store().listFamilies().front().family;
      family.display_name = "Renamed family";
      session.store().updateFamily(family);
      addTestFamily(session.store(), "Newcomer family");
    }
    const fs::path second = dir_ / "second.json";
    cliExport(source_, second);
    return second;
  }

  TempDir dir_;
  fs::path key_;
  fs::path source_ = dir_ / "source.db";
};

TEST_F(ExchangeWindowTest, TheExportDialogOffersJsonCsvAndASecretOnlyWhenDeidentified) {
  app::ExportDialog dialog(nullptr);
  EXPECT_EQ(dialog.format().GetCount(), 2u);
  EXPECT_FALSE(dialog.csv());
  EXPECT_FALSE(dialog.seedField().IsEnabled());
  dialog.deidentified().SetValue(true);
  wxCommandEvent ticked(wxEVT_CHECKBOX, dialog.deidentified().GetId());
  ticked.SetInt(1);
  dialog.deidentified().GetEventHandler()->ProcessEvent(ticked);
  EXPECT_TRUE(dialog.seedField().IsEnabled());
  dialog.seedField().SetValue(" river stone ");
  EXPECT_EQ(dialog.seed(), "river stone");
  dialog.format().SetSelection(1);
  EXPECT_TRUE(dialog.csv());
  dialog.SetPosition(wxPoint(40, 40));
  dialog.Show();
  pump(300);
  screenshot("export-dialog");
}

TEST_F(ExchangeWindowTest, JsonCsvAndDeidentifiedExportsAreTheCliBytes) {
  const std::string cli_json = cliExport(source_, dir_ / "cli.json");
  const std::string cli_safe =
      cliExport(source_, dir_ / "cli-safe.json", "--deidentify --seed 'river stone'");
  ASSERT_EQ(runCli("export --db '" + source_.string() + "' --format csv --out-dir '" +
                       (dir_ / "cli-csv").string() + "'",
                   key_),
            0);
  ASSERT_GT(cli_json.size(), 1000u);

  app::Session session(source_, kTestKey);
  ASSERT_TRUE(app::exportTo(nullptr, session, dir_ / "window.json", false, {}));
  exchange::ExportOptions safe;
  safe.deidentify = true;
  safe.seed = "river stone";
  ASSERT_TRUE(app::exportTo(nullptr, session, dir_ / "window-safe.json", false, safe));
  ASSERT_TRUE(app::exportTo(nullptr, session, dir_ / "window-csv", true, {}));

  EXPECT_EQ(readAll(dir_ / "window.json"), cli_json);
  EXPECT_EQ(readAll(dir_ / "window-safe.json"), cli_safe);
  EXPECT_NE(cli_safe, cli_json);  // it was de-identified
  for (const auto& name : exchange::csvFileNames()) {
    const std::string cli_file = readAll(dir_ / "cli-csv" / name);
    EXPECT_FALSE(cli_file.empty()) << name;
    EXPECT_EQ(readAll(dir_ / "window-csv" / name), cli_file) << name;
  }
}

TEST_F(ExchangeWindowTest, AnImportGivesTheCliResultAndListsTheRecordsThatDiffer) {
  // Two databases that already hold the source's first export, then a second export in which
  // a family was changed: that family is a conflict, the new one is added.
  const fs::path first = dir_ / "first.json";
  cliExport(source_, first);
  const fs::path by_window = dir_ / "window.db", by_cli = dir_ / "cli.db";
  for (const auto& db : {by_window, by_cli}) {
    ASSERT_EQ(runCli("init --db '" + db.string() + "'", key_), 0);
    ASSERT_EQ(runCli("import --db '" + db.string() + "' '" + first.string() + "'", key_), 0);
  }
  const fs::path second = changedExport();

  ASSERT_EQ(
      runCli("import --skip-conflicts --db '" + by_cli.string() + "' '" + second.string() + "'",
             key_),
      0);
  long listed_conflicts = 0;
  wxString first_row;
  std::optional<std::vector<ErrorText>> summary;
  {
    app::Session session(by_window, kTestKey);
    whenModalOpens([&](wxDialog& dialog) {
      auto& conflicts = dynamic_cast<app::ImportConflictsDialog&>(dialog);
      listed_conflicts = conflicts.list().GetItemCount();
      first_row = conflicts.list().GetItemText(0, 0);
      screenshot("import-conflicts");
      dialog.EndModal(wxID_OK);  // Import the Rest
    });
    summary = app::importFrom(nullptr, session, second);
  }
  ASSERT_TRUE(summary.has_value());
  EXPECT_EQ(listed_conflicts, 1);
  EXPECT_EQ(first_row.utf8_string(), "family");
  EXPECT_EQ(cliExport(by_window, dir_ / "after-window.json"),
            cliExport(by_cli, dir_ / "after-cli.json"));
  EXPECT_NE(readAll(dir_ / "after-window.json").find("Newcomer family"), std::string::npos);
}

TEST_F(ExchangeWindowTest, CancellingTheConflictListImportsNothing) {
  const fs::path first = dir_ / "first.json";
  cliExport(source_, first);
  const fs::path target = dir_ / "target.db";
  ASSERT_EQ(runCli("init --db '" + target.string() + "'", key_), 0);
  ASSERT_EQ(runCli("import --db '" + target.string() + "' '" + first.string() + "'", key_), 0);
  const std::string before = cliExport(target, dir_ / "before.json");
  const fs::path second = changedExport();
  {
    app::Session session(target, kTestKey);
    whenModalOpens([](wxDialog& dialog) { dialog.EndModal(wxID_CANCEL); });
    EXPECT_FALSE(app::importFrom(nullptr, session, second).has_value());
  }
  EXPECT_EQ(cliExport(target, dir_ / "after.json"), before);
}

TEST_F(ExchangeWindowTest, AStoppedExportKeepsNoFileAndAStoppedImportChangesNothing) {
  app::Session session(source_, kTestKey);
  exchange::ExportOptions stop_at_two;
  stop_at_two.progress = [](std::size_t done, std::size_t) { return done < 2; };
  const fs::path target = dir_ / "stopped.json";
  EXPECT_THROW(pdf::writeFileAtomically(target,
                                        [&](const pdf::ByteSink& sink) {
                                          exchange::exportJson(session.store(), stop_at_two, sink);
                                        }),
               exchange::Cancelled);
  EXPECT_FALSE(fs::exists(target));
  EXPECT_THROW(exchange::exportCsvFolder(session.store(), stop_at_two, dir_ / "stopped-csv"),
               exchange::Cancelled);
  for (const auto& name : exchange::csvFileNames())
    EXPECT_FALSE(fs::exists(dir_ / "stopped-csv" / name)) << name;

  const fs::path file = dir_ / "all.json";
  cliExport(source_, file);
  const fs::path empty = dir_ / "empty.db";
  ASSERT_EQ(runCli("init --db '" + empty.string() + "'", key_), 0);
  const std::string before = cliExport(empty, dir_ / "empty-before.json");
  {
    app::Session into(empty, kTestKey);
    exchange::ExportReader reader = exchange::ExportReader::ofFile(file, file.string());
    reader.check();
    exchange::ImportOptions options;
    options.progress = [](std::size_t done, std::size_t) { return done < 3; };
    EXPECT_THROW(exchange::importFile(into.store(), reader, options), exchange::Cancelled);
  }
  EXPECT_EQ(cliExport(empty, dir_ / "empty-after.json"), before);
}

// Clicks the Cancel button of the progress window as soon as it shows (looked for every 10 ms,
// which the window's own updates let through), then waits until the window has seen the click.
class CancelWhenProgressShows : public wxTimer {
 public:
  CancelWhenProgressShows() { Start(10); }
  bool cancelled() const { return cancelled_; }

  void Notify() override {
    for (wxWindow* window : wxTopLevelWindows) {
      auto* progress = dynamic_cast<wxGenericProgressDialog*>(window);
      if (progress == nullptr || !progress->IsShown()) continue;
      Stop();
      pump(200);  // mapped and laid out
      wxWindow* cancel = progress->FindWindow(wxID_CANCEL);
      if (cancel == nullptr) return;
      const wxRect button = cancel->GetScreenRect();
      wxUIActionSimulator mouse;
      mouse.MouseMove(button.GetPosition() + wxPoint(button.width / 2, button.height / 2));
      pump(50);
      mouse.MouseClick();
      for (int i = 0; i < 150 && !progress->WasCancelled(); ++i) pump(20);
      cancelled_ = progress->WasCancelled();
      return;
    }
  }

 private:
  bool cancelled_ = false;
};

std::size_t filesIn(const fs::path& folder) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++count;
  return count;
}

// The progress window's own Cancel stops a long export (no file kept, no temporary one left)
// and a long import (no row written), on 200 families.
TEST(ExchangeWindowCancel, TheProgressWindowsCancelStopsLongExportAndImport) {
  TempDir dir;
  const fs::path key = writeKeyFile(dir.path());
  const fs::path source = dir / "source.db";
  ASSERT_EQ(runCli("demo --families 200 --db '" + source.string() + "'", key), 0);
  const fs::path out = dir / "out";
  fs::create_directories(out);
  {
    app::Session session(source, kTestKey);
    CancelWhenProgressShows json;
    EXPECT_FALSE(app::exportTo(nullptr, session, out / "all.json", false, {}));
    EXPECT_TRUE(json.cancelled());
    EXPECT_EQ(filesIn(out), 0u);
    CancelWhenProgressShows csv;
    EXPECT_FALSE(app::exportTo(nullptr, session, out / "csv", true, {}));
    EXPECT_TRUE(csv.cancelled());
    for (const auto& name : exchange::csvFileNames())
      EXPECT_FALSE(fs::exists(out / "csv" / name)) << name;
  }

  const fs::path file = dir / "all.json";
  ASSERT_EQ(runCli("export --db '" + source.string() + "' -o '" + file.string() + "'", key), 0);
  const fs::path empty = dir / "empty.db";
  ASSERT_EQ(runCli("init --db '" + empty.string() + "'", key), 0);
  const std::string before = cliOutput("export --db '" + empty.string() + "'", key);
  {
    app::Session session(empty, kTestKey);
    CancelWhenProgressShows import;
    EXPECT_FALSE(app::importFrom(nullptr, session, file).has_value());
    EXPECT_TRUE(import.cancelled());
    EXPECT_TRUE(session.store().listFamilies().empty());
  }
  EXPECT_EQ(cliOutput("export --db '" + empty.string() + "'", key), before);
}

}  // namespace
}  // namespace securebase::testing
