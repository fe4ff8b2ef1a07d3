// Visits: recording, draft autosave, signing and amendment, and the form snapshots they use.
#include <algorithm>
#include <boost/json/serialize.hpp>
#include <set>

#include "batch_insert.h"
#include "rows.h"
#include "securebase/core/error.h"
#include "securebase/core/uuid.h"
#include "securebase/model/json.h"
#include "securebase/store/store.h"
#include "visit_dates.h"

namespace securebase::store {
namespace json = boost::json;

namespace {

void ensureSnapshot(Database& db, const FormSnapshot& form) {
  auto s = db.prepare("SELECT sha256 FROM form_snapshots WHERE form_id = ? AND version = ?");
  s.bind(1, form.form_id).bind(2, form.version);
  if (s.step()) {
    if (s.text(0) != form.sha256)
      throwBadInput(errorText(
          "form {1} version {2} has changed since visits used it; give the changed form a new "
          "version",
          form.form_id, form.version));
    return;
  }
  db.prepare(
        "INSERT INTO form_snapshots (form_id, version, sha256, json, stored_at) "
        "VALUES (?, ?, ?, ?, ?)")
      .bind(1, form.form_id)
      .bind(2, form.version)
      .bind(3, form.sha256)
      .bind(4, form.json)
      .bind(5, nowTimestamp())
      .run();
}

// The foreign key would refuse an unknown counselor too, but with SQLite's words.
void requireCounselor(Database& db, const std::optional<Id>& counselor_id) {
  if (!counselor_id) return;
  auto s = db.prepare("SELECT 1 FROM counselors WHERE id = ?");
  s.bind(1, *counselor_id);
  if (!s.step()) throwNotFound(errorText("no counselor with id {1}", *counselor_id));
}

Id insertSet(Database& db, Id visit_id, Id family_id, Id caregiver_id, Id child_id) {
  auto owner = db.prepare(
      "SELECT (SELECT family_id FROM caregivers WHERE id = ?1), "
      "(SELECT family_id FROM children WHERE id = ?2)");
  owner.bind(1, caregiver_id).bind(2, child_id);
  owner.step();
  if (owner.optionalInteger(0) != family_id)
    throwNotFound(errorText("caregiver {1} is not in this family", caregiver_id));
  if (owner.optionalInteger(1) != family_id)
    throwNotFound(errorText("child {1} is not in this family", child_id));
  auto dup = db.prepare(
      "SELECT 1 FROM observation_sets WHERE visit_id = ? AND caregiver_id = ? AND child_id = ?");
  dup.bind(1, visit_id).bind(2, caregiver_id).bind(3, child_id);
  if (dup.step())
    throwBadInput(errorText("this caregiver and child are already observed in the visit"));

  db.prepare("INSERT INTO observation_sets (visit_id, caregiver_id, child_id) VALUES (?, ?, ?)")
      .bind(1, visit_id)
      .bind(2, caregiver_id)
      .bind(3, child_id)
      .run();
  return db.lastInsertId();
}

}  // namespace

std::optional<FormSnapshot> Store::formSnapshot(const std::string& form_id, int version) {
  auto s = db_.prepare(
      "SELECT form_id, version, sha256, json FROM form_snapshots WHERE form_id = ? AND version = "
      "?");
  s.bind(1, form_id).bind(2, version);
  if (!s.step()) return std::nullopt;
  return FormSnapshot{s.text(0), static_cast<int>(s.integer(1)), s.text(2), s.text(3)};
}

void Store::insertObservations(Id set_id, const std::vector<model::Observation>& observations) {
  std::vector<std::pair<Id, const model::Observation*>> rows;
  rows.reserve(observations.size());
  for (const auto& o : observations) rows.emplace_back(set_id, &o);
  insertObservationRows(rows);
}

void Store::insertObservationRows(
    const std::vector<std::pair<Id, const model::Observation*>>& rows) {
  // Many rows per statement (batch_insert.h): a 10,000-family demo generated into an encrypted
  // file took 225 s row by row, 111 s with one statement per set.
  insertRows(db_,
             "INSERT OR FAIL INTO observations (set_id, item_id, not_observed, value, note, "
             "focus)",
             6, rows.size(), [&](Statement& insert, int p, std::size_t i) {
               const auto& [set_id, o] = rows[i];
               // Read in place: the rows outlive the statement, and a large import binds
               // millions of texts that SQLite would otherwise copy.
               insert.bind(p, set_id)
                   .bindInPlace(p + 1, o->item_id)
                   .bind(p + 2, o->not_observed ? 1 : 0)
                   .bindInPlace(p + 3,
                                o->not_observed ? std::string_view() : std::string_view(o->value))
                   .bindInPlace(p + 4, o->note)
                   .bind(p + 5, o->focus ? 1 : 0);
             });
}

void Store::checkVisit(const model::Visit& v) {
  checkText(v.place, "place", false);
  checkText(v.present, "who was present", false);
  checkText(v.notes, "visit notes", false);
  if (model::Date::today() < v.date)
    throwBadInput(errorText("visit date {1} is in the future", v.date.iso()));
  if (v.next_planned && *v.next_planned < v.date)
    throwBadInput(errorText("the next planned visit is before the visit itself"));
  for (const auto& set : v.sets) {
    if (v.outcome != model::VisitOutcome::completed && !set.observations.empty())
      throwBadInput(errorText("a {1} visit cannot have observations",
                              std::string(model::toString(v.outcome))));
    for (const auto& o : set.observations) checkObservation(o);
  }
}

void Store::checkObservation(const model::Observation& o) {
  checkText(o.item_id, "item id", true);
  checkText(o.value, "answer to " + o.item_id, false);
  checkText(o.note, "note on " + o.item_id, false);
}

std::vector<Id> Store::insertVisitRows(std::span<const model::Visit> visits) {
  // New visits, amendments and imported visits all pass here.
  std::set<Id> families;
  for (const auto& v : visits) families.insert(v.family_id);
  for (const Id family : families) requireWritable(family);
  std::vector<Id> ids;
  ids.reserve(visits.size());
  // Always drafts first: the triggers refuse sets and observations of a signed visit.
  insertRows(
      db_,
      "INSERT OR FAIL INTO visits (uuid, family_id, counselor_id, visit_date, place, outcome, "
      "present, "
      "form_id, form_version, status, notes, next_planned, amends_visit_id, amend_reason)",
      14, visits.size(),
      [&](Statement& insert, int p, std::size_t i) {
        const model::Visit& v = visits[i];
        // Texts read in place (they outlive the statement); the dates are made here.
        insert.bindInPlace(p, v.uuid)
            .bind(p + 1, v.family_id)
            .bind(p + 2, v.counselor_id)
            .bind(p + 3, v.date.iso())
            .bindInPlace(p + 4, v.place)
            .bindInPlace(p + 5, model::toString(v.outcome))
            .bindInPlace(p + 6, v.present)
            .bindInPlace(p + 7, v.form_id)
            .bind(p + 8, v.form_version)
            .bindInPlace(p + 9, "draft")
            .bindInPlace(p + 10, v.notes)
            .bind(p + 11,
                  v.next_planned ? std::optional<std::string>(v.next_planned->iso()) : std::nullopt)
            .bind(p + 12, v.amends_visit_id)
            .bindInPlace(p + 13, v.amend_reason);
      },
      [&](std::size_t, std::size_t rows) {
        const Id first = firstInsertedId(db_, rows);
        for (std::size_t i = 0; i < rows; ++i) ids.push_back(first + static_cast<Id>(i));
      });
  return ids;
}

Id Store::addVisit(model::Visit v, const FormSnapshot& form) {
  checkVisit(v);
  if (v.form_id != form.form_id || v.form_version != form.version)
    throwBadInput(errorText("the visit names form {1} v{2} but was checked against {3} v{4}",
                            v.form_id, v.form_version, form.form_id, form.version));
  if (v.uuid.empty()) v.uuid = newUuid();
  v.amends_visit_id.reset();
  v.amend_reason.clear();  // only amendVisit starts an amendment
  const bool sign = v.isSigned();

  db_.transaction([&] {
    auto fam = db_.prepare("SELECT 1 FROM families WHERE id = ?");
    fam.bind(1, v.family_id);
    if (!fam.step()) throwNotFound(errorText("no family with id {1}", v.family_id));
    requireWritable(v.family_id);
    requireCounselor(db_, v.counselor_id);
    requirePlausibleVisitDate(db_, v);
    ensureSnapshot(db_, form);
    v.id = insertVisitRow(v);
    for (auto& set : v.sets) {
      set.id = insertSet(db_, v.id, v.family_id, set.caregiver_id, set.child_id);
      insertObservations(set.id, set.observations);
    }
    v.status = model::VisitStatus::draft;
    writeScores(v);
    if (sign) {
      // Recorded and signed in one action (e.g. entered after the fact): one audit row.
      markSigned(v, "create-signed");
    } else {
      // While generating, the row is only noted for the family's seal: no need for details.
      audit("visit", v.id, "create",
            generating_ ? std::string() : json::serialize(model::toJson(v)));
    }
  });
  return v.id;
}

model::Visit Store::visit(Id visit_id) {
  auto s = db_.prepare(rows::select(rows::kVisitColumns, " FROM visits WHERE id = ?"));
  s.bind(1, visit_id);
  if (!s.step()) throwNotFound(errorText("no visit with id {1}", visit_id));
  model::Visit v = rows::visit(s);
  auto ss = db_.prepare(
      "SELECT id, caregiver_id, child_id FROM observation_sets WHERE visit_id = ? ORDER BY id");
  ss.bind(1, visit_id);
  while (ss.step()) v.sets.push_back({ss.integer(0), ss.integer(1), ss.integer(2), {}});
  auto os = db_.prepare(
      "SELECT item_id, not_observed, value, note, focus FROM observations WHERE set_id = ?");
  for (auto& set : v.sets) {
    os.reset();
    os.bind(1, set.id);
    while (os.step())
      set.observations.push_back(
          {os.text(0), os.integer(1) != 0, os.text(2), os.text(3), os.integer(4) != 0});
  }
  return v;
}

model::Visit Store::requireDraft(Id visit_id) {
  model::Visit v = visit(visit_id);
  requireWritable(v.family_id);
  if (v.isSigned())
    throwBadInput(
        errorText("visit {1} is signed and cannot be edited; amend it instead", visit_id));
  return v;
}

void Store::updateVisitHeader(const model::Visit& v) {
  db_.transaction([&] {
    const model::Visit before = requireDraft(v.id);
    model::Visit header = v;
    header.sets.clear();  // the header only: its answers were checked as they were saved
    checkVisit(header);
    requireCounselor(db_, v.counselor_id);
    model::Visit dated = before;
    dated.date = v.date;
    requirePlausibleVisitDate(db_, dated);
    db_.prepare(
           "UPDATE OR FAIL visits SET visit_date = ?, place = ?, outcome = ?, present = ?, notes = "
           "?, "
           "next_planned = ?, counselor_id = ? WHERE id = ?")
        .bind(1, v.date.iso())
        .bind(2, v.place)
        .bind(3, model::toString(v.outcome))
        .bind(4, v.present)
        .bind(5, v.notes)
        .bind(6, v.next_planned ? std::optional<std::string>(v.next_planned->iso()) : std::nullopt)
        .bind(7, v.counselor_id)
        .bind(8, v.id)
        .run();
    auto old_json = model::toJson(before), new_json = model::toJson(v);
    old_json.erase("observation_sets");
    new_json.erase("observation_sets");
    for (const char* fixed : {"status", "signed_at", "signed_by", "uuid", "superseded_by",
                              "amends_visit_id", "form_id", "form_version", "family_id"})
      new_json[fixed] = old_json[fixed];
    // The amendment's reason is given when it starts; the header never changes it.
    new_json.erase("amend_reason");
    if (const auto* reason = old_json.if_contains("amend_reason"))
      new_json["amend_reason"] = *reason;
    const auto changes = model::changedFields(old_json, new_json);
    if (changes.empty()) return;
    audit("visit", v.id, "update", json::serialize(changes));
    model::Visit after = v;
    after.sets = before.sets;
    writeScores(after);
  });
}

Id Store::addObservationSet(Id visit_id, Id caregiver_id, Id child_id) {
  Id set_id = 0;
  db_.transaction([&] {
    model::Visit v = requireDraft(visit_id);
    set_id = insertSet(db_, visit_id, v.family_id, caregiver_id, child_id);
    v.sets.push_back({set_id, caregiver_id, child_id, {}});
    requirePlausibleVisitDate(db_, v);
    audit("visit", visit_id, "add-pair",
          json::serialize(json::object{
              {"set_id", set_id}, {"caregiver_id", caregiver_id}, {"child_id", child_id}}));
  });
  return set_id;
}

void Store::saveObservation(Id visit_id, Id set_id, const model::Observation& o) {
  checkObservation(o);
  db_.transaction([&] {
    model::Visit v = requireDraft(visit_id);
    model::ObservationSet* set = nullptr;
    for (auto& s : v.sets)
      if (s.id == set_id) set = &s;
    if (set == nullptr)
      throwNotFound(errorText("no observation set {1} in visit {2}", set_id, visit_id));
    const model::Observation* found = set->find(o.item_id);
    const std::optional<model::Observation> before =
        found ? std::optional<model::Observation>(*found) : std::nullopt;
    const auto after_json = model::toJson(o);
    if (before && model::toJson(*before) == after_json) return;  // nothing changed
    // Replaced by hand: observations are inserted OR FAIL (batch_insert.h), never OR REPLACE.
    if (before)
      db_.prepare("DELETE FROM observations WHERE set_id = ? AND item_id = ?")
          .bind(1, set_id)
          .bind(2, o.item_id)
          .run();
    insertObservations(set_id, {o});
    std::erase_if(set->observations, [&](const auto& x) { return x.item_id == o.item_id; });
    set->observations.push_back(o);
    writeScores(v);
    audit("observation", visit_id, before ? "update" : "answer",
          json::serialize(
              json::object{{"set_id", set_id},
                           {"item_id", o.item_id},
                           {"before", before ? json::value(model::toJson(*before)) : json::value()},
                           {"after", after_json}}));
  });
}

void Store::clearObservation(Id visit_id, Id set_id, const std::string& item_id) {
  db_.transaction([&] {
    requireDraft(visit_id);
    auto s = db_.prepare(
        "DELETE FROM observations WHERE set_id = ? AND item_id = ? "
        "AND set_id IN (SELECT id FROM observation_sets WHERE visit_id = ?)");
    s.bind(1, set_id).bind(2, item_id).bind(3, visit_id).run();
    if (db_.changes() == 0) return;
    audit("observation", visit_id, "clear",
          json::serialize(json::object{{"set_id", set_id}, {"item_id", item_id}}));
    writeScores(visit(visit_id));
  });
}

void Store::markSigned(model::Visit& v, std::string_view action) {
  // The signer is the counselor at work, a counselor record — except in sample data, whose
  // generator signs each visit as the family's own (sample) counselor.
  const std::string signer =
      generating_ && !v.signed_by.empty() ? v.signed_by : requireWorkingCounselor().name;
  v.status = model::VisitStatus::signed_off;
  v.signed_at = nowTimestamp();
  v.signed_by = signer;
  db_.prepare(
         "UPDATE OR FAIL visits SET status = 'signed', signed_at = ?, signed_by = ? WHERE id = ?")
      .bind(1, v.signed_at)
      .bind(2, v.signed_by)
      .bind(3, v.id)
      .run();
  // Signing is audited with the full content signed; the row's content hash covers it.
  audit("visit", v.id, action, generating_ ? std::string() : json::serialize(model::toJson(v)));
  if (v.amends_visit_id) supersede(*v.amends_visit_id, v.id);
}

void Store::supersede(Id original_id, Id amendment_id) {
  db_.prepare("UPDATE OR FAIL visits SET superseded_by = ? WHERE id = ? AND superseded_by IS NULL")
      .bind(1, amendment_id)
      .bind(2, original_id)
      .run();
  if (db_.changes() == 0) return;
  // The original's content now names its replacement: its own row says so.
  audit("visit", original_id, "supersede",
        json::serialize(json::object{{"superseded_by", amendment_id}}));
}

void Store::signVisit(Id visit_id) {
  db_.transaction([&] {
    model::Visit v = requireDraft(visit_id);
    markSigned(v, "sign");
  });
}

Id Store::amendVisit(Id visit_id, const std::string& reason) {
  checkText(reason, errorPhrase("reason for the amendment"), true);
  Id amendment_id = 0;
  db_.transaction([&] {
    model::Visit original = visit(visit_id);
    if (!original.isSigned())
      throwBadInput(errorText("visit {1} is still a draft; edit it directly", visit_id));
    if (original.superseded_by)
      throwBadInput(errorText("visit {1} was already replaced by visit {2}; amend that one",
                              visit_id, *original.superseded_by));
    auto pending =
        db_.prepare("SELECT id FROM visits WHERE amends_visit_id = ? AND status = 'draft'");
    pending.bind(1, visit_id);
    if (pending.step())
      throwBadInput(errorText("visit {1} already has an amendment in progress (visit {2})",
                              visit_id, pending.integer(0)));

    model::Visit copy = original;
    copy.uuid = newUuid();
    copy.status = model::VisitStatus::draft;
    copy.signed_at.clear();
    copy.signed_by.clear();
    copy.amends_visit_id = visit_id;
    copy.superseded_by.reset();
    copy.amend_reason = reason;
    checkVisit(copy);
    amendment_id = insertVisitRow(copy);
    for (const auto& set : original.sets) {
      const Id set_id =
          insertSet(db_, amendment_id, copy.family_id, set.caregiver_id, set.child_id);
      insertObservations(set_id, set.observations);
    }
    writeScores(visit(amendment_id));
    audit("visit", amendment_id, "amend",
          json::serialize(json::object{
              {"amends_visit_id", visit_id}, {"uuid", copy.uuid}, {"reason", reason}}));
  });
  return amendment_id;
}

void Store::discardVisit(Id visit_id) {
  db_.transaction([&] {
    const model::Visit v = visit(visit_id);
    if (v.isSigned())
      throwBadInput(errorText(
          "visit {1} is signed and can never be discarded; amend it to correct it", visit_id));
    // Goals and referrals recorded during the draft stay (they were real), no longer tied to
    // a visit that is gone; each change is audited like any other.
    for (const char* table : {"goals", "referrals"}) {
      const std::string entity = std::string(table) == "goals" ? "goal" : "referral";
      std::vector<Id> ids;
      auto tied =
          db_.prepare(std::string("SELECT id FROM ") + table +
                      (entity == "goal" ? " WHERE set_at_visit_id = ?1 OR closed_at_visit_id = ?1"
                                        : " WHERE visit_id = ?1"));
      tied.bind(1, visit_id);
      while (tied.step()) ids.push_back(tied.integer(0));
      for (const Id id : ids) {
        if (entity == "goal")
          db_.prepare(
                 "UPDATE goals SET set_at_visit_id = NULLIF(set_at_visit_id, ?1), "
                 "closed_at_visit_id = NULLIF(closed_at_visit_id, ?1) WHERE id = ?2")
              .bind(1, visit_id)
              .bind(2, id)
              .run();
        else
          db_.prepare("UPDATE referrals SET visit_id = NULL WHERE id = ?").bind(1, id).run();
        audit(entity, id, "update", json::serialize(json::object{{"visit_discarded", visit_id}}));
      }
    }
    for (const char* sql :
         {"DELETE FROM observations WHERE set_id IN "
          "(SELECT id FROM observation_sets WHERE visit_id = ?)",
          "DELETE FROM observation_sets WHERE visit_id = ?",
          "DELETE FROM visit_section_scores WHERE visit_id = ?",
          "DELETE FROM visit_scores WHERE visit_id = ?", "DELETE FROM visits WHERE id = ?"})
      db_.prepare(sql).bind(1, visit_id).run();
    // The row keeps what was thrown away and who did it. Its empty content hash says the record
    // is gone on purpose (record_audit.h), so the check of record content does not call it
    // deleted outside SecureBase.
    json::object details = model::toJson(v);
    details["discarded_by"] = counselor_.empty() ? actor_ : counselor_;
    writeAuditRow("visit", visit_id, "discard", json::serialize(details), std::string());
  });
}

}  // namespace securebase::store
