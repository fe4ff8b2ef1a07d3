#include "securebase/model/json.h"

namespace securebase::model {
namespace json = boost::json;

namespace {

json::value orNull(const std::optional<Id>& id) {
  return id ? json::value(*id) : json::value();
}
json::value orNull(const std::optional<Date>& d) {
  return d ? json::value(d->iso()) : json::value();
}

}  // namespace

json::object toJson(const Counselor& c) {
  return {{"id", c.id}, {"uuid", c.uuid}, {"name", c.name}, {"email", c.email}, {"phone", c.phone}};
}

json::object toJson(const Family& f) {
  return {{"id", f.id},
          {"uuid", f.uuid},
          {"display_name", f.display_name},
          {"language", toString(f.language)},
          {"status", toString(f.status)},
          {"closing_reason", f.closing_reason},
          {"visit_frequency_days", f.visit_frequency_days},
          {"counselor_id", orNull(f.counselor_id)},
          {"address", f.address},
          {"phone", f.phone},
          {"created_on", f.created_on.iso()}};
}

json::object toJson(const Caregiver& c) {
  return {{"id", c.id},
          {"uuid", c.uuid},
          {"family_id", c.family_id},
          {"name", c.name},
          {"relationship", c.relationship}};
}

json::object toJson(const Child& c) {
  return {{"id", c.id},
          {"uuid", c.uuid},
          {"family_id", c.family_id},
          {"name", c.name},
          {"birth_date", c.birth_date.iso()},
          {"gestation_weeks", c.gestation_weeks},
          {"sex", toString(c.sex)}};
}

json::object toJson(const Observation& o) {
  json::object out{{"item_id", o.item_id}};
  if (o.not_observed)
    out["not_observed"] = true;
  else if (auto r = o.rating())
    out["rating"] = *r;
  else
    out["value"] = o.value;
  if (!o.note.empty()) out["note"] = o.note;
  if (o.focus) out["focus"] = true;
  return out;
}

json::object toJson(const ObservationSet& s) {
  json::array items;
  for (const auto& o : s.observations) items.push_back(toJson(o));
  return {{"id", s.id},
          {"caregiver_id", s.caregiver_id},
          {"child_id", s.child_id},
          {"observations", std::move(items)}};
}

json::object toJson(const Visit& v) {
  json::array sets;
  for (const auto& s : v.sets) sets.push_back(toJson(s));
  json::object out{{"id", v.id},
                   {"uuid", v.uuid},
                   {"family_id", v.family_id},
                   {"counselor_id", orNull(v.counselor_id)},
                   {"date", v.date.iso()},
                   {"place", v.place},
                   {"outcome", toString(v.outcome)},
                   {"present", v.present},
                   {"form_id", v.form_id},
                   {"form_version", v.form_version},
                   {"status", toString(v.status)},
                   {"notes", v.notes},
                   {"next_planned", orNull(v.next_planned)},
                   {"amends_visit_id", orNull(v.amends_visit_id)},
                   {"superseded_by", orNull(v.superseded_by)},
                   {"signed_at", v.signed_at},
                   {"signed_by", v.signed_by},
                   {"observation_sets", std::move(sets)}};
  // Only on amendments (schema 8), so the JSON of every other visit reads as before.
  if (!v.amend_reason.empty()) out["amend_reason"] = v.amend_reason;
  return out;
}

json::object toJson(const Goal& g) {
  return {{"id", g.id},
          {"uuid", g.uuid},
          {"family_id", g.family_id},
          {"text", g.text},
          {"status", toString(g.status)},
          {"set_at_visit_id", orNull(g.set_at_visit_id)},
          {"closed_at_visit_id", orNull(g.closed_at_visit_id)},
          {"created_on", g.created_on.iso()}};
}

json::object toJson(const Referral& r) {
  return {{"id", r.id},
          {"uuid", r.uuid},
          {"family_id", r.family_id},
          {"visit_id", orNull(r.visit_id)},
          {"to_whom", r.to_whom},
          {"reason", r.reason},
          {"status", toString(r.status)},
          {"created_on", r.created_on.iso()},
          {"kind", toString(r.kind)},
          {"concern_item", r.concern_item},
          {"recorded_by", r.recorded_by}};
}

json::object changedFields(const json::object& before, const json::object& after) {
  json::object changes;
  for (const auto& [key, value] : after) {
    const auto* old = before.if_contains(key);
    if (old == nullptr || *old != value)
      changes[key] = json::array{old ? *old : json::value(), value};
  }
  return changes;
}

}  // namespace securebase::model
