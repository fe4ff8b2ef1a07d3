// Visits imported from another SecureBase database (Store's exchange section), a family's at a
// time: each visit passes the same checks as one imported alone, then the batch is written many
// rows per statement (batch_insert.h) — row by row, an encrypted import of 10,000 families spent
// most of its time journalling the same pages again for every row.
#include <map>
#include <set>
#include <utility>

#include "batch_insert.h"
#include "import_details.h"
#include "securebase/core/error.h"
#include "securebase/store/store.h"
#include "visit_dates.h"

namespace securebase::store {
namespace {

void requireFamilyRow(Database& db, Id family_id) {
  auto s = db.prepare("SELECT 1 FROM families WHERE id = ?");
  s.bind(1, family_id);
  if (!s.step()) throwNotFound(errorText("no family with id {1}", family_id));
}

void requireVisitInFamily(Database& db, Id visit_id, Id family_id) {
  auto s = db.prepare("SELECT family_id FROM visits WHERE id = ?");
  s.bind(1, visit_id);
  if (!s.step() || s.integer(0) != family_id)
    throwNotFound(errorText("no visit {1} in this family", visit_id));
}

// Only whether it is stored: the snapshot's JSON is long, and every visit names its form.
bool formStored(Database& db, const std::string& form_id, int version) {
  auto s = db.prepare("SELECT 1 FROM form_snapshots WHERE form_id = ? AND version = ?");
  s.bind(1, form_id).bind(2, version);
  return s.step();
}

// The family of each caregiver and child the visits observe, asked once each.
class PeopleCheck {
 public:
  explicit PeopleCheck(Database& db) : db_(db) {}

  void require(bool child, Id id, Id family_id) {
    auto [it, added] = known_.try_emplace({child, id});
    if (added) {
      auto s = db_.prepare(child ? "SELECT family_id FROM children WHERE id = ?"
                                 : "SELECT family_id FROM caregivers WHERE id = ?");
      s.bind(1, id);
      if (s.step()) it->second = s.integer(0);
    }
    if (it->second == family_id) return;
    if (child) throwNotFound(errorText("child {1} is not in this family", id));
    throwNotFound(errorText("caregiver {1} is not in this family", id));
  }

