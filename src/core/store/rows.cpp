#include "rows.h"

#include "batch_insert.h"
#include "securebase/core/error.h"

namespace securebase::store {

std::int64_t firstInsertedId(Database& db, std::size_t rows) {
  if (db.changes() != static_cast<int>(rows))
    throwDatabase(errorText("a multi-row INSERT added {1} rows, not {2}", db.changes(), rows));
  return db.lastInsertId() - static_cast<std::int64_t>(rows) + 1;
}

}  // namespace securebase::store

namespace securebase::store::rows {

model::Date date(const Statement& s, int column) {
  const std::string text = s.text(column);
  auto parsed = model::Date::parse(text);
  if (!parsed) throwDatabase(errorText("the database holds an invalid date \"{1}\"", text));
  return *parsed;
}

std::optional<model::Date> optionalDate(const Statement& s, int column) {
  if (s.isNull(column)) return std::nullopt;
  return date(s, column);
}

model::Family family(const Statement& s, int i) {
  model::Family f;
  f.id = s.integer(i);
  f.uuid = s.text(i + 1);
  f.display_name = s.text(i + 2);
  f.language = model::parseLanguage(s.text(i + 3)).value_or(model::Language::en);
  f.status = model::parseFamilyStatus(s.text(i + 4)).value_or(model::FamilyStatus::active);
  f.closing_reason = s.text(i + 5);
  f.visit_frequency_days = static_cast<int>(s.integer(i + 6));
  f.counselor_id = s.optionalInteger(i + 7);
  f.address = s.text(i + 8);
  f.phone = s.text(i + 9);
  f.created_on = date(s, i + 10);
  return f;
}

model::Caregiver caregiver(const Statement& s) {
  return model::Caregiver{s.integer(0), s.text(1), s.integer(2), s.text(3), s.text(4)};
}

model::Child child(const Statement& s) {
  model::Child c;
  c.id = s.integer(0);
  c.uuid = s.text(1);
  c.family_id = s.integer(2);
  c.name = s.text(3);
  c.birth_date = date(s, 4);
  c.gestation_weeks = static_cast<int>(s.integer(5));
  c.sex = model::parseSex(s.text(6)).value_or(model::Sex::unknown);
  return c;
}

model::Visit visit(const Statement& s) {
  model::Visit v;
  v.id = s.integer(0);
  v.uuid = s.text(1);
  v.family_id = s.integer(2);
  v.counselor_id = s.optionalInteger(3);
  v.date = date(s, 4);
  v.place = s.text(5);
  v.outcome = model::parseVisitOutcome(s.text(6)).value_or(model::VisitOutcome::completed);
  v.present = s.text(7);
  v.form_id = s.text(8);
  v.form_version = static_cast<int>(s.integer(9));
  v.status = model::parseVisitStatus(s.text(10)).value_or(model::VisitStatus::draft);
  v.notes = s.text(11);
  v.next_planned = optionalDate(s, 12);
  v.amends_visit_id = s.optionalInteger(13);
  v.superseded_by = s.optionalInteger(14);
  v.signed_at = s.text(15);
  v.signed_by = s.text(16);
  v.amend_reason = s.text(17);
  return v;
}

model::Goal goal(const Statement& s) {
  model::Goal g;
  g.id = s.integer(0);
  g.uuid = s.text(1);
  g.family_id = s.integer(2);
  g.text = s.text(3);
  g.status = model::parseGoalStatus(s.text(4)).value_or(model::GoalStatus::open);
  g.set_at_visit_id = s.optionalInteger(5);
  g.closed_at_visit_id = s.optionalInteger(6);
  g.created_on = date(s, 7);
  return g;
}

model::Referral referral(const Statement& s) {
  model::Referral r;
  r.id = s.integer(0);
  r.uuid = s.text(1);
  r.family_id = s.integer(2);
  r.visit_id = s.optionalInteger(3);
  r.to_whom = s.text(4);
  r.reason = s.text(5);
  r.status = model::parseReferralStatus(s.text(6)).value_or(model::ReferralStatus::open);
  r.created_on = date(s, 7);
  r.kind = model::parseReferralKind(s.text(8)).value_or(model::ReferralKind::referral);
  r.concern_item = s.text(9);
  r.recorded_by = s.text(10);
  return r;
}

}  // namespace securebase::store::rows
