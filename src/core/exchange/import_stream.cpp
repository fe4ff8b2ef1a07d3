// Import of a file read family by family (export_reader.h): each family of the file is planned
// and written against only the target's families that hold one of its uuids, so neither the
// file nor the target database is ever held whole.
#include <functional>
#include <set>

#include "import_internal.h"
#include "securebase/exchange/import.h"
#include "securebase/store/database.h"

namespace securebase::exchange {
namespace {

using Table = store::Store::UuidTable;

// The target's families that hold the family's uuid or one of its records' (usually none, or
// the family itself), read as an export would read them.
std::vector<FamilyData> targetFamiliesHolding(store::Store& store, const FamilyData& f,
                                              const std::map<model::Id, std::string>& counselors) {
  std::set<model::Id> ids;
  // Asked table by table, many uuids at once: one question per record cost more than writing it.
  const auto note = [&](Table table, const auto& records) {
    std::vector<std::string> uuids;
    uuids.reserve(records.size());
    for (const auto& record : records) uuids.push_back(record.uuid);
    ids.merge(store.familiesOfUuids(table, uuids));
  };
  ids.merge(store.familiesOfUuids(Table::families, {f.uuid}));
  note(Table::caregivers, f.caregivers);
  note(Table::children, f.children);
  note(Table::visits, f.visits);
  note(Table::goals, f.goals);
  note(Table::referrals, f.referrals);
  std::vector<FamilyData> families;
  for (const auto id : ids) families.push_back(readFamily(store, id, counselors));
  return families;
}

// A bigger page cache while an import writes: its indexes outgrow SQLite's default 2 MB at once,
// and every page read again from an encrypted file is decrypted again. More than 128 MiB does not
// pay: at 10,000 families (a 444 MB encrypted file) 384 MiB took 3 % more CPU time and 300 MB
// more memory.
//
// What encryption adds to an import is SQLCipher 3.4.1's work on each page the transaction
// writes (AES, HMAC, a random IV), once per page: no page enters a statement journal
// (batch_insert.h says how; the store's test ImportBatches.AnImportKeepsNoStatementJournal
// holds it). Before, every page a statement touched was encrypted again into that statement's
// journal: 9 times the pages written at 2,000 families.
class LargerPageCache {
 public:
  explicit LargerPageCache(store::Database& db) : db_(db) {
    auto s = db_.prepare("PRAGMA cache_size");
    if (s.step()) before_ = s.integer(0);
    db_.exec("PRAGMA cache_size = -131072");  // KiB: 128 MiB
  }
  ~LargerPageCache() {
    try {
      db_.exec("PRAGMA cache_size = " + std::to_string(before_));
    } catch (...) {  // the import's own outcome is what the caller must hear about
    }
  }
  LargerPageCache(const LargerPageCache&) = delete;
  LargerPageCache& operator=(const LargerPageCache&) = delete;

 private:
  store::Database& db_;
  std::int64_t before_ = -2000;
};

// Whether the import checks foreign keys once before COMMIT (Database::bulkTransaction) or row
// by row as SQLite does. Row by row, every many-row statement keeps a statement journal, which
// SQLCipher encrypts page by page: about 1.6 ms of CPU time a family imported. Once at the end,
// the check reads the whole target: about 0.2 ms a family already there (2 s at 10,000
// families, most of a small import's time). So at the end when the file brings at least an
// eighth as many families as the target holds.
bool checksKeysAtTheEnd(store::Store& store, const ExportReader& file) {
  auto families = store.database().prepare("SELECT count(*) FROM families");
  families.step();
  return static_cast<std::int64_t>(file.familyCount()) * 8 >= families.integer(0);
}

}  // namespace

ImportPlan importFile(store::Store& store, const ExportReader& file, const ImportOptions& options,
                      const std::function<void(const ImportPlan&)>& planned) {
  ImportPlan plan;
  plan.file = file.header();
  const LargerPageCache cache(store.database());
  store::Database& db = store.database();
  const auto transaction = checksKeysAtTheEnd(store, file) ? &store::Database::bulkTransaction
                                                           : &store::Database::transaction;
  (db.*transaction)([&] {
    const ExchangeData target = readHeader(store);  // the planner points into it
    detail::Planner planner(plan, target);
    // Written as planned, while nothing refuses the import; a refusal at the end undoes it all
    // with the transaction. Families written before hold none of the next one's uuids, so they
    // do not change what is decided for it.
    const auto writing = [&] { return plan.conflicts.empty() || options.skip_conflicts; };
    if (writing()) {
      detail::writeSettings(store, plan, options);
      detail::writeHead(store, plan.to_add);
    }
    const auto counselors = counselorUuids(store);
    std::size_t done = 0;
    file.forEachFamily([&](FamilyData&& family) {
      planner.useTargetFamilies(targetFamiliesHolding(store, family, counselors));
      const FamilyData add = planner.family(family);
      if (writing()) detail::writeFamily(store, add);
      if (options.progress && !options.progress(++done, 0)) throw Cancelled();
    });
    if (planned) planned(plan);
    detail::refuseConflicts(plan, options);
  });
  return plan;
}

ImportPlan importExport(store::Store& store, std::string_view json_text, const std::string& source,
                        const ImportOptions& options) {
  ExportReader file = ExportReader::ofText(json_text, source);
  file.check();
  return importFile(store, file, options);
}

}  // namespace securebase::exchange
