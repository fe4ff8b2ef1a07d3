// Schema version 9: the refusal triggers (a signed visit, the audit trail, the database's id)
// stop the offending statement with RAISE(FAIL) instead of RAISE(ABORT). Same words, same
// refusals — every write of SecureBase runs in a transaction that is rolled back as a whole on
// any error, so what FAIL leaves of the statement is undone with the rest.
//
// Why: a statement that may ABORT half done keeps a statement journal, and SQLCipher 3.4.1
// encrypts every page entering it. A bulk write (an import of thousands of families, many rows
// per statement) spent more time encrypting statement journals than writing the file.
// A FAIL needs no journal (batch_insert.h says what else a statement must avoid).
//
// It also indexes the visits that count (current_visits) by family and date, for the triggers
// that keep each family's summary and trend (versions 2, 3 and 5).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema_sql.h"
#include "securebase/store/database.h"

namespace securebase::store::schema {
namespace {

// The triggers are made again from their own text: their conditions and words stay as the
// earlier versions wrote them.
std::string failingInstead(std::string sql) {
  constexpr std::string_view kAbort = "RAISE(ABORT,", kFail = "RAISE(FAIL,";
  for (auto at = sql.find(kAbort); at != std::string::npos; at = sql.find(kAbort, at))
    sql.replace(at, kAbort.size(), kFail);
  return sql;
}

}  // namespace

void migrateToVersion9(Database& db) {
  // The visits that count (current_visits), by family and date: the triggers that keep each
  // family's summary and trend read them newest first for every visit written, and through
  // visits_by_family they stepped over each draft and replaced visit on the way.
  db.exec(
      "CREATE INDEX visits_current ON visits (family_id, visit_date) "
      "WHERE status = 'signed' AND superseded_by IS NULL");
  std::vector<std::pair<std::string, std::string>> triggers;
  auto s = db.prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(ABORT,%' "
      "ORDER BY name");
  while (s.step()) triggers.emplace_back(s.text(0), s.text(1));
  for (const auto& [name, sql] : triggers) {
    db.exec("DROP TRIGGER \"" + name + "\"");
    db.exec(failingInstead(sql));
  }
}

}  // namespace securebase::store::schema
