// Families, caregivers and children.
#include <boost/json/serialize.hpp>
#include <iostream>

#include "commands.h"
#include "fields_from_json.h"
#include "securebase/core/error.h"
#include "securebase/model/age.h"
#include "securebase/model/json.h"
#include "securebase/model/visit_due.h"
#include "securebase/service/caseload.h"

namespace securebase::cli {
namespace {

std::optional<model::Id> counselorIdByName(store::Store& store, const po::variables_map& vm) {
  if (!vm.count("counselor")) return std::nullopt;
  const auto name = vm["counselor"].as<std::string>();
  auto found = store.findCounselorByName(name);
  if (found) return found->id;
  model::Counselor counselor;
  counselor.name = name;
  return store.addCounselor(counselor);
}

int familyAdd(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("name", po::value<std::string>()->required(),
                        "how the family is shown, e.g. \"García family\"")(
      "language", po::value<std::string>()->default_value("en"), "handout language: en or es")(
      "frequency", po::value<int>()->default_value(14), "days between visits (1-365)")(
      "counselor", po::value<std::string>(), "counselor's name (added if new)")(
      "address", po::value<std::string>()->default_value(""), "address")(
      "phone", po::value<std::string>()->default_value(""), "phone")(
      "since", po::value<std::string>(),
      "the day the family joined the program, YYYY-MM-DD (default today); no visit can be dated "
      "before it");
  addFieldsFromOption(options);
  auto vm = parseOptions("family add", "--name NAME [options] | --from FILE", options, {},
                         withFieldsFromJson(args, options));
  if (!vm) return kOk;
  model::Family family;
  family.display_name = (*vm)["name"].as<std::string>();
  const auto language = model::parseLanguage((*vm)["language"].as<std::string>());
  if (!language) throwBadInput("language must be en or es");
  family.language = *language;
  family.visit_frequency_days = (*vm)["frequency"].as<int>();
  family.address = (*vm)["address"].as<std::string>();
  family.phone = (*vm)["phone"].as<std::string>();
  if (vm->count("since")) {
    const auto since = model::Date::parse((*vm)["since"].as<std::string>());
    if (!since) throwBadInput("--since must be a date written YYYY-MM-DD");
    family.created_on = *since;
  }
  auto open = openStore(*vm);
  open.db->transaction([&] {
    family.counselor_id = counselorIdByName(*open.store, *vm);
    family.id = open.store->addFamily(family);
  });
  std::cout << family.id << "\n";
  return kOk;
}

int familyList(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  addFormatOption(options);
  options.add_options()("status", po::value<std::string>()->default_value("all"),
                        "active, closed or all")(
      "search", po::value<std::string>()->default_value(""),
      "only families whose name or counselor holds every word (accents and case ignored)")(
      "counselor", po::value<std::string>(),
      "only families of this counselor (any part of the name)");
  auto vm = parseOptions("family list", "[options]", options, {}, args);
  if (!vm) return kOk;
  const Format format = formatOf(*vm);
  service::CaseloadQuery query;
  query.sort = service::CaseloadSort::name;
  query.words.search = (*vm)["search"].as<std::string>();
  if (vm->count("counselor")) query.words.counselor = (*vm)["counselor"].as<std::string>();
  const auto status = (*vm)["status"].as<std::string>();
  if (status != "all") {
    query.filter.status = model::parseFamilyStatus(status);
    if (!query.filter.status) throwBadInput("status must be active, closed or all");
  }
  auto open = openStoreToRead(*vm);
  // The draft marker is the last column: a draft in progress changes nothing before it.
  Table table{
      {"id", "name", "language", "status", "counselor", "last_visit", "next_due", "days_overdue",
       "draft"},
      {"ID", "Family", "Lang", "Status", "Counselor", "Last visit", "Next due", "Overdue", "Draft"},
      {},
      {ColumnKind::integer, ColumnKind::text, ColumnKind::text, ColumnKind::text, ColumnKind::text,
       ColumnKind::optional_text, ColumnKind::optional_text, ColumnKind::integer,
       ColumnKind::optional_text}};
  for (const auto& caseload_row : service::caseload(*open.store, query)) {
    const auto& row = caseload_row.summary;
    table.rows.push_back({std::to_string(row.family.id), row.family.display_name,
                          std::string(model::toString(row.family.language)),
                          std::string(model::toString(row.family.status)), row.counselor_name,
                          dateOrAbsent(row.last_visit), dateOrAbsent(row.next_due),
                          std::to_string(caseload_row.days_overdue), dateOrAbsent(row.draft_date)});
  }
  printTable(table, format);
  return kOk;
}

std::string childAge(const model::Child& child, model::Date today) {
  auto age = model::ageOn(child.birth_date, today);
  if (!age) return "-";
  std::string text = model::describeAge(*age, model::Language::en);
  if (auto corrected = model::correctedAgeOn(child.birth_date, child.gestation_weeks, today))
    text += " (corrected " + model::describeAge(*corrected, model::Language::en) + ")";
  return text;
}

int familyShow(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  addFormatOption(options);
  options.add_options()("id", po::value<std::string>()->required(), "family id");
  auto vm = parseOptions("family show", "ID [--format table|json]", options, {"id"}, args);
  if (!vm) return kOk;
  const Format format = formatOf(*vm);
  const auto id = parseId((*vm)["id"].as<std::string>(), "family id");
  auto open = openStoreToRead(*vm);
  const auto record = open.store->loadFamily(id);
  if (format == Format::json) {
    boost::json::object out = model::toJson(record.family);
    auto list = [](const auto& items) {
      boost::json::array array;
      for (const auto& item : items) array.push_back(model::toJson(item));
      return array;
    };
    out["caregivers"] = list(record.caregivers);
    out["children"] = list(record.children);
    out["visits"] = list(record.visits);
    out["goals"] = list(record.goals);
    out["referrals"] = list(record.referrals);
    std::cout << boost::json::serialize(out) << "\n";
    return kOk;
  }
  if (format == Format::csv) throwBadInput("family show prints table or json");
  const auto& f = record.family;
  const auto today = model::Date::today();
  std::cout << f.display_name << "  (family " << f.id << ", " << model::toString(f.status)
            << (f.closing_reason.empty() ? "" : ": " + f.closing_reason) << ")\n"
            << "Language: " << model::toString(f.language) << "   Visits every "
            << f.visit_frequency_days << " days\n";
  if (!f.address.empty() || !f.phone.empty()) std::cout << f.address << "  " << f.phone << "\n";
  std::cout << "\nCaregivers:\n";
  for (const auto& c : record.caregivers)
    std::cout << "  " << c.id << "  " << c.name << " (" << c.relationship << ")\n";
  std::cout << "Children:\n";
  for (const auto& c : record.children)
    std::cout << "  " << c.id << "  " << c.name << ", born " << c.birth_date.iso() << " at "
              << c.gestation_weeks << " weeks, " << model::toString(c.sex) << ", "
              << childAge(c, today) << "\n";
  std::cout << "Visits:\n";
  for (const auto& v : record.visits) {
    std::cout << "  " << v.id << "  " << v.date.iso() << "  " << model::toString(v.outcome) << "  "
              << (v.isSigned() ? "signed" : "draft");
    if (v.amends_visit_id) std::cout << "  (amends " << *v.amends_visit_id << ")";
    if (!v.amend_reason.empty()) std::cout << "  reason: " << v.amend_reason;
    if (v.superseded_by) std::cout << "  (replaced by " << *v.superseded_by << ")";
    std::cout << "\n";
  }
  std::cout << "Goals:\n";
  for (const auto& g : record.goals)
    std::cout << "  " << g.id << "  [" << model::toString(g.status) << "] " << g.text << "\n";
  std::cout << "Referrals:\n";
  for (const auto& r : record.referrals) {
    if (r.kind == model::ReferralKind::no_referral) {
      // Its own line: a decision that none was made, why, for which concern and by whom.
      std::cout << "  " << r.id << "  [no referral made] " << r.reason << "  ("
                << r.created_on.iso();
      if (r.visit_id) std::cout << ", visit " << *r.visit_id;
      if (!r.concern_item.empty()) std::cout << ", concern " << r.concern_item;
      if (!r.recorded_by.empty()) std::cout << ", by " << r.recorded_by;
      std::cout << ")\n";
      continue;
    }
    std::cout << "  " << r.id << "  [" << model::toString(r.status) << "] " << r.to_whom
              << (r.reason.empty() ? "" : " — " + r.reason) << "\n";
  }
  return kOk;
}

int caregiverAdd(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("family", po::value<std::string>()->required(), "family id")(
      "name", po::value<std::string>()->required(), "caregiver's name")(
      "relationship", po::value<std::string>()->default_value(""), "mother, father, grandmother…");
  addFieldsFromOption(options);
  auto vm =
      parseOptions("caregiver add", "--family ID --name NAME [--relationship R] | --from FILE",
                   options, {}, withFieldsFromJson(args, options));
  if (!vm) return kOk;
  model::Caregiver caregiver;
  caregiver.family_id = parseId((*vm)["family"].as<std::string>(), "family id");
  caregiver.name = (*vm)["name"].as<std::string>();
  caregiver.relationship = (*vm)["relationship"].as<std::string>();
  auto open = openStore(*vm);
  std::cout << open.store->addCaregiver(caregiver) << "\n";
  return kOk;
}

int childAdd(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("family", po::value<std::string>()->required(), "family id")(
      "name", po::value<std::string>()->required(), "child's name")(
      "born", po::value<std::string>()->required(), "date of birth, YYYY-MM-DD")(
      "gestation-weeks", po::value<int>()->default_value(40),
      "weeks of gestation at birth (22-44)")(
      "sex", po::value<std::string>()->default_value("unknown"), "female, male or unknown");
  addFieldsFromOption(options);
  auto vm = parseOptions("child add", "--family ID --name NAME --born DATE [options] | --from FILE",
                         options, {}, withFieldsFromJson(args, options));
  if (!vm) return kOk;
  model::Child child;
  child.family_id = parseId((*vm)["family"].as<std::string>(), "family id");
  child.name = (*vm)["name"].as<std::string>();
  child.birth_date = parseDateOption((*vm)["born"].as<std::string>(), "date of birth");
  child.gestation_weeks = (*vm)["gestation-weeks"].as<int>();
  const auto sex = model::parseSex((*vm)["sex"].as<std::string>());
  if (!sex) throwBadInput("sex must be female, male or unknown");
  child.sex = *sex;
  auto open = openStore(*vm);
  std::cout << open.store->addChild(child) << "\n";
  return kOk;
}

}  // namespace

std::vector<Command> familyCommands() {
  return {{"family add", "add a family; prints its id", familyAdd},
          {"family list", "list families with last visit and next visit due", familyList},
          {"family show", "everything recorded about one family", familyShow},
          {"caregiver add", "add a parent or other caregiver to a family", caregiverAdd},
          {"child add", "add a baby to a family", childAdd}};
}

}  // namespace securebase::cli
