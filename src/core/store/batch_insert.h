// Many rows per INSERT. Every INSERT or UPDATE on a table whose triggers may RAISE(ABORT) keeps
// a statement journal, whatever its conflict clause, and SQLCipher encrypts each page entering
// that journal: written row by row, a large import spends most of its time there. One
// statement for many rows journals each page once.
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
