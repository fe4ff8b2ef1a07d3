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
  const auto note = [&](Table table, const std::string& uuid) {
    if (const auto id = store.familyOfUuid(table, uuid)) ids.insert(*id);
  };
  note(Table::families, f.uuid);
  for (const auto& c : f.caregivers) note(Table::caregivers, c.uuid);
  for (const auto& c : f.children) note(Table::children, c.uuid);
  for (const auto& v : f.visits) note(Table::visits, v.uuid);
  for (const auto& g : f.goals) note(Table::goals, g.uuid);
  for (const auto& r : f.referrals) note(Table::referrals, r.uuid);
  std::vector<FamilyData> families;
  for (const auto id : ids) families.push_back(readFamily(store, id, counselors));
  return families;
}

// A bigger page cache while an import writes: its indexes outgrow SQLite's default 2 MB at once,
// and every page read again from an encrypted file is decrypted again.
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

}  // namespace

ImportPlan importFile(store::Store& store, const ExportReader& file, const ImportOptions& options,
                      const std::function<void(const ImportPlan&)>& planned) {
  ImportPlan plan;
  plan.file = file.header();
  const LargerPageCache cache(store.database());
  store.database().transaction([&] {
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
    file.forEachFamily([&](FamilyData&& family) {
      planner.useTargetFamilies(targetFamiliesHolding(store, family, counselors));
      const FamilyData add = planner.family(family);
      if (writing()) detail::writeFamily(store, add);
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
