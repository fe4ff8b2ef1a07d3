// Visit scores kept at hand for the caseload (schema version 3).
#include "rows.h"
#include "securebase/core/error.h"
#include "securebase/store/store.h"

namespace securebase::store {

void Store::setScorer(Scorer scorer, int version) {
  scorer_ = std::move(scorer);
  scoring_version_ = version;
}

void Store::writeScores(const model::Visit& visit) {
  if (!scorer_) return;
  const VisitScores scores = scorer_(visit);
  db_.prepare("DELETE FROM visit_section_scores WHERE visit_id = ?").bind(1, visit.id).run();
  db_.prepare(
         "INSERT OR REPLACE INTO visit_scores (visit_id, overall, concern, scoring_version) "
         "VALUES (?, ?, ?, ?)")
      .bind(1, visit.id)
      .bind(2, scores.overall)
      .bind(3, scores.concern ? 1 : 0)
      .bind(4, scoring_version_)
      .run();
  for (const auto& [section, percent] : scores.sections)
    db_.prepare("INSERT INTO visit_section_scores (visit_id, section_id, percent) VALUES (?, ?, ?)")
        .bind(1, visit.id)
        .bind(2, section)
        .bind(3, percent)
        .run();
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
      for (const auto& visit : loadFamily(family).visits) {
        writeScores(visit);
        ++rescored;
      }
    }
    db_.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('scoring_version', ?)")
        .bind(1, version)
        .run();
  });
  return rescored;
}

}  // namespace securebase::store
