// A server database with the schema, two counselors (logins <db>_ana and <db>_bea) and a
// supervisor (<db>_sol), all with the same password, and laptops that sync as them over TLS.
#pragma once

#include <gtest/gtest.h>

#include <boost/json/value.hpp>
#include <functional>
#include <map>
#include <string>

#include "laptop.h"
#include "securebase/store/store.h"
#include "temp_dir.h"

namespace securebase::testing {

class SyncTest : public ::testing::Test {
 protected:
  void SetUp() override;

  // A laptop syncing as `login` (ana, bea or sol).
  Laptop laptop(const std::string& login) const;
  // The server counselor record of a login (ana, bea or sol).
  std::string staffUuid(const std::string& login) const;
  // One value the server's owner reads.
  std::string adminValue(const std::string& sql) const;
  void adminRun(const std::string& sql) const;
  // As a supervisor would: gives the server's family named `display_name` to `login` (ana,
  // bea); returns the family's uuid.
  std::string reassign(const std::string& display_name, const std::string& login) const;
  long long pushAuditRows() const {
    return std::stoll(adminValue("SELECT count(*) FROM securebase.push_audit"));
  }

  TempDir dir_;
  std::string dbname_, admin_;
};

// The families of an export, without the drafts that never leave a laptop, by uuid.
std::map<std::string, boost::json::value> signedFamilies(const std::string& export_text);

// Runs `work` on the laptop's database as the window would, with `counselor` at work.
void onStore(const Laptop& laptop, const std::string& counselor,
             const std::function<void(store::Store&)>& work);

// True when `text` holds `part`.
inline bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace securebase::testing
