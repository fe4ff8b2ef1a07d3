#include "securebase/exchange/visit_file.h"

#include <boost/json/serialize.hpp>
#include <boost/json/stream_parser.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <set>

#include "securebase/core/error.h"
#include "securebase/core/utf8.h"
// The form loader's helpers for positions and repeated keys, so both kinds of file report
// problems the same way.
#include "../forms/duplicate_keys.h"
#include "../forms/source_position.h"

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

// Parses the whole text, naming the line and column of the first problem; a field written twice
// is refused too (Boost.JSON would silently keep the last one).
json::value parseJson(std::string_view text, const std::string& source) {
  using forms::detail::lineColumn;
  if (auto bad = forms::detail::firstInvalidUtf8(text))
    throwBadInput(source + ": " + lineColumn(text, *bad) + ": not valid UTF-8 text");
  json::stream_parser parser;
  boost::system::error_code ec;
  const std::size_t used = parser.write_some(text.data(), text.size(), ec);
  if (ec) throwBadInput(source + ": " + lineColumn(text, used) + ": not valid JSON");
  if (auto extra = text.substr(used).find_first_not_of(" \t\r\n"); extra != std::string_view::npos)
    throwBadInput(source + ": " + lineColumn(text, used + extra) +
                  ": not valid JSON (text after the end of the visit)");
  parser.finish(ec);
  if (ec)
    throwBadInput(source + ": " + lineColumn(text, text.size()) +
                  ": not valid JSON (the file ends too early)");
  if (auto duplicate = forms::detail::findDuplicateKey(text))
    throwBadInput(source + ": " + *duplicate);
  return parser.release();
}

}  // namespace

model::Visit parseVisitFile(std::string_view json_text, const std::string& source) {
  const json::value root = parseJson(json_text, source);
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
