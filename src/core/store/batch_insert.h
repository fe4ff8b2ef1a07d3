// Many rows per INSERT, and no statement journal for them.
//
// SQLite keeps a statement journal for a statement that writes several rows (or fires
// triggers) and may ABORT half done, so as to undo just that statement; SQLCipher 3.4.1
// encrypts every page entering it, which made an encrypted import of 10,000 families half again
// as slow as an unencrypted one. A statement may abort when any of these can: a NOT NULL,
// CHECK or UNIQUE constraint under the default conflict clause (or OR REPLACE, which still
// aborts on CHECK), a trigger's RAISE(ABORT), an immediate foreign key. So the store writes
// visits, their observations, scores and audit rows with INSERT OR FAIL / UPDATE OR FAIL, never
// OR REPLACE; the schema's refusal triggers RAISE(FAIL) (schema_v9.cpp); and a bulk write
// checks foreign keys once before COMMIT (Database::bulkTransaction). What FAIL leaves of a
// statement is undone with its transaction, which every write of the store runs in and rolls
// back on any error. PRAGMA defer_foreign_keys does not help: SQLite 3.15 still marks a
// statement that checks an immediate key as one that may abort.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "securebase/store/database.h"

namespace securebase::store {

// SQLite 3.15 takes at most 999 parameters per statement.
inline constexpr std::size_t kMaxRowsPerStatement = 128;
inline constexpr std::size_t rowsPerStatement(int columns) {
  return std::min<std::size_t>(kMaxRowsPerStatement, 999 / static_cast<std::size_t>(columns));
}

// Runs `<head> VALUES (?, …), (?, …)…` for rows [0, count): bind(statement, first_parameter,
// row) binds one row's `columns` values from first_parameter on. `after(first_row, rows)`
// runs after each statement (e.g. to read the ids it assigned).
template <typename Bind, typename After>
void insertRows(Database& db, std::string_view head, int columns, std::size_t count, Bind bind,
                After after) {
  const std::size_t per_statement = rowsPerStatement(columns);
  std::string one_row = "(?";
  for (int c = 1; c < columns; ++c) one_row += ", ?";
  one_row += ")";
  for (std::size_t first = 0; first < count; first += per_statement) {
    const std::size_t rows = std::min(per_statement, count - first);
    std::string sql(head);
    sql += " VALUES ";
    sql += one_row;
    for (std::size_t i = 1; i < rows; ++i) sql.append(", ").append(one_row);
    auto insert = db.prepare(sql);
    for (std::size_t i = 0; i < rows; ++i)
      bind(insert, static_cast<int>(i) * columns + 1, first + i);
    insert.run();
    after(first, rows);
  }
}

template <typename Bind>
void insertRows(Database& db, std::string_view head, int columns, std::size_t count, Bind bind) {
  insertRows(db, head, columns, count, bind, [](std::size_t, std::size_t) {});
}

// The rowids a multi-row INSERT just gave its `rows` rows, first to last: SQLite numbers the
// rows of one statement one after the other from the table's largest rowid.
std::int64_t firstInsertedId(Database& db, std::size_t rows);

}  // namespace securebase::store
