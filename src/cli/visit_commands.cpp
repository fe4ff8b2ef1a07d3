// Visits: add from a JSON file, show, sign, amend, discard a draft.
#include <boost/json/serialize.hpp>
#include <iostream>

#include "commands.h"
#include "securebase/core/error.h"
#include "securebase/exchange/visit_file.h"
#include "securebase/forms/answers.h"
#include "securebase/forms/scoring.h"
#include "securebase/model/json.h"
#include "securebase/service/visits.h"
#include "securebase/store/audit_chain.h"

namespace securebase::cli {
namespace {

int visitAdd(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("from", po::value<std::string>()->required(),
                        "visit file (JSON; the shape `visit show --format json` prints)");
  auto vm = parseOptions("visit add", "--from FILE.json [--db FILE]", options, {}, args);
  if (!vm) return kOk;
  const auto path = (*vm)["from"].as<std::string>();
  const model::Visit visit = exchange::parseVisitFile(readTextFile(path), path);
  auto open = openStore(*vm);
  const auto catalog = forms::FormCatalog::loadDefault();
  // Checked here first so a wrong answer is reported with the file and set it is in.
  const forms::Form form =
      service::formFor(*open.store, catalog, visit.form_id, visit.form_version);
  for (std::size_t i = 0; i < visit.sets.size(); ++i) {
    try {
      forms::validateObservationSet(form, visit.sets[i]);
    } catch (const Error& e) {
      throwBadInput(path + ": $.observation_sets[" + std::to_string(i) + "]: " + e.what());
    }
  }
  std::cout << service::recordVisit(*open.store, catalog, visit) << "\n";
  return kOk;
}

std::string answerText(const forms::Item& item, const model::Observation* o, model::Language lang) {
  if (o == nullptr || (o->value.empty() && !o->not_observed)) return "(unanswered)";
  if (o->not_observed) return "not observed";
  if (item.scale) {
    if (auto r = o->rating())
      if (const auto* level = item.scale->level(*r))
        return std::to_string(*r) + " " + level->label.get(lang);
  }
  return o->value;
}

int visitShow(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  addFormatOption(options);
  options.add_options()("id", po::value<std::string>()->required(), "visit id");
  auto vm = parseOptions("visit show", "ID [--format table|json]", options, {"id"}, args);
  if (!vm) return kOk;
  const Format format = formatOf(*vm);
  const auto id = parseId((*vm)["id"].as<std::string>(), "visit id");
  auto open = openStore(*vm);
  const model::Visit v = open.store->visit(id);
  if (format == Format::json) {
    std::cout << boost::json::serialize(model::toJson(v)) << "\n";
    return kOk;
  }
  if (format == Format::csv) throwBadInput("visit show prints table or json");
  const auto catalog = forms::FormCatalog::loadDefault();
  const forms::Form form = service::formFor(*open.store, catalog, v.form_id, v.form_version);
  const auto family = open.store->family(v.family_id);
  std::cout << "Visit " << v.id << " — " << family.display_name << " (family " << family.id << ")\n"
            << "Date: " << v.date.iso() << "   Outcome: " << model::toString(v.outcome)
            << "   Place: " << (v.place.empty() ? "-" : v.place) << "\n"
            << "Present: " << (v.present.empty() ? "-" : v.present) << "\n"
            << "Form: " << form.id << " v" << form.version << "   Status: "
            << (v.isSigned() ? "signed by " + v.signed_by + " at " + v.signed_at : "draft") << "\n";
  // A printed signed summary carries the trail's head, so a later rewrite of the trail shows
  // against the paper (audit verify --expect-head).
  if (v.isSigned()) std::cout << "Audit chain head: " << store::auditHead(*open.db) << "\n";
  if (v.amends_visit_id) std::cout << "Amends visit " << *v.amends_visit_id << "\n";
  if (!v.amend_reason.empty()) std::cout << "Reason for the amendment: " << v.amend_reason << "\n";
  if (v.superseded_by) std::cout << "Replaced by amendment " << *v.superseded_by << "\n";
  if (v.next_planned) std::cout << "Next visit planned: " << v.next_planned->iso() << "\n";
  if (!v.notes.empty()) std::cout << "Notes: " << v.notes << "\n";
  for (const auto& set : v.sets) {
    std::cout << "\nCaregiver " << set.caregiver_id << " with child " << set.child_id << "\n";
    const auto scores = forms::scoreSections(form, set);
    for (std::size_t s = 0; s < form.sections.size(); ++s) {
      const auto& section = form.sections[s];
      std::cout << "  " << section.title.get("en");
      if (scores[s].percent)
        std::cout << "  — " << static_cast<int>(*scores[s].percent + 0.5) << "%";
      std::cout << "\n";
      for (const auto& item : section.items) {
        const auto* o = set.find(item.id);
        std::cout << "    " << item.label.get("en") << ": "
                  << answerText(item, o, model::Language::en);
        if (o && o->focus) std::cout << "  [to try]";
        if (o && !o->note.empty()) std::cout << "  — " << o->note;
        std::cout << "\n";
      }
    }
  }
  return kOk;
}

int visitSign(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("id", po::value<std::string>()->required(), "visit id");
  auto vm = parseOptions("visit sign", "ID [--as COUNSELOR]", options, {"id"}, args);
  if (!vm) return kOk;
  const auto id = parseId((*vm)["id"].as<std::string>(), "visit id");
  auto open = openStore(*vm);
  const model::Visit v = open.store->visit(id);
  const auto catalog = forms::FormCatalog::loadDefault();
  const forms::Form form = service::formFor(*open.store, catalog, v.form_id, v.form_version);
  const auto missing = service::unansweredBeforeSigning(form, v);
  open.store->signVisit(id);
  std::cout << "Audit chain head: " << store::auditHead(*open.db) << "\n";
  if (!missing.empty()) {
    std::cerr << "securebase-cli: warning: visit " << id << " was signed with " << missing.size()
              << " unanswered item" << (missing.size() == 1 ? "" : "s") << ":";
    for (const auto& item : missing) std::cerr << " " << item;
    std::cerr << "\n";
  }
  return kOk;
}

int visitAmend(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("id", po::value<std::string>()->required(), "signed visit id")(
      "reason", po::value<std::string>()->required(),
      "why the visit is corrected (required; shown in the visit history)");
  auto vm = parseOptions("visit amend", "ID --reason TEXT  (prints the id of the new draft)",
                         options, {"id"}, args);
  if (!vm) return kOk;
  const auto id = parseId((*vm)["id"].as<std::string>(), "visit id");
  auto open = openStore(*vm);
  std::cout << open.store->amendVisit(id, (*vm)["reason"].as<std::string>()) << "\n";
  return kOk;
}

int visitDiscard(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("id", po::value<std::string>()->required(), "draft visit id");
  auto vm = parseOptions("visit discard", "ID [--as COUNSELOR]", options, {"id"}, args);
  if (!vm) return kOk;
  const auto id = parseId((*vm)["id"].as<std::string>(), "visit id");
  auto open = openStore(*vm);
  open.store->discardVisit(id);
  std::cout << "Discarded draft visit " << id << "\n";
  return kOk;
}

}  // namespace

std::vector<Command> visitCommands() {
  return {
      {"visit add", "record a visit from a JSON file; prints its id", visitAdd},
      {"visit show", "one visit with every answer", visitShow},
      {"visit sign", "sign a draft visit (warns about unanswered items)", visitSign},
      {"visit amend", "start a correction of a signed visit; prints the new draft's id",
       visitAmend},
      {"visit discard", "throw away a draft made by mistake (never a signed visit)", visitDiscard}};
}

}  // namespace securebase::cli
