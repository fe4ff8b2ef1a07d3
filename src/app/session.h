// One open database with what the windows need beside it: the store (every action goes through
// it), the forms catalog and the name written on audit rows. Opening another file makes a new
// Session; windows never keep a Store of their own. The key of an encrypted file lives only
// inside the Database: closing the Session (locking, quitting) takes it out of memory.
#pragma once

#include <filesystem>
#include <memory>

#include "securebase/forms/form_catalog.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"

namespace securebase::app {

class Session {
 public:
  // Opens `file` with `key` (a passphrase or x'<64 hex>'; empty: an unencrypted file),
  // creating it (and, like the CLI's init, its folder) when missing — encrypted when a key is
  // given. Throws securebase::Error with the core's message (e.g. a wrong passphrase).
  Session(const std::filesystem::path& file, const std::string& key);

  store::Store& store() { return *store_; }
  store::Database& database() { return *db_; }
  const forms::FormCatalog& catalog() const { return *catalog_; }
  const std::filesystem::path& file() const { return db_->file(); }
  bool encrypted() const { return db_->encrypted(); }
  bool createdNow() const { return created_now_; }

  // Who is working from now on: a counselor record's name (Error(not_found) otherwise), or ""
  // for the personal setting counselor.name.
  void workAs(const std::string& counselor);
  const std::string& counselorName() const { return store_->counselorName(); }

  // The form a new visit uses (the newest attachment-practices); nullptr when none loaded.
  const forms::Form* formForNewVisits() const;

 private:
  bool created_now_ = false;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Store> store_;
  // Shared with the store's scorer, which keeps the caseload's scores current on every change.
  std::shared_ptr<const forms::FormCatalog> catalog_;
};

}  // namespace securebase::app
