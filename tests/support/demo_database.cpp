#include "demo_database.h"

#include <iostream>

#include "build_paths.h"
#include "securebase/demo/demo.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/service/scoring.h"
#include "securebase/store/database.h"
#include "securebase/store/encryption.h"
#include "securebase/store/store.h"
#include "test_key.h"

namespace securebase::testing {

std::filesystem::path demoDatabase(int families) {
  const auto folder = std::filesystem::path(SECUREBASE_TEST_BINARY_DIR) / "bench-data";
  const auto file = folder / ("demo-" + std::to_string(families) + ".db");
  if (std::filesystem::exists(file)) return file;
  std::filesystem::create_directories(folder);
  const auto partial = folder / ("demo-" + std::to_string(families) + ".partial.db");
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(partial.string() + suffix);
  std::cerr << "generating " << file << " (" << families << " families)…\n";
  {
    store::Database db(partial);
    store::Store store(db, "benchmark");
    auto catalog = std::make_shared<forms::FormCatalog>(
        forms::FormCatalog::load(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms"));
    service::enableScoring(store, catalog);
    demo::DemoOptions options;
    options.families = families;
    options.today = {2026, 11, 1};
    demo::generateDemo(store, *catalog->latest("attachment-practices"), options);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  std::filesystem::rename(partial, file);
  return file;
}

std::filesystem::path encryptedDemoDatabase(int families) {
  const auto plain = demoDatabase(families);
  const auto file = plain.parent_path() / ("demo-" + std::to_string(families) + "-encrypted.db");
  if (std::filesystem::exists(file)) return file;
  const auto partial = plain.parent_path() / ("demo-" + std::to_string(families) + ".partial.db");
  std::filesystem::remove(partial);
  std::cerr << "encrypting a copy of " << plain << "…\n";
  {
    store::Database source(plain, {.create_if_missing = false});
    store::exportEncryptedCopy(source, partial, kTestKey);
  }
  std::filesystem::rename(partial, file);
  return file;
}

}  // namespace securebase::testing
