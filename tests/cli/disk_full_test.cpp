// A disk that fills while a visit is saved: the file-size limit (RLIMIT_FSIZE, set with
// prlimit) makes every write past it fail as on a full disk. The visit is refused with a clear
// message, the database stays intact, and everything saved before is still there.
#include <gtest/gtest.h>

#include "cli_fixture.h"
#include "securebase/store/database.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

// Enough text that saving the visit needs far more than the limit leaves.
std::string longObservations() {
  const std::string note(1500, 'n');
  std::string list;
  for (const char* item : {"responds-to-cry", "holds-to-comfort", "soft-voice"})
    list += std::string(list.empty() ? "" : ",") + R"({"item_id": ")" + item +
            R"(", "rating": 2, "note": ")" + note + R"("})";
  return list;
}

std::string integrity(const std::filesystem::path& file) {
  store::Database db(file, testKeyOptions(file));
  auto check = db.prepare("PRAGMA integrity_check");
  check.step();
  return check.text(0);
}

}  // namespace

class DiskFull : public CliTest {};

TEST_F(DiskFull, AVisitSavedOnAFullDiskIsRefusedAndNothingSavedBeforeIsLost) {
  init();
  const auto ids = addFamily();
  ok({"visit", "add", "--from", writeVisitFile(ids, longObservations(), "2025-02-01").string()});
  ok({"check"});  // fold the journal into the file so the limit applies to new writes only
  const std::string before = dump();

  const auto visit = writeVisitFile(ids, longObservations(), "2025-03-01", "second.json");
  runner().setPrefix({"/usr/bin/prlimit", "--fsize=40000", "--"});
  const auto full = cli({"visit", "add", "--from", visit.string()});
  EXPECT_TRUE(refused(
      full, 3, "the disk is full: could not save to " + db().string() + "; nothing was changed"));

  runner().setPrefix({});
  EXPECT_EQ(integrity(db()), "ok");
  EXPECT_EQ(dump(), before);
  // With space again the same visit saves, next to the first.
  EXPECT_EQ(ok({"visit", "add", "--from", visit.string()}), "2");
  EXPECT_NE(ok({"family", "show", ids.family}).find("2025-02-01"), std::string::npos);
}

TEST_F(DiskFull, ABackupOnAFullDiskLeavesNoPartialBackup) {
  init();
  addFamily();
  ok({"check"});
  runner().setPrefix({"/usr/bin/prlimit", "--fsize=40000", "--"});
  const auto result = cli({"backup"});
  runner().setPrefix({});
  EXPECT_TRUE(refused(result, 4, "the disk is full: cannot write the copy "));
  const auto folder = dir() / "backups";
  EXPECT_TRUE(!std::filesystem::exists(folder) || std::filesystem::is_empty(folder));
  EXPECT_EQ(integrity(db()), "ok");
}
