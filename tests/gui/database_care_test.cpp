// The database's care from the desktop program: the backup on close, Preferences for backups and
// locking, encrypting an older database, restoring a backup, and how messages name files.
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/infobar.h>
#include <wx/listctrl.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <fstream>

#include "caseload_list.h"
#include "caseload_panel.h"
#include "command_ids.h"
#include "family_panel.h"
#include "gui_support.h"
#include "item_row.h"
#include "lock_panel.h"
#include "main_frame.h"
#include "modal_dialogs.h"
#include "new_visit.h"
#include "open_session.h"
#include "passphrase_dialogs.h"
#include "pdf_output.h"
#include "preferences_dialog.h"
#include "problem_text.h"
#include "quick_handout_dialog.h"
#include "securebase/core/error.h"
#include "securebase/service/visits.h"
#include "securebase/store/backup.h"
#include "securebase/store/encryption.h"
#include "security_fixture.h"
#include "temp_dir.h"
#include "visit_editor.h"

namespace securebase::testing {
namespace {

TEST_F(SecurityTest, ClosingTheWindowWritesAnEncryptedBackup) {
  auto* frame = showFrame();
  const fs::path folder = dir_ / "backups";
  for (const auto& backup : store::listBackups(folder, file_)) fs::remove(backup.file);
  frame->Close();
  pump(200);
  const auto backups = store::listBackups(folder, file_);
  ASSERT_EQ(backups.size(), 1u);
  EXPECT_NE(firstBytes(backups[0].file, 16), std::string("SQLite format 3\0", 16));
  EXPECT_NO_THROW(store::verifyEncryptedFile(backups[0].file, kTestKey));
}

TEST_F(SecurityTest, PreferencesSetTheLockMinutesAndBackups) {
  auto* frame = showFrame();
  EXPECT_EQ(frame->idleLimit(), std::chrono::minutes(10));
  whenModalOpens([&](wxDialog& dialog) {
    auto& preferences = dynamic_cast<app::PreferencesDialog&>(dialog);
    preferences.lockMinutes().SetValue(3);
    preferences.backupsKept().SetValue(12);
    preferences.backupFolder().SetValue((dir_ / "elsewhere").string());
    pump(100);
    screenshot("preferences_backups_and_lock");
    pressOk(dialog);
  });
  frame->editPreferences();
  pump(100);
  EXPECT_EQ(frame->idleLimit(), std::chrono::minutes(3));
  auto& store = frame->session().store();
  EXPECT_EQ(store.setting("security.lock_minutes"), "3");
  const auto policy = store::backupPolicy(store, file_);
  EXPECT_EQ(policy.keep, 12);
  EXPECT_EQ(policy.folder, dir_ / "elsewhere");
  EXPECT_TRUE(frame->backUp(false));
  EXPECT_EQ(store::listBackups(dir_ / "elsewhere", file_).size(), 1u);
}

TEST_F(SecurityTest, EncryptsAnOlderUnencryptedDatabase) {
  const fs::path plain = dir_ / "plain.db";
  {
    store::Database db(plain);
    store::Store store(db, "test");
    addTestFamily(store, "Bui family");
  }
  auto* frame = new app::MainFrame(std::make_unique<app::Session>(plain, ""));
  frame->Show();
  pump(300);
  EXPECT_FALSE(frame->session().encrypted());
  whenModalOpens([&](wxDialog& dialog) {
    auto& encrypt = dynamic_cast<app::NewPassphraseDialog&>(dialog);
    encrypt.passphrase().SetValue("a lantern in the hall");
    encrypt.confirm().SetValue("a lantern in the hall");
    pump(100);
    screenshot("encrypt_database_dialog");
    pressOk(dialog);
  });
  frame->encryptDatabase();
  pump(200);
  ASSERT_TRUE(frame->session().encrypted());
  EXPECT_EQ(frame->caseload().list().GetItemCount(), 1);
  EXPECT_EQ(store::inspectDatabaseFile(plain), store::FileKind::encrypted);
  EXPECT_NE(firstBytes(plain, 16), std::string("SQLite format 3\0", 16));
}

TEST_F(SecurityTest, RestoresABackupAndSetsTheCurrentFileAside) {
  auto* frame = showFrame();
  ASSERT_TRUE(frame->backUp(false));
  const auto backups = store::listBackups(dir_ / "backups", file_);
  ASSERT_FALSE(backups.empty());
  addTestFamily(frame->session().store(), "Later family");
  frame->reloadCaseload();
  ASSERT_EQ(frame->caseload().list().GetItemCount(), 4);

  EXPECT_TRUE(frame->restoreBackupFile(backups.front()));
  pump(100);
  EXPECT_EQ(frame->caseload().list().GetItemCount(), 3);
  EXPECT_TRUE(frame->infoBar().IsShown());
  screenshot("restored_backup");
  // The file that was open is kept beside it, with the family added after the backup.
  std::vector<fs::path> aside;
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && entry.path() != file_ && name.rfind("locked", 0) == 0 &&
        name.find("-wal") == std::string::npos && name.find("-shm") == std::string::npos)
      aside.push_back(entry.path());
  }
  ASSERT_EQ(aside.size(), 1u);
  store::Database old(aside[0], {.key = kTestKey});
  store::Store old_store(old, "test");
  EXPECT_EQ(old_store.listFamilies().size(), 4u);
}

TEST(ProblemText, NamesFilesByTheirNamesInNarrowPlaces) {
  EXPECT_EQ(
      app::withFileName("wrong passphrase for database /a/b/c.db (if the passphrase is right, "
                        "restore it from a backup (newest: /x/y/c-20260101.db)).",
                        "/a/b/c.db"),
      "wrong passphrase for database c.db (if the passphrase is right, restore it from a "
      "backup (newest: c-20260101.db)).");
  EXPECT_EQ(app::withFileName("cannot write backups to /media/usb/backups/: full", "/x.db"),
            "cannot write backups to backups: full");
  EXPECT_EQ(app::withFileName("either/or", "/x.db"), "either/or");
}

}  // namespace
}  // namespace securebase::testing
