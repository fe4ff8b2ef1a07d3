// Import, step 1: the shape of an export file — every field, type, vocabulary, date and uuid —
// read into ExchangeData, the head of the document and each family on its own (export_reader.cpp
// hands them over). Consistency across records is checked next (import_check.cpp).
#include <boost/json/value.hpp>
#include <memory>

#include "import_internal.h"
#include "securebase/core/error.h"
#include "securebase/exchange/export.h"
#include "securebase/exchange/export_reader.h"
#include "securebase/exchange/import.h"
#include "securebase/pdf/text_check.h"
#include "securebase/store/settings.h"
#include "securebase/store/store.h"
#include "strict_json.h"

namespace securebase::exchange {
namespace json = boost::json;

namespace {

using detail::Reader;

bool isUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

// Field readers with the checks the store makes on entry, so a file that passes here
// does not fail halfway through writing.
class Fields {
 public:
  Fields(const securebase::json::ValueReader& values, std::string path, const json::value& value)
      : source_(values.source()), r_(values, std::move(path), value) {}

  Reader& reader() { return r_; }
  [[noreturn]] void fail(std::string_view key, const std::string& problem) const {
    r_.fail(r_.at(key), problem);
  }

  // Text a person typed: printable by the handout fonts, like everything the store accepts.
  std::string text(std::string_view key, bool required) {
    std::string value = r_.text(key, required);
    if (required && value.find_first_not_of(" \t\n") == std::string::npos)
      fail(key, "must not be empty");
    pdf::checkPrintableLazy(value, [&] { return source_ + ": " + r_.at(key); });
    return value;
  }

  std::string uuid(std::string_view key) {
    std::string value = r_.text(key, true);
    if (!isUuid(value)) fail(key, "\"" + value + "\" is not a uuid like 1b4e28ba-2fa1-4d3b-…");
    return value;
  }

  std::optional<std::string> optionalUuid(std::string_view key) {
    const auto* v = r_.object().if_contains(key);
    if (v == nullptr || v->is_null()) {
      r_.find(key);
      return std::nullopt;
    }
    return uuid(key);
  }

  model::Date date(std::string_view key) { return *r_.date(key, true); }
  std::optional<model::Date> optionalDate(std::string_view key) { return r_.date(key, false); }

  int integer(std::string_view key, int low, int high) {
    const auto value = r_.integer(key, true);
    if (value < low || value > high)
      fail(key, "must be between " + std::to_string(low) + " and " + std::to_string(high));
    return static_cast<int>(value);
  }

  template <typename Enum>
  Enum word(std::string_view key, std::optional<Enum> (*parse)(std::string_view),
            const std::string& choices) {
    const std::string value = r_.text(key, true);
    const auto parsed = parse(value);
    if (!parsed) fail(key, "\"" + value + "\" is not " + choices);
    return *parsed;
  }

  template <typename T, typename Read>
  std::vector<T> list(std::string_view key, Read read) {
    std::vector<T> out;
    const auto& items = r_.array(key);
    out.reserve(items.size());
    const std::string at = r_.at(key) + "[";
    for (std::size_t i = 0; i < items.size(); ++i)
      out.push_back(read(at + std::to_string(i) + "]", items[i]));
    return out;
  }

  void finish() const { r_.finish(); }

 private:
  const std::string& source_;
  Reader r_;
};

}  // namespace

namespace detail {

class ShapeReader::Parser {
 public:
  explicit Parser(const std::string& source) : source_(source), values_(source) {}

  ExchangeData document(const json::value& root) {
    Fields f(values_, "$", root);
    header(f);
    ExchangeData data;
    data.settings = settings(f);
    data.counselors = f.list<CounselorData>(
        "counselors", [&](const std::string& p, const json::value& v) { return counselor(p, v); });
    data.forms = f.list<store::FormSnapshot>(
        "forms", [&](const std::string& p, const json::value& v) { return form(p, v); });
    data.families = f.list<FamilyData>(
        "families", [&](const std::string& p, const json::value& v) { return family(p, v); });
    f.finish();
    return data;
  }

