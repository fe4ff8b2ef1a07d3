// Visit scores kept at hand for the caseload (schema version 3).
#include "batch_insert.h"
#include "rows.h"
#include "securebase/core/error.h"
#include "securebase/store/store.h"

namespace securebase::store {

void Store::setScorer(Scorer scorer, int version) {
  scorer_ = std::move(scorer);
  scoring_version_ = version;
}

void Store::writeScores(std::span<const model::Visit> visits) {
  if (!scorer_ || visits.empty()) return;
  std::vector<VisitScores> scores;
  scores.reserve(visits.size());
  std::vector<std::pair<std::size_t, std::size_t>> sections;  // (visit, section) indexes
  for (std::size_t v = 0; v < visits.size(); ++v) {
    scores.push_back(scorer_(visits[v]));
    for (std::size_t i = 0; i < scores.back().sections.size(); ++i) sections.emplace_back(v, i);
  }
  // The old scores go first: a section the rules no longer score must not stay, and the new
  // rows are inserted OR FAIL (batch_insert.h), not OR REPLACE. A new visit has none to delete.
  for (const char* table : {"visit_section_scores", "visit_scores"}) {
    for (std::size_t first = 0; first < visits.size(); first += kMaxRowsPerStatement) {
      const std::size_t count = std::min(kMaxRowsPerStatement, visits.size() - first);
      std::string sql = std::string("DELETE FROM ") + table + " WHERE visit_id IN (?";
      for (std::size_t i = 1; i < count; ++i) sql += ", ?";
      auto erase = db_.prepare(sql + ")");
      for (std::size_t i = 0; i < count; ++i)
        erase.bind(static_cast<int>(i) + 1, visits[first + i].id);
      erase.run();
    }
  }
  insertRows(db_, "INSERT OR FAIL INTO visit_scores (visit_id, overall, concern, scoring_version)",
             4, visits.size(), [&](Statement& insert, int p, std::size_t i) {
               insert.bind(p, visits[i].id)
                   .bind(p + 1, scores[i].overall)
                   .bind(p + 2, scores[i].concern ? 1 : 0)
                   .bind(p + 3, scoring_version_);
             });
  insertRows(db_, "INSERT OR FAIL INTO visit_section_scores (visit_id, section_id, percent)", 3,
             sections.size(), [&](Statement& insert, int p, std::size_t i) {
               const auto [v, section] = sections[i];
               const auto& [section_id, percent] = scores[v].sections[section];
               insert.bind(p, visits[v].id).bind(p + 1, section_id).bind(p + 2, percent);
             });
}

int Store::rescoreOutdated() {
  if (!scorer_) return 0;
  const std::string version = std::to_string(scoring_version_);
  auto current = db_.prepare("SELECT value FROM meta WHERE key = 'scoring_version'");
  if (current.step() && current.text(0) == version) return 0;

  std::vector<Id> families;
  auto all = db_.prepare("SELECT id FROM families ORDER BY id");
  while (all.step()) families.push_back(all.integer(0));
  int rescored = 0;
  // One transaction: either every visit carries the new rules' scores, or none does.
  db_.transaction([&] {
    for (Id family : families) {
      const FamilyRecord record = loadFamily(family);
      writeScores(record.visits);
      rescored += static_cast<int>(record.visits.size());
    }
    db_.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('scoring_version', ?)")
        .bind(1, version)
        .run();
  });
  return rescored;
}

}  // namespace securebase::store
