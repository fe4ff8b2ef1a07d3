// Counts the statement journals SQLite keeps. A statement that may abort half done keeps one,
// and SQLCipher encrypts every page that enters it (batch_insert.h): tests prove that a bulk
// write keeps none without timing it.
#pragma once

namespace securebase::testing {

// While one lives, every statement journal is a file opened through a counting VFS: journals
// spill to a file from their first page (SQLITE_CONFIG_STMTJRNL_SPILL 0) on connections that
// keep temporary data in files (`PRAGMA temp_store = FILE`, set by the test). Make it before
// any database is opened and close those databases before it ends: SQLite is reconfigured.
class StatementJournals {
 public:
  StatementJournals();
  ~StatementJournals();
  StatementJournals(const StatementJournals&) = delete;
  StatementJournals& operator=(const StatementJournals&) = delete;

  // Statement journals opened since the last reset. SQLite opens one in a transaction at the
  // first statement that journals a page and keeps it to the end of the transaction.
  long long opened() const;
  void reset();
};

}  // namespace securebase::testing
