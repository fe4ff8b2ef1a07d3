#include "securebase/exchange/visit_file.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <set>

#include "securebase/core/error.h"
#include "securebase/core/utf8.h"

namespace securebase::exchange {
namespace json = boost::json;

namespace {

// Reads one JSON object field by field, naming the path of anything wrong.
class Reader {
 public:
  Reader(const std::string& source, std::string path, const json::value& value,
         std::set<std::string> ignored = {})
      : source_(source), path_(std::move(path)), ignored_(std::move(ignored)) {
    if (!value.is_object()) fail(path_, "expected an object");
    object_ = &value.as_object();
    for (const auto& [key, v] : *object_) {
      (void)v;
      known_.insert(std::string(key));
    }
  }

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throwBadInput(source_ + ": " + path + ": " + problem);
  }

  std::string at(std::string_view key) const { return path_ + "." + std::string(key); }

  const json::value* find(std::string_view key) {
    known_.erase(std::string(key));
    return object_->if_contains(key);
  }

  std::string text(std::string_view key, bool required, const std::string& fallback = "") {
    const auto* v = find(key);
    if (v == nullptr || v->is_null()) {
      if (required) fail(at(key), "missing");
      return fallback;
    }
    if (!v->is_string()) fail(at(key), "expected a string");
    std::string s(v->as_string());
    if (!isValidUtf8(s)) fail(at(key), "not valid UTF-8 text");
    for (char c : s)
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t')
        fail(at(key), "contains a control character");
    return s;
  }

  std::int64_t integer(std::string_view key, bool required, std::int64_t fallback = 0) {
    const auto* v = find(key);
    if (v == nullptr || v->is_null()) {
      if (required) fail(at(key), "missing");
      return fallback;
    }
    if (v->is_int64()) return v->as_int64();
    if (v->is_uint64() && v->as_uint64() <= INT64_MAX)
      return static_cast<std::int64_t>(v->as_uint64());
    fail(at(key), "expected a whole number");
  }

  bool boolean(std::string_view key) {
    const auto* v = find(key);
    if (v == nullptr || v->is_null()) return false;
    if (!v->is_bool()) fail(at(key), "expected true or false");
    return v->as_bool();
  }

  std::optional<model::Date> date(std::string_view key, bool required) {
    const std::string s = text(key, required);
    if (s.empty() && !required) return std::nullopt;
    auto d = model::Date::parse(s);
    if (!d) fail(at(key), "\"" + s + "\" is not a date like 2024-05-31");
    return d;
  }

  const json::array& array(std::string_view key) {
    static const json::array kEmpty;
    const auto* v = find(key);
    if (v == nullptr || v->is_null()) return kEmpty;
    if (!v->is_array()) fail(at(key), "expected an array");
    return v->as_array();
  }

  // Call last: any field not read and not ignored is refused (catches typos like "ratng").
  void finish() const {
    for (const auto& key : known_)
      if (!ignored_.count(key)) fail(at(key), "unknown field");
  }

 private:
  const std::string& source_;
  std::string path_;
  std::set<std::string> ignored_;
  std::set<std::string> known_;
  const json::object* object_ = nullptr;
};

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
    } else if (v->is_number()) {
      o.value = json::serialize(*v);
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
  if (!isValidUtf8(json_text)) throwBadInput(source + ": not valid UTF-8 text");
  json::value root;
  try {
    root = json::parse(json_text);
  } catch (const std::exception& e) {
    throwBadInput(source + ": not valid JSON (" + e.what() + ")");
  }
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
  v.form_version = static_cast<int>(r.integer("form_version", true));
  if (v.form_version <= 0) r.fail(r.at("form_version"), "must be a positive version");
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
