// Goals and referrals of a family.
#include <boost/json/serialize.hpp>

#include "import_details.h"
#include "rows.h"
#include "securebase/core/error.h"
#include "securebase/core/uuid.h"
#include "securebase/model/json.h"
#include "securebase/store/store.h"

namespace securebase::store {
namespace json = boost::json;

namespace {

void requireFamily(Database& db, Id family_id) {
  auto s = db.prepare("SELECT 1 FROM families WHERE id = ?");
  s.bind(1, family_id);
  if (!s.step()) throwNotFound(errorText("no family with id {1}", family_id));
}

void requireVisitOfFamily(Database& db, std::optional<Id> visit_id, Id family_id) {
  if (!visit_id) return;
  auto s = db.prepare("SELECT family_id FROM visits WHERE id = ?");
  s.bind(1, *visit_id);
  if (!s.step() || s.integer(0) != family_id)
    throwNotFound(errorText("no visit {1} in this family", *visit_id));
}

// What a "no referral made" record says stays as it was recorded (the schema refuses it too).
void refuseNoReferralChange(const model::Referral& r) {
  if (r.kind == model::ReferralKind::no_referral)
    throwBadInput(
        errorText("referral {1} records that no referral was made; it cannot be changed", r.id));
}

}  // namespace

Id Store::addGoal(model::Goal g) {
  if (g.uuid.empty()) g.uuid = newUuid();
  if (g.created_on == model::Date{}) g.created_on = model::Date::today();
  return insertGoal(std::move(g), "create");
}

Id Store::insertGoal(model::Goal g, std::string_view action) {
  checkText(g.text, errorPhrase("goal"), true);
  db_.transaction([&] {
    requireFamily(db_, g.family_id);
    requireWritable(g.family_id);
    requireVisitOfFamily(db_, g.set_at_visit_id, g.family_id);
    requireVisitOfFamily(db_, g.closed_at_visit_id, g.family_id);
    db_.prepare(
           "INSERT OR FAIL INTO goals (uuid, family_id, text, status, set_at_visit_id, "
           "closed_at_visit_id, "
           "created_on) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, g.uuid)
        .bind(2, g.family_id)
        .bind(3, g.text)
        .bind(4, model::toString(g.status))
        .bind(5, g.set_at_visit_id)
        .bind(6, g.closed_at_visit_id)
        .bind(7, g.created_on.iso())
        .run();
    g.id = db_.lastInsertId();
    audit("goal", g.id, action,
          recordDetails(action, g.uuid, [&] { return json::serialize(model::toJson(g)); }));
  });
  return g.id;
}

void Store::setGoalStatus(Id goal_id, model::GoalStatus status, std::optional<Id> at_visit) {
  db_.transaction([&] {
    auto s = db_.prepare(rows::select(rows::kGoalColumns, " FROM goals WHERE id = ?"));
    s.bind(1, goal_id);
    if (!s.step()) throwNotFound(errorText("no goal with id {1}", goal_id));
    const model::Goal before = rows::goal(s);
    requireWritable(before.family_id);
    requireVisitOfFamily(db_, at_visit, before.family_id);
    model::Goal after = before;
    after.status = status;
    after.closed_at_visit_id = status == model::GoalStatus::open ? std::nullopt : at_visit;
    db_.prepare("UPDATE goals SET status = ?, closed_at_visit_id = ? WHERE id = ?")
        .bind(1, model::toString(status))
        .bind(2, after.closed_at_visit_id)
        .bind(3, goal_id)
        .run();
    audit("goal", goal_id, "update",
          json::serialize(model::changedFields(model::toJson(before), model::toJson(after))));
  });
}

void Store::updateGoalText(Id goal_id, const std::string& text) {
  checkText(text, "goal", true);
  db_.transaction([&] {
    auto s = db_.prepare(rows::select(rows::kGoalColumns, " FROM goals WHERE id = ?"));
    s.bind(1, goal_id);
    if (!s.step()) throwNotFound(errorText("no goal with id {1}", goal_id));
    const model::Goal before = rows::goal(s);
    requireWritable(before.family_id);
    model::Goal after = before;
    after.text = text;
    db_.prepare("UPDATE goals SET text = ? WHERE id = ?").bind(1, text).bind(2, goal_id).run();
    const auto changes = model::changedFields(model::toJson(before), model::toJson(after));
    if (!changes.empty()) audit("goal", goal_id, "update", json::serialize(changes));
  });
}

std::vector<model::Goal> Store::goals(Id family_id) {
  auto s = db_.prepare(
      rows::select(rows::kGoalColumns, " FROM goals WHERE family_id = ? ORDER BY created_on, id"));
  s.bind(1, family_id);
  std::vector<model::Goal> list;
  while (s.step()) list.push_back(rows::goal(s));
  return list;
}

Id Store::addReferral(model::Referral r) {
  if (r.uuid.empty()) r.uuid = newUuid();
  if (r.created_on == model::Date{}) r.created_on = model::Date::today();
  return insertReferral(std::move(r), "create");
}

Id Store::addNoReferral(Id family_id, std::optional<Id> visit_id, const std::string& concern_item,
                        const std::string& reason) {
  model::Referral r;
  r.family_id = family_id;
  r.visit_id = visit_id;
  r.kind = model::ReferralKind::no_referral;
  r.concern_item = concern_item;
  r.reason = reason;
  r.recorded_by = counselor_;
  return addReferral(std::move(r));
}

Id Store::insertReferral(model::Referral r, std::string_view action) {
  const bool none = r.kind == model::ReferralKind::no_referral;
  if (none) {
    if (!r.to_whom.empty())
      throwBadInput(errorText("a \"no referral made\" record names nobody to refer to"));
    if (r.reason.find_first_not_of(" \t\n") == std::string::npos)
      throwBadInput(errorText("say in a few words why no referral was made"));
    r.status = model::ReferralStatus::completed;  // a decision, never open
  } else {
    checkText(r.to_whom, "referred to", true);
  }
  checkText(r.reason, "referral reason", none);
  checkText(r.concern_item, "concern item", false);
  checkText(r.recorded_by, "recorded by", false);
  db_.transaction([&] {
    requireFamily(db_, r.family_id);
    requireWritable(r.family_id);
    requireVisitOfFamily(db_, r.visit_id, r.family_id);
    db_.prepare(
           "INSERT OR FAIL INTO referrals (uuid, family_id, visit_id, to_whom, reason, status, "
           "created_on, "
           "kind, concern_item, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, r.uuid)
        .bind(2, r.family_id)
        .bind(3, r.visit_id)
        .bind(4, r.to_whom)
        .bind(5, r.reason)
        .bind(6, model::toString(r.status))
        .bind(7, r.created_on.iso())
        .bind(8, model::toString(r.kind))
        .bind(9, r.concern_item)
        .bind(10, r.recorded_by)
        .run();
    r.id = db_.lastInsertId();
    audit("referral", r.id, action,
          recordDetails(action, r.uuid, [&] { return json::serialize(model::toJson(r)); }));
  });
  return r.id;
}

void Store::setReferralStatus(Id referral_id, model::ReferralStatus status) {
  db_.transaction([&] {
    auto s = db_.prepare(rows::select(rows::kReferralColumns, " FROM referrals WHERE id = ?"));
    s.bind(1, referral_id);
    if (!s.step()) throwNotFound(errorText("no referral with id {1}", referral_id));
    const model::Referral before = rows::referral(s);
    requireWritable(before.family_id);
    refuseNoReferralChange(before);
    model::Referral after = before;
    after.status = status;
    db_.prepare("UPDATE referrals SET status = ? WHERE id = ?")
        .bind(1, model::toString(status))
        .bind(2, referral_id)
        .run();
    audit("referral", referral_id, "update",
          json::serialize(model::changedFields(model::toJson(before), model::toJson(after))));
  });
}

void Store::updateReferral(Id referral_id, const std::string& to_whom, const std::string& reason) {
  checkText(to_whom, "referred to", true);
  checkText(reason, "referral reason", false);
  db_.transaction([&] {
    auto s = db_.prepare(rows::select(rows::kReferralColumns, " FROM referrals WHERE id = ?"));
    s.bind(1, referral_id);
    if (!s.step()) throwNotFound(errorText("no referral with id {1}", referral_id));
    const model::Referral before = rows::referral(s);
    requireWritable(before.family_id);
    refuseNoReferralChange(before);
    model::Referral after = before;
    after.to_whom = to_whom;
    after.reason = reason;
    db_.prepare("UPDATE referrals SET to_whom = ?, reason = ? WHERE id = ?")
        .bind(1, to_whom)
        .bind(2, reason)
        .bind(3, referral_id)
        .run();
    const auto changes = model::changedFields(model::toJson(before), model::toJson(after));
    if (!changes.empty()) audit("referral", referral_id, "update", json::serialize(changes));
  });
}

bool Store::hasNoReferralRecords() {
  return db_.prepare("SELECT 1 FROM referrals WHERE kind = 'no_referral' LIMIT 1").step();
}

std::vector<model::Referral> Store::referrals(Id family_id) {
  auto s = db_.prepare(rows::select(rows::kReferralColumns,
                                    " FROM referrals WHERE family_id = ? ORDER BY created_on, id"));
  s.bind(1, family_id);
  std::vector<model::Referral> list;
  while (s.step()) list.push_back(rows::referral(s));
  return list;
}

}  // namespace securebase::store
