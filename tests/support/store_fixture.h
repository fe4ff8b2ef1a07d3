// Builds small, real database files for store and CLI tests.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "securebase/store/database.h"
#include "securebase/store/store.h"
#include "temp_dir.h"

namespace securebase::testing {

// A stand-in form snapshot: the store keeps snapshots but does not read them.
store::FormSnapshot testFormSnapshot(int version = 1, const std::string& json = "{\"id\":\"t\"}");

// A family with one caregiver and one child, returned by id.
struct SmallFamily {
  model::Id family = 0, caregiver = 0, child = 0;
};
SmallFamily addSmallFamily(store::Store& store, const std::string& name = "Rivera family");

// A completed draft visit for `family` on `date` with one set of `ratings` (item "i1", "i2"…).
model::Visit makeVisit(const SmallFamily& family, const std::string& date,
                       std::initializer_list<int> ratings);

// The message of the securebase::Error that `action` throws, or "(no error)".
std::string errorMessageOf(const std::function<void()>& action);

// Number of rows in `table` (tests compare whole tables before and after a refused action).
long long countRows(store::Database& db, const std::string& table);
// Every row of every user table, as text: a fingerprint of the whole database content.
std::string dumpContent(store::Database& db);
// The same for an existing file, opened with `key` (empty for an unencrypted file).
std::string dumpContent(const std::filesystem::path& file, const std::string& key);

}  // namespace securebase::testing
