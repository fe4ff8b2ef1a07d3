// The device setting sync.server names the agency's server for `sync` when --server is not
// given; it is validated like every setting, never holds a password, and no import takes it.
#include <gtest/gtest.h>

#include "pg_cluster.h"
#include "sync_fixture.h"

namespace securebase::testing {

TEST_F(SyncTest, SyncWithoutServerOptionUsesThisComputersServerSetting) {
  const Laptop ana = laptop("ana");
  ana.setUp("Ana Ruiz");
  ana.addFamily("García, Ana", "Ana Ruiz", "Sofía");
  const std::string conninfo = pgCluster().tcpConninfo(dbname_, dbname_ + "_ana");
  ana.ok({"settings", "set", "sync.server", conninfo});
  EXPECT_EQ(ana.ok({"settings", "get", "sync.server"}), conninfo);

  const auto synced =
      ana.run({"sync", "--server-passphrase-file", (dir_ / "password.txt").string()});
  ASSERT_EQ(synced.exit_code, 0) << describe(synced);
  EXPECT_TRUE(has(synced.out, "1 family")) << synced.out;
  EXPECT_EQ(adminValue("SELECT count(*) FROM securebase.families"), "1");
}

TEST_F(SyncTest, ServerSettingWithAPasswordIsRefusedAndNothingIsStored) {
  const Laptop ana = laptop("ana");
  ana.setUp("Ana Ruiz");
  for (const std::string with_password :
       {"host=db.agency.org dbname=securebase user=ana password=secret",
        "postgresql://ana:secret@db.agency.org/securebase"}) {
    const auto refused = ana.run({"settings", "set", "sync.server", with_password});
    EXPECT_EQ(refused.exit_code, 1) << describe(refused);
    EXPECT_TRUE(has(refused.err, "sync.server must not hold a password")) << refused.err;
  }
  EXPECT_TRUE(has(ana.run({"settings", "get", "sync.server"}).err, "is not set"));
  // A URI with a user and a port (colon after the @) is not a password.
  ana.ok({"settings", "set", "sync.server", "postgresql://ana@db.agency.org:5433/securebase"});
}

TEST_F(SyncTest, ServerSettingIsNeverCarriedByExportAndImport) {
  const Laptop ana = laptop("ana"), other = laptop("bea");
  ana.setUp("Ana Ruiz");
  other.setUp("Bea Soto");
  ana.ok({"settings", "set", "sync.server", "service=agency"});
  const auto file = (dir_ / "all.json").string();
  ana.ok({"export", "-o", file});
  other.ok({"import", file, "--with-clinic-settings"});
  const auto after = other.run({"settings", "get", "sync.server"});
  EXPECT_EQ(after.exit_code, 2) << describe(after);
  EXPECT_TRUE(has(after.err, "sync.server is not set")) << describe(after);
}

}  // namespace securebase::testing
