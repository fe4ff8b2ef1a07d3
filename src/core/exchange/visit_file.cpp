#include "securebase/exchange/visit_file.h"

#include <boost/json/value.hpp>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>

#include "securebase/core/error.h"
#include "strict_json.h"

namespace securebase::exchange {
namespace json = boost::json;

namespace {

using detail::Reader;

// A number answer as a person writes it: "6.5", not Boost's "6.5E0".
std::string numberText(const json::value& number) {
  if (number.is_int64()) return std::to_string(number.as_int64());
  if (number.is_uint64()) return std::to_string(number.as_uint64());
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number.as_double());
  return std::string(buffer, result.ptr);
}

model::Observation readObservation(const std::string& source, const std::string& path,
                                   const json::value& value) {
  Reader r(source, path, value);
  model::Observation o;
  o.item_id = r.text("item_id", true);
  if (o.item_id.empty()) r.fail(r.at("item_id"), "must not be empty");
  o.not_observed = r.boolean("not_observed");
  const bool has_rating = value.as_object().contains("rating");
  const bool has_value = value.as_object().contains("value");
  if (int(has_rating) + int(has_value) + int(o.not_observed) > 1)
    r.fail(path, "give only one of rating, value or not_observed");
  if (has_rating) o.value = std::to_string(r.integer("rating", true));
  if (has_value) {
    const auto* v = r.find("value");
    if (v->is_string()) {
      o.value = r.text("value", true);
    } else if (v->is_double() && !std::isfinite(v->as_double())) {
      // Boost reads 1e999 as infinity, which would be stored as the answer "inf".
      r.fail(r.at("value"), "the number is too large");
    } else if (v->is_number()) {
      o.value = numberText(*v);
    } else {
      r.fail(r.at("value"), "expected a string or a number");
    }
  }
  o.note = r.text("note", false);
  o.focus = r.boolean("focus");
  r.finish();
  return o;
}

}  // namespace

model::Visit parseVisitFile(std::string_view json_text, const std::string& source) {
  const json::value root = detail::parseStrictJson(json_text, source, "the visit");
  Reader r(source, "$", root,
           {"id", "uuid", "status", "signed_at", "signed_by", "amends_visit_id", "superseded_by"});
  model::Visit v;
  v.family_id = r.integer("family_id", true);
  if (v.family_id <= 0) r.fail(r.at("family_id"), "must be a positive id");
  if (const auto counselor = r.integer("counselor_id", false, 0); counselor > 0)
    v.counselor_id = counselor;
  v.date = *r.date("date", true);
  const std::string outcome = r.text("outcome", false, "completed");
  const auto parsed = model::parseVisitOutcome(outcome);
  if (!parsed) r.fail(r.at("outcome"), "\"" + outcome + "\" is not completed, missed or cancelled");
  v.outcome = *parsed;
  v.place = r.text("place", false);
  v.present = r.text("present", false);
  v.form_id = r.text("form_id", true);
  // Range-checked before narrowing: 4294967297 must not quietly become version 1.
  const auto form_version = r.integer("form_version", true);
  if (form_version <= 0 || form_version > std::numeric_limits<int>::max())
    r.fail(r.at("form_version"), "must be a positive version");
  v.form_version = static_cast<int>(form_version);
  v.notes = r.text("notes", false);
  v.next_planned = r.date("next_planned", false);
  const auto& sets = r.array("observation_sets");
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const std::string path = "$.observation_sets[" + std::to_string(i) + "]";
    Reader sr(source, path, sets[i], {"id"});
    model::ObservationSet set;
    set.caregiver_id = sr.integer("caregiver_id", true);
    set.child_id = sr.integer("child_id", true);
    const auto& observations = sr.array("observations");
    std::set<std::string> seen;
    for (std::size_t k = 0; k < observations.size(); ++k) {
      const std::string opath = path + ".observations[" + std::to_string(k) + "]";
      auto o = readObservation(source, opath, observations[k]);
      if (!seen.insert(o.item_id).second)
        sr.fail(opath, "item \"" + o.item_id + "\" is answered twice");
      set.observations.push_back(std::move(o));
    }
    sr.finish();
    v.sets.push_back(std::move(set));
  }
  r.finish();
  return v;
}

}  // namespace securebase::exchange
