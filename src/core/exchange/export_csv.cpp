// CSV export: one RFC 4180 file per table, keyed by uuid, for program evaluation in a
// spreadsheet or statistics package. Columns are the JSON export's fields (nested lists become
// their own files, linked by family_uuid / visit_uuid). Rows go out as the families are read,
// each file through its own sink, so a whole caseload is never held.
#include <boost/json/serialize.hpp>
#include <memory>

#include "record_json.h"
#include "securebase/core/error.h"
#include "securebase/exchange/export.h"
#include "securebase/pdf/render.h"

namespace securebase::exchange {
namespace json = boost::json;

namespace {

using Sink = std::function<void(std::string_view)>;

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
// Lines are gathered into pieces of about 64 KiB before they go to the sink.
class CsvTable {
 public:
  // `parent_key` (e.g. "family_uuid") becomes the second column when given.
  CsvTable(const json::object& blank, Sink sink, std::string parent_key = "")
      : parent_key_(std::move(parent_key)), sink_(std::move(sink)) {
    header_ = cells(blank, "");
    line(header_);
  }

  void add(const json::object& record, const std::string& parent = "") {
    line(cells(record, parent));
  }

  void finish() {
    if (!pending_.empty()) sink_(pending_);
    pending_.clear();
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
  void line(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) pending_ += (i ? "," : "") + csvField(cells[i]);
    pending_ += "\r\n";
    if (pending_.size() >= 65536) finish();
  }

  std::string parent_key_;
  Sink sink_;
  std::vector<std::string> header_;
  std::string pending_;
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

// The eight tables, each writing to its file's sink.
class CsvFiles {
 public:
  explicit CsvFiles(const CsvSinks& sinks)
      : counselors_(detail::toJson(CounselorData{}), sinks.at("counselors.csv")),
        families_(detail::familyFields(FamilyData{}), sinks.at("families.csv")),
        caregivers_(detail::toJson(CaregiverData{}), sinks.at("caregivers.csv"), "family_uuid"),
        children_(detail::toJson(ChildData{}), sinks.at("children.csv"), "family_uuid"),
        visits_(detail::toJson(VisitData{}), sinks.at("visits.csv"), "family_uuid"),
        observations_(observationRow({}, {}, {}), sinks.at("observations.csv")),
        goals_(detail::toJson(GoalData{}), sinks.at("goals.csv"), "family_uuid"),
        referrals_(detail::referralWithKind(ReferralData{}), sinks.at("referrals.csv"),
                   "family_uuid") {}

  void head(const ExchangeData& data) {
    for (const auto& c : data.counselors) counselors_.add(detail::toJson(c));
  }

  void family(const FamilyData& f) {
    using detail::toJson;
    families_.add(detail::familyFields(f));
    for (const auto& c : f.caregivers) caregivers_.add(toJson(c), f.uuid);
    for (const auto& c : f.children) children_.add(toJson(c), f.uuid);
    for (const auto& v : f.visits) {
      visits_.add(toJson(v), f.uuid);
      for (const auto& set : v.sets)
        for (const auto& o : set.observations) observations_.add(observationRow(v, set, o));
    }
    for (const auto& g : f.goals) goals_.add(toJson(g), f.uuid);
    for (const auto& r : f.referrals) referrals_.add(detail::referralWithKind(r), f.uuid);
  }

  void finish() {
    for (CsvTable* table : {&counselors_, &families_, &caregivers_, &children_, &visits_,
                            &observations_, &goals_, &referrals_})
      table->finish();
  }

 private:
  CsvTable counselors_, families_, caregivers_, children_, visits_, observations_, goals_,
      referrals_;
};

// Sinks that gather each file into a string of `files`.
CsvSinks intoStrings(std::map<std::string, std::string>& files) {
  CsvSinks sinks;
  for (const auto& name : csvFileNames()) {
    std::string& text = files[name];
    sinks[name] = [&text](std::string_view piece) { text += piece; };
  }
  return sinks;
}

}  // namespace

std::vector<std::string> csvFileNames() {
  return {"counselors.csv", "families.csv",     "caregivers.csv", "children.csv",
          "visits.csv",     "observations.csv", "goals.csv",      "referrals.csv"};
}

std::map<std::string, std::string> toCsvFiles(const ExchangeData& data) {
  std::map<std::string, std::string> files;
  CsvFiles csv(intoStrings(files));
  csv.head(data);
  for (const auto& f : data.families) csv.family(f);
  csv.finish();
  return files;
}

void exportCsv(store::Store& store, const ExportOptions& options, const CsvSinks& sinks) {
  CsvFiles csv(sinks);
  detail::readForExport(
      store, options, [&](const ExchangeData& header) { csv.head(header); },
      [&](const FamilyData& family) { csv.family(family); });
  csv.finish();
}

std::map<std::string, std::string> exportCsv(store::Store& store, const ExportOptions& options) {
  std::map<std::string, std::string> files;
  exportCsv(store, options, intoStrings(files));
  return files;
}

void exportCsvFolder(store::Store& store, const ExportOptions& options,
                     const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec || !std::filesystem::is_directory(folder))
    throwOutput(errorText("cannot create the folder {1}: {2}", folder.string(),
                          ec ? ec.message() : std::string("a file has that name")));
  // Each file is opened atomically inside the previous one's writing, so all of them are kept
  // together at the end, or none.
  const auto names = csvFileNames();
  CsvSinks sinks;
  std::function<void(std::size_t)> open = [&](std::size_t i) {
    if (i == names.size()) return exportCsv(store, options, sinks);
    pdf::writeFileAtomically(folder / names[i], [&](const pdf::ByteSink& sink) {
      sinks[names[i]] = sink;
      open(i + 1);
    });
  };
  open(0);
}

}  // namespace securebase::exchange