 private:
  Database& db_;
  std::map<std::pair<bool, Id>, std::optional<Id>> known_;
};

// Signs the visits just written as drafts, each with its own signed_at and signed_by.
void markImportedSigned(Database& db, const std::vector<const model::Visit*>& visits) {
  constexpr std::size_t kPerStatement = 128;  // 5 parameters a visit
  for (std::size_t first = 0; first < visits.size(); first += kPerStatement) {
    const std::size_t count = std::min(kPerStatement, visits.size() - first);
    std::string at = "CASE id", by = "CASE id", ids = "?";
    for (std::size_t i = 0; i < count; ++i) {
      at += " WHEN ? THEN ?";
      by += " WHEN ? THEN ?";
      if (i > 0) ids += ", ?";
    }
    auto s = db.prepare("UPDATE OR FAIL visits SET status = 'signed', signed_at = " + at +
                        " END, signed_by = " + by + " END WHERE id IN (" + ids + ")");
    const int by_first = static_cast<int>(2 * count) + 1,
              ids_first = static_cast<int>(4 * count) + 1;
    for (std::size_t i = 0; i < count; ++i) {
      const model::Visit& v = *visits[first + i];
      const int p = static_cast<int>(2 * i);
      s.bind(p + 1, v.id).bind(p + 2, v.signed_at);
      s.bind(by_first + p, v.id).bind(by_first + p + 1, v.signed_by);
      s.bind(ids_first + static_cast<int>(i), v.id);
    }
    s.run();
  }
}

}  // namespace

Id Store::importVisit(model::Visit v) {
  std::vector<model::Visit> one;
  one.push_back(std::move(v));
  return importVisits(std::move(one)).front();
}

std::vector<Id> Store::importVisits(std::vector<model::Visit> visits) {
  for (auto& v : visits) {
    requireUuid(v.uuid, "visit");
    checkVisit(v);
    if (v.isSigned()) {
      checkText(v.signed_by, "signer's name", true);
      checkText(v.signed_at, "signing time", true);
    } else if (!v.signed_at.empty() || !v.signed_by.empty()) {
      throwBadInput(errorText("a draft visit cannot carry a signature"));
    }
    v.superseded_by.reset();  // set by the amendment's own import, when it is signed
  }
  std::vector<Id> ids;
  db_.transaction([&] {
    std::set<Id> families;
    std::set<std::pair<std::string, int>> forms;
    std::set<Id> replaced;  // originals a signed amendment of this batch replaces
    PeopleCheck people(db_);
    for (const auto& v : visits) {
      if (families.insert(v.family_id).second) requireFamilyRow(db_, v.family_id);
      requirePlausibleVisitDate(db_, v);
      if (forms.emplace(v.form_id, v.form_version).second &&
          !formStored(db_, v.form_id, v.form_version))
        throwNotFound(errorText("form {1} version {2} is not stored in this database", v.form_id,
                                v.form_version));
      if (v.amends_visit_id) {
        requireVisitInFamily(db_, *v.amends_visit_id, v.family_id);
        const model::Visit original = visit(*v.amends_visit_id);
        if (!original.isSigned())
          throwBadInput(errorText("visit {1} amends a visit that is not signed", v.uuid));
        if (v.isSigned() && (original.superseded_by || !replaced.insert(original.id).second))
          throwBadInput(
              errorText("visit {1} is already replaced by another amendment", original.uuid));
      }
      for (const auto& set : v.sets) {
        people.require(false, set.caregiver_id, v.family_id);
        people.require(true, set.child_id, v.family_id);
      }
    }

    ids = insertVisitRows(visits);
    std::vector<std::pair<Id, model::ObservationSet*>> sets;
    for (std::size_t i = 0; i < visits.size(); ++i) {
      visits[i].id = ids[i];
      for (auto& set : visits[i].sets) sets.emplace_back(ids[i], &set);
    }
    insertRows(
        db_, "INSERT OR FAIL INTO observation_sets (visit_id, caregiver_id, child_id)", 3,
        sets.size(),
        [&](Statement& insert, int p, std::size_t i) {
          insert.bind(p, sets[i].first)
              .bind(p + 1, sets[i].second->caregiver_id)
              .bind(p + 2, sets[i].second->child_id);
        },
        [&](std::size_t first, std::size_t rows) {
          const Id first_id = firstInsertedId(db_, rows);
          for (std::size_t i = 0; i < rows; ++i)
            sets[first + i].second->id = first_id + static_cast<Id>(i);
        });
    std::vector<std::pair<Id, const model::Observation*>> observations;
    for (const auto& [visit_id, set] : sets)
      for (const auto& o : set->observations) observations.emplace_back(set->id, &o);
    insertObservationRows(observations);

    // Scores before signatures: the triggers that keep each family's trend and last visit read
    // the family's signed, scored visits newest first, so every visit signed with its score
    // already there is found at once instead of after all the ones not yet signed or scored.
    writeScores(visits);
    std::vector<const model::Visit*> signed_visits;
    for (const auto& v : visits)
      if (v.isSigned()) signed_visits.push_back(&v);
    markImportedSigned(db_, signed_visits);
    std::vector<std::pair<Id, std::string>> audited;
    audited.reserve(visits.size());
    for (const auto& v : visits) audited.emplace_back(v.id, importDetails(v.uuid));
    auditEach("visit", "import", audited);
    for (const auto* v : signed_visits)
      if (v->amends_visit_id) supersede(*v->amends_visit_id, v->id);
  });
  return ids;
}

}  // namespace securebase::store
