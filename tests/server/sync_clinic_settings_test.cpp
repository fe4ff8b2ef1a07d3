// Clinic settings travel (issue 15): the supervisor's laptop sends the clinic's name, address and
// the rest when they changed there; every laptop takes them at its pull, through the settings'
// checks and with a local audit row, each change listed. A counselor's laptop never sends them,
// and its own edit of one gives way to the server's. Personal and device settings never travel.
#include <gtest/gtest.h>

#include "pg_cluster.h"
#include "sync_fixture.h"

namespace securebase::testing {

class SyncClinicSettingsTest : public SyncTest {
 protected:
  std::string serverSetting(const std::string& key) const {
    return adminValue(
        "SELECT coalesce((SELECT value FROM securebase.clinic_settings WHERE key = '" + key +
        "'), '(none)')");
  }
};

TEST_F(SyncClinicSettingsTest, TheSupervisorsClinicSettingsReachTheCounselorsLaptop) {
  const Laptop ana = laptop("ana"), sol = laptop("sol");
  sol.setUp("Sol Vega");
  sol.ok({"settings", "set", "clinic.name", "Centro Raíces"});
  sol.ok({"settings", "set", "clinic.address", "Calle Mayor 1\n28001 Madrid"});
  sol.ok({"settings", "set", "backup.keep", "30"});  // this computer's own

  const auto sent = sol.sync();
  ASSERT_EQ(sent.exit_code, 0) << describe(sent);
  EXPECT_TRUE(has(sent.out,
                  "clinic setting sent: clinic.address\n"
                  "clinic setting sent: clinic.name\n"))
      << sent.out;
  EXPECT_EQ(serverSetting("clinic.name"), "Centro Raíces");
  EXPECT_EQ(serverSetting("clinic.address"), "Calle Mayor 1\n28001 Madrid");
  EXPECT_EQ(adminValue("SELECT string_agg(key, ' ' ORDER BY key) FROM securebase.clinic_settings"),
            "clinic.address clinic.name");  // no personal or device setting
  EXPECT_TRUE(has(adminValue("SELECT what FROM securebase.push_audit ORDER BY id DESC LIMIT 1"),
                  "; clinic settings clinic.address clinic.name"));
  EXPECT_EQ(adminValue("SELECT changed_by FROM securebase.clinic_settings LIMIT 1"),
            dbname_ + "_sol");
  // Sent once.
  const auto audit_rows = pushAuditRows();
  EXPECT_FALSE(has(sol.sync().out, "clinic setting")) << "sent again";
  EXPECT_EQ(pushAuditRows(), audit_rows);

  ana.setUp("Ana Ruiz");
  const auto pulled = ana.sync();
  ASSERT_EQ(pulled.exit_code, 0) << describe(pulled);
  EXPECT_EQ(pulled.err, "");
  EXPECT_TRUE(has(pulled.out,
                  "\n  setting clinic.address: (unset) -> \"Calle Mayor 1\n28001 Madrid\"\n"
                  "  setting clinic.name: (unset) -> \"Centro Raíces\"\n"))
      << pulled.out;
  EXPECT_FALSE(has(pulled.out, "clinic setting sent")) << pulled.out;
  EXPECT_EQ(ana.ok({"settings", "get", "clinic.name"}), "Centro Raíces");
  EXPECT_EQ(ana.ok({"settings", "get", "clinic.address"}), "Calle Mayor 1\n28001 Madrid");
  EXPECT_EQ(ana.ok({"settings", "get", "counselor.name"}), "Ana Ruiz");
  onStore(ana, "reader", [](store::Store& store) {
    int imported = 0;
    for (const auto& row : store.auditTrail("settings"))
      if (row.action == "import") {
        ++imported;
        EXPECT_TRUE(has(row.details, "clinic.")) << row.details;
      }
    EXPECT_EQ(imported, 2);
  });
  EXPECT_TRUE(has(ana.sync().out, "pulled: nothing new\n"));

  // The supervisor renames the clinic: it reaches the counselor at the next sync.
  sol.ok({"settings", "set", "clinic.name", "Centro Raíces Norte"});
  EXPECT_TRUE(has(sol.sync().out, "clinic setting sent: clinic.name\n"));
  const auto renamed = ana.sync();
  EXPECT_TRUE(has(
      renamed.out,
      "pulled: the clinic settings\n  setting clinic.name: \"Centro Raíces\" -> \"Centro Raíces "
      "Norte\"\n"))
      << renamed.out;
  EXPECT_EQ(ana.ok({"settings", "get", "clinic.name"}), "Centro Raíces Norte");
}

TEST_F(SyncClinicSettingsTest, ACounselorsOwnClinicSettingGivesWayToTheServers) {
  const Laptop ana = laptop("ana"), sol = laptop("sol");
  sol.setUp("Sol Vega");
  sol.ok({"settings", "set", "clinic.phone", "910 000 000"});
  ASSERT_EQ(sol.sync().exit_code, 0);
  ana.setUp("Ana Ruiz");
  ana.ok({"settings", "set", "clinic.phone", "600 111 222"});
  ana.ok({"settings", "set", "clinic.website", "https://ana.example.org"});

  const auto synced = ana.sync();
  ASSERT_EQ(synced.exit_code, 0) << describe(synced);
  EXPECT_FALSE(has(synced.out, "clinic setting sent")) << synced.out;
  EXPECT_TRUE(has(synced.out, "  setting clinic.phone: \"600 111 222\" -> \"910 000 000\"\n"))
      << synced.out;
  EXPECT_TRUE(has(synced.out,
                  "clinic setting clinic.phone was changed on this computer; the agency server's "
                  "value is kept (clinic settings are the supervisors')\n"))
      << synced.out;
  EXPECT_EQ(ana.ok({"settings", "get", "clinic.phone"}), "910 000 000");
  // What the server does not hold stays as it is here, and is never sent.
  EXPECT_EQ(ana.ok({"settings", "get", "clinic.website"}), "https://ana.example.org");
  EXPECT_EQ(serverSetting("clinic.website"), "(none)");

  // Changed again here later: the server's wins again, and the server keeps its own.
  ana.ok({"settings", "set", "clinic.phone", "600 333 444"});
  const auto again = ana.sync();
  EXPECT_TRUE(has(again.out, "clinic setting clinic.phone was changed on this computer"))
      << again.out;
  EXPECT_EQ(ana.ok({"settings", "get", "clinic.phone"}), "910 000 000");
  EXPECT_EQ(serverSetting("clinic.phone"), "910 000 000");
  EXPECT_FALSE(has(ana.sync().out, "clinic setting"));
}

}  // namespace securebase::testing