  FamilyData family(const std::string& path, const json::value& value) {
    Fields f(values_, path, value);
    FamilyData d;
    d.uuid = f.uuid("uuid");
    d.display_name = f.text("display_name", true);
    d.language = f.word<model::Language>("language", model::parseLanguage, "en or es");
    d.status = f.word<model::FamilyStatus>("status", model::parseFamilyStatus, "active or closed");
    d.closing_reason = f.text("closing_reason", false);
    d.visit_frequency_days = f.integer("visit_frequency_days", 1, 365);
    d.counselor_uuid = f.optionalUuid("counselor_uuid");
    d.address = f.text("address", false);
    d.phone = f.text("phone", false);
    d.created_on = f.date("created_on");
    auto each = [&](auto method) {
      return [this, method](const std::string& p, const json::value& v) {
        return (this->*method)(p, v);
      };
    };
    d.caregivers = f.list<CaregiverData>("caregivers", each(&Parser::caregiver));
    d.children = f.list<ChildData>("children", each(&Parser::child));
    d.visits = f.list<VisitData>("visits", each(&Parser::visit));
    d.goals = f.list<GoalData>("goals", each(&Parser::goal));
    d.referrals = f.list<ReferralData>("referrals", each(&Parser::referral));
    f.finish();
    return d;
  }

 private:
  void header(Fields& f) {
    Reader& r = f.reader();
    const std::string format = r.text("format", true);
    if (format != kExportFormat)
      f.fail("format",
             "\"" + format + "\" is not a SecureBase export (expected \"" + kExportFormat + "\")");
    const auto version = r.integer("version", true);
    if (version > kExportVersion)
      f.fail("version", "export version " + std::to_string(version) +
                            " was made by a newer SecureBase; this version reads version " +
                            std::to_string(kExportVersion));
    if (version < kOldestExportVersion)
      f.fail("version", "export version " + std::to_string(version) + " is not supported");
    version_ = static_cast<int>(version);
    if (r.boolean("deidentified"))
      throwBadInput(source_ +
                    " is a deidentified export (names removed, dates shifted): it is for "
                    "evaluation only and cannot be imported as real records");
  }

  std::map<std::string, std::string> settings(Fields& f) {
    std::map<std::string, std::string> out;
    const auto* v = f.reader().find("settings");
    if (v == nullptr || v->is_null()) return out;
    if (!v->is_object()) f.fail("settings", "expected an object");
    Fields s(values_, f.reader().at("settings"), *v);
    // Every setting is checked by the one table (store/settings.h), imported or not: a file
    // carrying an invalid value is not a SecureBase export to trust.
    for (const auto& [key, value] : v->as_object()) {
      (void)value;
      const std::string name(key);
      if (store::findSettingSpec(name) == nullptr) s.fail(name, "unknown setting");
      out[name] = s.text(name, false);
      try {
        store::validateSetting(name, out[name]);
      } catch (const Error& e) {
        s.fail(name, e.what());
      }
    }
    return out;
  }

  CounselorData counselor(const std::string& path, const json::value& value) {
    Fields f(values_, path, value);
    CounselorData c{f.uuid("uuid"), f.text("name", true), f.text("email", false),
                    f.text("phone", false)};
    f.finish();
    return c;
  }

  store::FormSnapshot form(const std::string& path, const json::value& value) {
    Fields f(values_, path, value);
    store::FormSnapshot s;
    s.form_id = f.reader().text("form_id", true);
    s.version = f.integer("version", 1, 1000000);
    s.sha256 = f.reader().text("sha256", true);
    s.json = f.reader().text("json", true);
    f.finish();
    return s;
  }

  CaregiverData caregiver(const std::string& path, const json::value& value) {
    Fields f(values_, path, value);
    CaregiverData c{f.uuid("uuid"), f.text("name", true), f.text("relationship", false)};
    f.finish();
    return c;
  }

  ChildData child(const std::string& path, const json::value& value) {
    Fields f(values_, path, value);
    ChildData c;
    c.uuid = f.uuid("uuid");
    c.name = f.text("name", true);
    c.birth_date = f.date("birth_date");
    c.gestation_weeks = f.integer("gestation_weeks", 22, 44);
    c.sex = f.word<model::Sex>("sex", model::parseSex, "female, male or unknown");
    f.finish();
    return c;
  }

  model::Observation observation(const std::string& path, const json::value& value) {
    Fields f(values_, path, value);
    model::Observation o;
    o.item_id = f.reader().text("item_id", true);
    if (o.item_id.empty()) f.fail("item_id", "must not be empty");
    o.not_observed = f.reader().boolean("not_observed");
    const bool has_value = value.as_object().contains("value");
    if (o.not_observed && has_value) f.fail("value", "an item not observed has no value");
    if (!o.not_observed && !has_value) f.fail("value", "missing");
    if (has_value) o.value = f.text("value", false);
    o.note = f.text("note", false);
    o.focus = f.reader().boolean("focus");
    f.finish();
    return o;
  }

