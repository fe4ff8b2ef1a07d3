#include "securebase/store/migrations.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "schema_sql.h"
#include "securebase/core/error.h"
#include "securebase/store/database.h"

namespace securebase::store {
namespace {

struct Migration {
  int version;
  std::function<void(Database&)> apply;
};

std::function<void(Database&)> sql(std::string text) {
  return [text = std::move(text)](Database& db) { db.exec(text); };
}

// Append only: never edit a migration that has shipped; add the next one.
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list = {
      {1, sql(schema::kVersion1)},      {2, sql(schema::kVersion2)},
      {3, sql(schema::version3())},     {4, schema::migrateToVersion4},
      {5, sql(schema::version5())},     {6, schema::migrateToVersion6},
      {7, schema::migrateToVersion7},   {8, schema::migrateToVersion8},
      {9, schema::migrateToVersion9},   {10, schema::migrateToVersion10},
      {11, schema::migrateToVersion11}, {12, schema::migrateToVersion12},
      {13, schema::migrateToVersion13},
  };
  return list;
}

}  // namespace

int latestSchemaVersion() {
  return migrations().back().version;
}

void migrate(Database& db, std::optional<int> target) {
  const int want = target.value_or(latestSchemaVersion());
  const int have = db.schemaVersion();
  if (have > latestSchemaVersion())
    throwDatabase(
        errorText("database {1} was made by a newer SecureBase (schema {2}); this "
                  "version reads up to schema {3}",
                  db.file().string(), have, latestSchemaVersion()));

  for (const auto& step : migrations()) {
    if (step.version <= have || step.version > want) continue;
    db.transaction([&] {
      step.apply(db);
      db.exec("PRAGMA user_version = " + std::to_string(step.version));
    });
  }
}

}  // namespace securebase::store
