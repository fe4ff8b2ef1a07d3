#include "record_json.h"

#include <boost/json/serialize.hpp>

#include "securebase/exchange/export.h"

namespace securebase::exchange::detail {
namespace json = boost::json;

namespace {

json::value orNull(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value();
}
json::value orNull(const std::optional<model::Date>& date) {
  return date ? json::value(date->iso()) : json::value();
}

template <typename T>
json::array arrayOf(const std::vector<T>& list) {
  json::array out;
  out.reserve(list.size());
  for (const auto& item : list) out.push_back(toJson(item));
  return out;
}

bool isPlain(const json::value& value) {
  return !value.is_object() && !value.is_array();
}

bool holdsOnlyPlain(const json::value& value) {
  if (value.is_object()) {
    for (const auto& [key, v] : value.as_object()) {
      (void)key;
      if (!isPlain(v)) return false;
    }
    return true;
  }
  for (const auto& v : value.as_array())
    if (!isPlain(v)) return false;
  return true;
}

void write(std::string& out, const json::value& value, int depth) {
  if (isPlain(value) || holdsOnlyPlain(value)) {
    out += json::serialize(value);
    return;
  }
  const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
  const std::string closing(static_cast<std::size_t>(depth) * 2, ' ');
  if (value.is_object()) {
    out += "{\n";
    bool first = true;
    for (const auto& [key, v] : value.as_object()) {
      if (!first) out += ",\n";
      first = false;
      out += indent + json::serialize(json::string(key)) + ": ";
      write(out, v, depth + 1);
    }
    out += "\n" + closing + "}";
    return;
  }
  out += "[\n";
  bool first = true;
  for (const auto& v : value.as_array()) {
    if (!first) out += ",\n";
    first = false;
    out += indent;
    write(out, v, depth + 1);
  }
  out += "\n" + closing + "]";
}

}  // namespace

json::object toJson(const CounselorData& c) {
  return {{"uuid", c.uuid}, {"name", c.name}, {"email", c.email}, {"phone", c.phone}};
}

json::object toJson(const store::FormSnapshot& f) {
  return {{"form_id", f.form_id}, {"version", f.version}, {"sha256", f.sha256}, {"json", f.json}};
}

json::object toJson(const CaregiverData& c) {
  return {{"uuid", c.uuid}, {"name", c.name}, {"relationship", c.relationship}};
}

json::object toJson(const ChildData& c) {
  return {{"uuid", c.uuid},
          {"name", c.name},
          {"birth_date", c.birth_date.iso()},
          {"gestation_weeks", c.gestation_weeks},
          {"sex", model::toString(c.sex)}};
}

json::object toJson(const model::Observation& o) {
  // The stored text of the answer, never reinterpreted, so values survive a round trip exactly.
  json::object out{{"item_id", o.item_id}};
  if (o.not_observed)
    out["not_observed"] = true;
  else
    out["value"] = o.value;
  if (!o.note.empty()) out["note"] = o.note;
  if (o.focus) out["focus"] = true;
  return out;
}

json::object toJson(const VisitData& v) {
  json::array sets;
  for (const auto& s : v.sets)
    sets.push_back(json::object{{"caregiver_uuid", s.caregiver_uuid},
                                {"child_uuid", s.child_uuid},
                                {"observations", arrayOf(s.observations)}});
  return {{"uuid", v.uuid},
          {"counselor_uuid", orNull(v.counselor_uuid)},
          {"date", v.date.iso()},
          {"place", v.place},
          {"outcome", model::toString(v.outcome)},
          {"present", v.present},
          {"form_id", v.form_id},
          {"form_version", v.form_version},
          {"status", model::toString(v.status)},
          {"notes", v.notes},
          {"next_planned", orNull(v.next_planned)},
          {"amends_uuid", orNull(v.amends_uuid)},
          {"amend_reason", v.amend_reason.value_or("")},
          {"superseded_by_uuid", orNull(v.superseded_by_uuid)},
          {"signed_at", v.signed_at},
          {"signed_by", v.signed_by},
          {"observation_sets", std::move(sets)}};
}

json::object toJson(const GoalData& g) {
  return {{"uuid", g.uuid},
          {"text", g.text},
          {"status", model::toString(g.status)},
          {"set_at_visit_uuid", orNull(g.set_at_visit_uuid)},
          {"closed_at_visit_uuid", orNull(g.closed_at_visit_uuid)},
          {"created_on", g.created_on.iso()}};
}

namespace {
// What every referral has had since export version 1.
json::object referralFields(const ReferralData& r) {
  return {{"uuid", r.uuid},
          {"visit_uuid", orNull(r.visit_uuid)},
          {"to_whom", r.to_whom},
          {"reason", r.reason},
          {"status", model::toString(r.status)},
          {"created_on", r.created_on.iso()}};
}
}  // namespace

json::object referralWithKind(const ReferralData& r) {
  json::object out = referralFields(r);
  out["kind"] = model::toString(r.kind);
  out["concern_item"] = r.concern_item;
  out["recorded_by"] = r.recorded_by;
  return out;
}

json::object toJson(const ReferralData& r) {
  return r.kind == model::ReferralKind::referral ? referralFields(r) : referralWithKind(r);
}

json::object familyFields(const FamilyData& f) {
  return {{"uuid", f.uuid},
          {"display_name", f.display_name},
          {"language", model::toString(f.language)},
          {"status", model::toString(f.status)},
          {"closing_reason", f.closing_reason},
          {"visit_frequency_days", f.visit_frequency_days},
          {"counselor_uuid", orNull(f.counselor_uuid)},
          {"address", f.address},
          {"phone", f.phone},
          {"created_on", f.created_on.iso()}};
}

json::object toJson(const FamilyData& f) {
  json::object out = familyFields(f);
  out["caregivers"] = arrayOf(f.caregivers);
  out["children"] = arrayOf(f.children);
  out["visits"] = arrayOf(f.visits);
  out["goals"] = arrayOf(f.goals);
  out["referrals"] = arrayOf(f.referrals);
  return out;
}

json::object toJson(const ExchangeData& data) {
  json::object settings;
  for (const auto& [key, value] : data.settings) settings[key] = value;
  return {{"format", kExportFormat},
          {"version", documentVersion(data)},
          {"deidentified", data.deidentified},
          {"settings", std::move(settings)},
          {"counselors", arrayOf(data.counselors)},
          {"forms", arrayOf(data.forms)},
          {"families", arrayOf(data.families)}};
}

DocumentWriter::DocumentWriter(const ExchangeData& header, Sink sink) : sink_(std::move(sink)) {
  ExchangeData head_only;
  head_only.deidentified = header.deidentified;
  head_only.has_no_referrals = documentVersion(header) == kExportVersion;
  head_only.settings = header.settings;
  head_only.counselors = header.counselors;
  head_only.forms = header.forms;
  json::object head = toJson(head_only);
  head.erase("families");
  std::string out = prettyJson(head);
  out.erase(out.size() - 2);  // "\n}": the families follow
  out += ",\n  \"families\": ";
  sink_(out);
}

void DocumentWriter::family(const FamilyData& family) {
  std::string out = families_ ? ",\n    " : "[\n    ";
  write(out, toJson(family), 2);
  ++families_;
  sink_(out);
}

void DocumentWriter::finish() {
  sink_(families_ ? "\n  ]\n}" : "[]\n}");
}

std::string documentText(const ExchangeData& data) {
  std::string out;
  DocumentWriter writer(data, [&](std::string_view piece) { out += piece; });
  for (const auto& family : data.families) writer.family(family);
  writer.finish();
  return out;
}

std::string prettyJson(const json::value& value) {
  std::string out;
  write(out, value, 0);
  return out;
}

}  // namespace securebase::exchange::detail
