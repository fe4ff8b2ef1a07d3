// Families, caregivers and children: entry, listing and loading a whole family.
#include <boost/json/serialize.hpp>

#include "import_details.h"
#include "rows.h"
#include "securebase/core/error.h"
#include "securebase/core/uuid.h"
#include "securebase/model/json.h"
#include "securebase/model/visit_due.h"
#include "securebase/store/store.h"

namespace securebase::store {
namespace json = boost::json;

namespace {

void requireRow(Database& db, const char* table, Id id, ErrorText missing) {
  auto s = db.prepare(std::string("SELECT 1 FROM ") + table + " WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) throwNotFound(std::move(missing));
}

void validateFamily(const model::Family& f) {
  if (f.visit_frequency_days < 1 || f.visit_frequency_days > 365)
    throwBadInput(errorText("visit frequency must be between 1 and 365 days"));
  if (f.status == model::FamilyStatus::closed && f.closing_reason.empty())
    throwBadInput(errorText("a closed family needs a closing reason"));
}

}  // namespace

Id Store::addFamily(model::Family f) {
  if (f.uuid.empty()) f.uuid = newUuid();
  if (f.created_on == model::Date{}) f.created_on = model::Date::today();
  if (model::Date::today() < f.created_on)
    throwBadInput(
        errorText("the day the family joined, {1}, is in the future", f.created_on.iso()));
  db_.transaction([&] {
    if (f.counselor_id)
      requireRow(db_, "counselors", *f.counselor_id,
                 errorText("no counselor with id {1}", *f.counselor_id));
    f.id = insertFamily(f, "create");
  });
  return f.id;
}

Id Store::insertFamily(model::Family f, std::string_view action) {
  checkText(f.display_name, errorPhrase("family name"), true);
  checkText(f.closing_reason, errorPhrase("closing reason"), false);
  checkText(f.address, errorPhrase("address"), false);
  checkText(f.phone, errorPhrase("phone"), false);
  validateFamily(f);
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO families (uuid, display_name, language, status, closing_reason, "
           "visit_frequency_days, counselor_id, address, phone, created_on) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, f.uuid)
        .bind(2, f.display_name)
        .bind(3, model::toString(f.language))
        .bind(4, model::toString(f.status))
        .bind(5, f.closing_reason)
        .bind(6, f.visit_frequency_days)
        .bind(7, f.counselor_id)
        .bind(8, f.address)
        .bind(9, f.phone)
        .bind(10, f.created_on.iso())
        .run();
    f.id = db_.lastInsertId();
    audit("family", f.id, action,
          recordDetails(action, f.uuid, [&] { return json::serialize(model::toJson(f)); }));
  });
  return f.id;
}

void Store::updateFamily(const model::Family& f) {
  checkText(f.display_name, errorPhrase("family name"), true);
  checkText(f.closing_reason, errorPhrase("closing reason"), false);
  checkText(f.address, errorPhrase("address"), false);
  checkText(f.phone, errorPhrase("phone"), false);
  validateFamily(f);
  db_.transaction([&] {
    const model::Family before = family(f.id);
    requireWritable(f.id);
    if (f.counselor_id)
      requireRow(db_, "counselors", *f.counselor_id,
                 errorText("no counselor with id {1}", *f.counselor_id));
    db_.prepare(
           "UPDATE families SET display_name = ?, language = ?, status = ?, closing_reason = ?, "
           "visit_frequency_days = ?, counselor_id = ?, address = ?, phone = ? WHERE id = ?")
        .bind(1, f.display_name)
        .bind(2, model::toString(f.language))
        .bind(3, model::toString(f.status))
        .bind(4, f.closing_reason)
        .bind(5, f.visit_frequency_days)
        .bind(6, f.counselor_id)
        .bind(7, f.address)
        .bind(8, f.phone)
        .bind(9, f.id)
        .run();
    audit("family", f.id, "update",
          json::serialize(model::changedFields(model::toJson(before), model::toJson(f))));
  });
}

void Store::closeFamily(Id family_id, const std::string& reason) {
  model::Family f = family(family_id);
  f.status = model::FamilyStatus::closed;
  f.closing_reason = reason;
  updateFamily(f);
}

model::Family Store::family(Id family_id) {
  auto s = db_.prepare(rows::select(rows::kFamilyColumns, " FROM families f WHERE f.id = ?"));
  s.bind(1, family_id);
  if (!s.step()) throwNotFound(errorText("no family with id {1}", family_id));
  return rows::family(s);
}

std::vector<FamilySummary> Store::listFamilies(const FamilyFilter& filter) {
  // The draft date reads the partial index visits_drafts (schema 5): no scan of visits.
  auto s = db_.prepare(
      rows::select(rows::kFamilyColumns,
                   ", coalesce(c.name, ''), f.last_completed_date, "
                   "f.last_completed_next_planned, f.trend_points, f.flagged, "
                   "f.open_referrals, (SELECT max(d.visit_date) FROM visits d "
                   "WHERE d.family_id = f.id AND d.status = 'draft'), r.held_by FROM families f "
                   "LEFT JOIN counselors c ON c.id = f.counselor_id "
                   "LEFT JOIN read_only_families r ON r.family_id = f.id "
                   "WHERE (?1 IS NULL OR f.status = ?1) AND (?2 = 0 OR f.flagged = 1) "
                   "AND (?3 = 0 OR f.open_referrals > 0) ORDER BY f.display_name, f.id"));
  if (filter.status) s.bind(1, model::toString(*filter.status));
  s.bind(2, filter.flagged_only ? 1 : 0).bind(3, filter.open_referral_only ? 1 : 0);
  std::vector<FamilySummary> list;
  while (s.step()) {
    FamilySummary row;
    row.family = rows::family(s);
    const int i = rows::kFamilyColumnCount;
    row.counselor_name = s.text(i);
    row.last_visit = rows::optionalDate(s, i + 1);
    std::optional<model::LatestCompletedVisit> latest;
    if (row.last_visit)
      latest = model::LatestCompletedVisit{*row.last_visit, rows::optionalDate(s, i + 2)};
    row.next_due = model::nextVisitDue(latest, row.family.visit_frequency_days);
    if (!s.isNull(i + 3)) row.trend_points = s.real(i + 3);
    row.flagged = s.integer(i + 4) != 0;
    row.open_referrals = static_cast<int>(s.integer(i + 5));
    row.draft_date = rows::optionalDate(s, i + 6);
    if (!s.isNull(i + 7)) row.read_only_held_by = s.text(i + 7);
    if (filter.overdue_on && model::daysOverdue(row.next_due, *filter.overdue_on) == 0) continue;
    list.push_back(std::move(row));
  }
  return list;
}

Id Store::addCaregiver(model::Caregiver c) {
  if (c.uuid.empty()) c.uuid = newUuid();
  return insertCaregiver(std::move(c), "create");
}

Id Store::insertCaregiver(model::Caregiver c, std::string_view action) {
  checkText(c.name, errorPhrase("caregiver name"), true);
  checkText(c.relationship, errorPhrase("relationship"), false);
  db_.transaction([&] {
    requireRow(db_, "families", c.family_id, errorText("no family with id {1}", c.family_id));
    requireWritable(c.family_id);
    db_.prepare(
           "INSERT OR FAIL INTO caregivers (uuid, family_id, name, relationship) VALUES (?, ?, ?, "
           "?)")
        .bind(1, c.uuid)
        .bind(2, c.family_id)
        .bind(3, c.name)
        .bind(4, c.relationship)
        .run();
    c.id = db_.lastInsertId();
    audit("caregiver", c.id, action,
          recordDetails(action, c.uuid, [&] { return json::serialize(model::toJson(c)); }));
  });
  return c.id;
}

Id Store::addChild(model::Child c) {
  if (model::Date::today() < c.birth_date)
    throwBadInput(errorText("date of birth is in the future"));
  if (c.uuid.empty()) c.uuid = newUuid();
  return insertChild(std::move(c), "create");
}

Id Store::insertChild(model::Child c, std::string_view action) {
  checkText(c.name, errorPhrase("child name"), true);
  if (c.gestation_weeks < 22 || c.gestation_weeks > 44)
    throwBadInput(errorText("weeks of gestation must be between 22 and 44"));
  db_.transaction([&] {
    requireRow(db_, "families", c.family_id, errorText("no family with id {1}", c.family_id));
    requireWritable(c.family_id);
    db_.prepare(
           "INSERT OR FAIL INTO children (uuid, family_id, name, birth_date, gestation_weeks, sex) "
           "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, c.uuid)
        .bind(2, c.family_id)
        .bind(3, c.name)
        .bind(4, c.birth_date.iso())
        .bind(5, c.gestation_weeks)
        .bind(6, model::toString(c.sex))
        .run();
    c.id = db_.lastInsertId();
    audit("child", c.id, action,
          recordDetails(action, c.uuid, [&] { return json::serialize(model::toJson(c)); }));
  });
  return c.id;
}

void Store::updateCaregiver(const model::Caregiver& c) {
  checkText(c.name, errorPhrase("caregiver name"), true);
  checkText(c.relationship, errorPhrase("relationship"), false);
  db_.transaction([&] {
    auto s = db_.prepare(rows::select(rows::kCaregiverColumns, " FROM caregivers WHERE id = ?"));
    s.bind(1, c.id);
    if (!s.step()) throwNotFound(errorText("no caregiver with id {1}", c.id));
    model::Caregiver after = rows::caregiver(s);
    requireWritable(after.family_id);
    const model::Caregiver before = after;
    after.name = c.name;
    after.relationship = c.relationship;
    db_.prepare("UPDATE caregivers SET name = ?, relationship = ? WHERE id = ?")
        .bind(1, after.name)
        .bind(2, after.relationship)
        .bind(3, c.id)
        .run();
    const auto changes = model::changedFields(model::toJson(before), model::toJson(after));
    if (!changes.empty()) audit("caregiver", c.id, "update", json::serialize(changes));
  });
}

void Store::updateChild(const model::Child& c) {
  checkText(c.name, errorPhrase("child name"), true);
  if (model::Date::today() < c.birth_date)
    throwBadInput(errorText("date of birth is in the future"));
  if (c.gestation_weeks < 22 || c.gestation_weeks > 44)
    throwBadInput(errorText("weeks of gestation must be between 22 and 44"));
  db_.transaction([&] {
    auto s = db_.prepare(rows::select(rows::kChildColumns, " FROM children WHERE id = ?"));
    s.bind(1, c.id);
    if (!s.step()) throwNotFound(errorText("no child with id {1}", c.id));
    model::Child after = rows::child(s);
    requireWritable(after.family_id);
    const model::Child before = after;
    after.name = c.name;
    after.birth_date = c.birth_date;
    after.gestation_weeks = c.gestation_weeks;
    after.sex = c.sex;
    db_.prepare(
           "UPDATE children SET name = ?, birth_date = ?, gestation_weeks = ?, sex = ? WHERE id = "
           "?")
        .bind(1, after.name)
        .bind(2, after.birth_date.iso())
        .bind(3, after.gestation_weeks)
        .bind(4, model::toString(after.sex))
        .bind(5, c.id)
        .run();
    const auto changes = model::changedFields(model::toJson(before), model::toJson(after));
    if (!changes.empty()) audit("child", c.id, "update", json::serialize(changes));
  });
}

std::vector<model::Caregiver> Store::caregivers(Id family_id) {
  auto s = db_.prepare(
      rows::select(rows::kCaregiverColumns, " FROM caregivers WHERE family_id = ? ORDER BY id"));
  s.bind(1, family_id);
  std::vector<model::Caregiver> list;
  while (s.step()) list.push_back(rows::caregiver(s));
  return list;
}

std::vector<model::Child> Store::children(Id family_id) {
  auto s = db_.prepare(rows::select(rows::kChildColumns,
                                    " FROM children WHERE family_id = ? ORDER BY birth_date, id"));
  s.bind(1, family_id);
  std::vector<model::Child> list;
  while (s.step()) list.push_back(rows::child(s));
  return list;
}

FamilyRecord Store::loadFamily(Id family_id, VisitDetail detail) {
  FamilyRecord record;
  record.family = family(family_id);
  record.caregivers = caregivers(family_id);
  record.children = children(family_id);
  record.goals = goals(family_id);
  record.referrals = referrals(family_id);

  auto vs = db_.prepare(rows::select(rows::kVisitColumns,
                                     " FROM visits WHERE family_id = ? ORDER BY visit_date, id"));
  vs.bind(1, family_id);
  while (vs.step()) record.visits.push_back(rows::visit(vs));
  if (detail == VisitDetail::rows_only) return record;

  // Sets and observations of all the family's visits in two queries, not one per visit.
  std::map<Id, model::Visit*> visit_by_id;
  for (auto& v : record.visits) visit_by_id[v.id] = &v;
  std::map<Id, std::pair<model::Visit*, std::size_t>> set_by_id;
  auto ss = db_.prepare(
      "SELECT s.id, s.visit_id, s.caregiver_id, s.child_id FROM observation_sets s "
      "JOIN visits v ON v.id = s.visit_id WHERE v.family_id = ? ORDER BY s.id");
  ss.bind(1, family_id);
  while (ss.step()) {
    model::Visit* v = visit_by_id.at(ss.integer(1));
    v->sets.push_back({ss.integer(0), ss.integer(2), ss.integer(3), {}});
    set_by_id[ss.integer(0)] = {v, v->sets.size() - 1};
  }
  auto os = db_.prepare(
      "SELECT o.set_id, o.item_id, o.not_observed, o.value, o.note, o.focus "
      "FROM observations o JOIN observation_sets s ON s.id = o.set_id "
      "JOIN visits v ON v.id = s.visit_id WHERE v.family_id = ?");
  os.bind(1, family_id);
  while (os.step()) {
    auto& [v, index] = set_by_id.at(os.integer(0));
    v->sets[index].observations.push_back(
        {os.text(1), os.integer(2) != 0, os.text(3), os.text(4), os.integer(5) != 0});
  }
  return record;
}

}  // namespace securebase::store
