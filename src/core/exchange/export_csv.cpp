// CSV export: one RFC 4180 file per table, keyed by uuid, for program evaluation in a
// spreadsheet or statistics package. Columns are the JSON export's fields (nested lists become
// their own files, linked by family_uuid / visit_uuid).
#include <boost/json/serialize.hpp>

#include "record_json.h"
#include "securebase/exchange/export.h"

namespace securebase::exchange {
namespace json = boost::json;

namespace {

std::string csvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string cellText(const json::value& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return std::string(value.as_string());
  if (value.is_bool()) return value.as_bool() ? "1" : "0";
  return json::serialize(value);
}

// Columns come from a blank record of the kind, so every table has its header even when empty.
class CsvTable {
 public:
  // `parent_key` (e.g. "family_uuid") becomes the second column when given.
  explicit CsvTable(const json::object& blank, std::string parent_key = "")
      : parent_key_(std::move(parent_key)) {
    header_ = cells(blank, "");
  }

  void add(const json::object& record, const std::string& parent = "") {
    rows_.push_back(cells(record, parent));
  }

  std::string text() const {
    std::string out;
    line(out, header_);
    for (const auto& row : rows_) line(out, row);
    return out;
  }

 private:
  std::vector<std::string> cells(const json::object& record, const std::string& parent) const {
    std::vector<std::string> out;
    for (const auto& [key, value] : record) {
      if (value.is_object() || value.is_array()) continue;
      out.push_back(header_.empty() ? std::string(key) : cellText(value));
      if (out.size() == 1 && !parent_key_.empty())
        out.push_back(header_.empty() ? parent_key_ : parent);
    }
    return out;
  }
  static void line(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csvField(cells[i]);
    out += "\r\n";
  }

  std::string parent_key_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

json::object observationRow(const VisitData& v, const ObservationSetData& set,
                            const model::Observation& o) {
  return {{"visit_uuid", v.uuid},
          {"caregiver_uuid", set.caregiver_uuid},
          {"child_uuid", set.child_uuid},
          {"item_id", o.item_id},
          {"not_observed", o.not_observed},
          {"value", o.value},
          {"note", o.note},
          {"focus", o.focus}};
}

}  // namespace

std::map<std::string, std::string> toCsvFiles(const ExchangeData& data) {
  using detail::toJson;
  CsvTable counselors(toJson(CounselorData{}));
  CsvTable families(detail::familyFields(FamilyData{}));
  CsvTable caregivers(toJson(CaregiverData{}), "family_uuid");
  CsvTable children(toJson(ChildData{}), "family_uuid");
  CsvTable visits(toJson(VisitData{}), "family_uuid");
  CsvTable observations(observationRow({}, {}, {}));
  CsvTable goals(toJson(GoalData{}), "family_uuid");
  CsvTable referrals(toJson(ReferralData{}), "family_uuid");
  for (const auto& c : data.counselors) counselors.add(toJson(c));
  for (const auto& f : data.families) {
    families.add(detail::familyFields(f));
    for (const auto& c : f.caregivers) caregivers.add(toJson(c), f.uuid);
    for (const auto& c : f.children) children.add(toJson(c), f.uuid);
    for (const auto& v : f.visits) {
      visits.add(toJson(v), f.uuid);
      for (const auto& set : v.sets)
        for (const auto& o : set.observations) observations.add(observationRow(v, set, o));
    }
    for (const auto& g : f.goals) goals.add(toJson(g), f.uuid);
    for (const auto& r : f.referrals) referrals.add(toJson(r), f.uuid);
  }
  return {{"counselors.csv", counselors.text()}, {"families.csv", families.text()},
          {"caregivers.csv", caregivers.text()}, {"children.csv", children.text()},
          {"visits.csv", visits.text()},         {"observations.csv", observations.text()},
          {"goals.csv", goals.text()},           {"referrals.csv", referrals.text()}};
}

}  // namespace securebase::exchange