  ObservationSetData observationSet(const std::string& path, const json::value& value) {
    Fields f(values_, path, value);
    ObservationSetData s;
    s.caregiver_uuid = f.uuid("caregiver_uuid");
    s.child_uuid = f.uuid("child_uuid");
    s.observations = f.list<model::Observation>(
        "observations",
        [&](const std::string& p, const json::value& v) { return observation(p, v); });
    f.finish();
    return s;
  }

  VisitData visit(const std::string& path, const json::value& value) {
    Fields f(values_, path, value);
    VisitData v;
    v.uuid = f.uuid("uuid");
    v.counselor_uuid = f.optionalUuid("counselor_uuid");
    v.date = f.date("date");
    v.place = f.text("place", false);
    v.outcome = f.word<model::VisitOutcome>("outcome", model::parseVisitOutcome,
                                            "completed, missed or cancelled");
    v.present = f.text("present", false);
    v.form_id = f.reader().text("form_id", true);
    v.form_version = f.integer("form_version", 1, 1000000);
    v.status = f.word<model::VisitStatus>("status", model::parseVisitStatus, "draft or signed");
    v.notes = f.text("notes", false);
    v.next_planned = f.optionalDate("next_planned");
    v.amends_uuid = f.optionalUuid("amends_uuid");
    v.superseded_by_uuid = f.optionalUuid("superseded_by_uuid");
    if (version_ >= 2) v.amend_reason = f.text("amend_reason", false);
    v.signed_at = f.reader().text("signed_at", false);
    v.signed_by = f.text("signed_by", false);
    v.sets = f.list<ObservationSetData>(
        "observation_sets",
        [&](const std::string& p, const json::value& s) { return observationSet(p, s); });
    f.finish();
    return v;
  }

  GoalData goal(const std::string& path, const json::value& value) {
    Fields f(values_, path, value);
    GoalData g;
    g.uuid = f.uuid("uuid");
    g.text = f.text("text", true);
    g.status =
        f.word<model::GoalStatus>("status", model::parseGoalStatus, "open, achieved or dropped");
    g.set_at_visit_uuid = f.optionalUuid("set_at_visit_uuid");
    g.closed_at_visit_uuid = f.optionalUuid("closed_at_visit_uuid");
    g.created_on = f.date("created_on");
    f.finish();
    return g;
  }

  ReferralData referral(const std::string& path, const json::value& value) {
    Fields f(values_, path, value);
    ReferralData r;
    r.uuid = f.uuid("uuid");
    r.visit_uuid = f.optionalUuid("visit_uuid");
    if (version_ >= 3 && f.reader().object().contains("kind"))
      r.kind =
          f.word<model::ReferralKind>("kind", model::parseReferralKind, "referral or no_referral");
    const bool none = r.kind == model::ReferralKind::no_referral;
    r.to_whom = f.text("to_whom", !none);
    if (none && !r.to_whom.empty()) f.fail("to_whom", "must be empty on a no_referral record");
    r.reason = f.text("reason", none);
    r.status = f.word<model::ReferralStatus>("status", model::parseReferralStatus,
                                             "open, completed or declined");
    if (none && r.status != model::ReferralStatus::completed)
      f.fail("status", "must be completed on a no_referral record");
    r.created_on = f.date("created_on");
    if (version_ >= 3) {
      r.concern_item = f.reader().text("concern_item", false);
      r.recorded_by = f.text("recorded_by", false);
    }
    f.finish();
    return r;
  }

  const std::string& source_;
  securebase::json::ValueReader values_;  // one for every record, not a copy of the name each
  int version_ = kExportVersion;          // the document's, read from its head
};

ShapeReader::ShapeReader(const std::string& source)
    : source_(source), parser_(std::make_unique<Parser>(source_)) {}
ShapeReader::~ShapeReader() = default;

ExchangeData ShapeReader::document(const json::value& root) {
  return parser_->document(root);
}

FamilyData ShapeReader::family(const std::string& path, const json::value& value) {
  return parser_->family(path, value);
}

}  // namespace detail

ExchangeData parseExport(std::string_view json_text, const std::string& source) {
  ExportReader file = ExportReader::ofText(json_text, source);
  file.check();
  ExchangeData data = file.header();
  file.forEachFamily([&](FamilyData&& family) { data.families.push_back(std::move(family)); });
  return data;
}

}  // namespace securebase::exchange
