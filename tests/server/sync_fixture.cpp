#include "sync_fixture.h"

#include <boost/json.hpp>
#include <set>

#include "pg_cluster.h"
#include "securebase/server/connection.h"
#include "securebase/store/database.h"
#include "test_key.h"

namespace securebase::testing {

namespace {
constexpr const char* kPassword = "a counselor's long password";
}

void SyncTest::SetUp() {
  dbname_ = pgCluster().createDatabase();
  admin_ = pgCluster().socketConninfo(dbname_);
  writeFile(dir_ / "password.txt", std::string(kPassword) + "\n");
  CliRunner runner(dir_ / "admin");
  auto run = [&](const std::vector<std::string>& args) {
    const auto result = runner.run(args);
    ASSERT_EQ(result.exit_code, 0) << describe(result);
  };
  run({"server", "init", "--server", admin_});
  for (const auto& [role, login] :
       {std::pair{"add-counselor", "ana"}, std::pair{"add-counselor", "bea"},
        std::pair{"add-supervisor", "sol"}})
    run({"server", role, login, "--login", dbname_ + "_" + login, "--server", admin_,
         "--new-passphrase-file", (dir_ / "password.txt").string()});
}

// The families of an export, without the drafts that never leave a laptop, by uuid.
std::map<std::string, boost::json::value> signedFamilies(const std::string& export_text) {
  namespace json = boost::json;
  std::map<std::string, json::value> out;
  auto document = json::parse(export_text);
  for (auto& family_value : document.as_object()["families"].as_array()) {
    auto& family = family_value.as_object();
    auto uuid = [](const json::value& v) {
      return v.is_string() ? std::string(v.as_string()) : "";
    };
    std::set<std::string> drafts;
    json::array visits, goals, referrals;
    for (auto& visit : family["visits"].as_array()) {
      if (visit.as_object()["status"] == "draft")
        drafts.insert(uuid(visit.as_object()["uuid"]));
      else
        visits.push_back(visit);
    }
    // Goals and referrals tied to a draft wait on the laptop for its signature.
    for (auto& goal : family["goals"].as_array())
      if (!drafts.count(uuid(goal.as_object()["set_at_visit_uuid"])) &&
          !drafts.count(uuid(goal.as_object()["closed_at_visit_uuid"])))
        goals.push_back(goal);
    for (auto& referral : family["referrals"].as_array())
      if (!drafts.count(uuid(referral.as_object()["visit_uuid"]))) referrals.push_back(referral);
    family["visits"] = visits;
    family["goals"] = goals;
    family["referrals"] = referrals;
    out[std::string(family["uuid"].as_string())] = family_value;
  }
  return out;
}

void onStore(const Laptop& laptop, const std::string& counselor,
             const std::function<void(store::Store&)>& work) {
  store::Database db(laptop.db(), {.key = kTestKey, .create_if_missing = false});
  store::Store store(db, counselor);
  work(store);
}

Laptop SyncTest::laptop(const std::string& login) const {
  return Laptop(dir_ / login, pgCluster().tcpConninfo(dbname_, dbname_ + "_" + login),
                dir_ / "password.txt");
}

std::string SyncTest::staffUuid(const std::string& login) const {
  server::Connection admin(admin_);
  return admin
      .exec("SELECT uuid FROM securebase.counselors WHERE login = $1", {dbname_ + "_" + login})
      .text(0, 0);
}

std::string SyncTest::adminValue(const std::string& sql) const {
  server::Connection admin(admin_);
  return admin.exec(sql).text(0, 0);
}

void SyncTest::adminRun(const std::string& sql) const {
  server::Connection admin(admin_);
  admin.execScript(sql);
}

std::string SyncTest::reassign(const std::string& display_name, const std::string& login) const {
  server::Connection admin(admin_);
  const std::string family =
      admin.exec("SELECT uuid FROM securebase.families WHERE display_name = $1", {display_name})
          .text(0, 0);
  admin.exec("UPDATE securebase.assignments SET counselor_uuid = $1 WHERE family_uuid = $2",
             {staffUuid(login), family});
  return family;
}

}  // namespace securebase::testing
