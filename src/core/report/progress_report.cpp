#include "securebase/report/progress_report.h"

#include <map>
#include <memory>

#include "report_parts.h"
#include "securebase/core/error.h"
#include "securebase/model/age.h"
#include "securebase/service/visits.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/settings.h"

namespace securebase::report {

namespace parts {

ShownPeriod shownPeriod(const Trends& trends) {
  ShownPeriod shown{trends.period.from, trends.period.to};
  if (!trends.visits.empty()) {
    if (!shown.from) shown.from = trends.visits.front().date;
    if (!shown.to) shown.to = trends.visits.back().date;
  }
  return shown;
}

Date ageDate(const ReportOptions& options) {
  return options.period.to ? *options.period.to : options.today;
}

std::string caregiverName(const store::FamilyRecord& record, Id caregiver_id) {
  for (const auto& c : record.caregivers)
    if (c.id == caregiver_id) return c.name;
  return "?";
}

const model::Child* findChild(const store::FamilyRecord& record, Id child_id) {
  for (const auto& c : record.children)
    if (c.id == child_id) return &c;
  return nullptr;
}

std::string childName(const store::FamilyRecord& record, Id child_id) {
  const auto* child = findChild(record, child_id);
  return child ? child->name : "?";
}

std::string pairTitle(const store::FamilyRecord& record, const PairTrend& pair,
                      const ReportText& text) {
  return text.format("pair_heading", {{"caregiver", caregiverName(record, pair.caregiver_id)},
                                      {"child", childName(record, pair.child_id)}});
}

std::string ageText(const model::Child& child, Date on, const ReportText& text,
                    const char* plain_key, const char* corrected_key) {
  const auto age = model::ageOn(child.birth_date, on);
  if (!age) return "";
  const std::string plain = model::describeAge(*age, text.language());
  const auto corrected = model::correctedAgeOn(child.birth_date, child.gestation_weeks, on);
  if (!corrected) return text.format(plain_key, {{"age", plain}, {"date", text.longDate(on)}});
  return text.format(corrected_key,
                     {{"age", plain},
                      {"date", text.longDate(on)},
                      {"corrected", model::describeAge(*corrected, text.language())}});
}

const ItemCell* firstRated(const ItemTrend& item) {
  for (const auto& cell : item.cells)
    if (cell.state == CellState::rated) return &cell;
  return nullptr;
}

bool isStrength(const ItemTrend& item) {
  if (!item.latest_rated) return false;
  return item.direction == Direction::up ||
         (item.latest_rated->fraction >= 1.0 && item.direction != Direction::down);
}

bool isGrowthArea(const ItemTrend& item) {
  if (!item.latest_rated) return false;
  return item.direction == Direction::down ||
         (item.latest_rated->fraction <= 0.0 && item.direction != Direction::up);
}

std::string noVisitsSentence(const Trends& trends, const ReportText& text, bool parent) {
  if (!trends.visits.empty()) return "";
  const bool ranged = trends.period.from || trends.period.to;
  if (!ranged) return text.get(parent ? "parent_no_visits" : "no_visits");
  const std::string from = trends.period.from ? text.longDate(*trends.period.from) : "…";
  const std::string to = trends.period.to ? text.longDate(*trends.period.to) : "…";
  return text.format(parent ? "parent_no_visits_in_period" : "no_visits_in_period",
                     {{"from", from}, {"to", to}});
}

}  // namespace parts

std::optional<Audience> parseAudience(std::string_view text) {
  if (text == "clinical") return Audience::clinical;
  if (text == "parent") return Audience::parent;
  return std::nullopt;
}

pdf::Document buildProgressReport(const ReportInput& input, const Trends& trends,
                                  const ReportText& text, const ReportOptions& options) {
  pdf::Document doc;
  const bool parent = options.audience == Audience::parent;
  doc.title = text.get(parent ? "title_parent" : "title_clinical") + " — " +
              input.record.family.display_name;
  doc.author = input.clinic_name;
  doc.paper = options.paper;
  // The clinical record is dense and read at a desk; the parent's copy keeps handout-size type.
  doc.body_size = parent ? 12 : 10;
  doc.furniture.clinic_name = input.clinic_name;
  doc.furniture.clinic_phone = input.clinic_phone;
  doc.furniture.date_text = text.longDate(options.today);
  doc.furniture.page_label = text.get("page_label");
  if (parent)
    parts::addParentBody(doc, input, trends, text, options);
  else
    parts::addClinicalBody(doc, input, trends, text, options);
  return doc;
}

FormLookup formLookupFor(store::Store& store, const forms::FormCatalog& catalog) {
  // Shared so copies of the lookup keep one cache; a form that cannot be found is remembered as
  // missing and its visits are left out of scores rather than failing the whole report.
  auto cache =
      std::make_shared<std::map<std::pair<std::string, int>, std::unique_ptr<forms::Form>>>();
  return [&store, &catalog, cache](const std::string& id, int version) -> const forms::Form* {
    auto key = std::make_pair(id, version);
    auto found = cache->find(key);
    if (found == cache->end()) {
      std::unique_ptr<forms::Form> form;
      try {
        form = std::make_unique<forms::Form>(service::formFor(store, catalog, id, version));
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::not_found) throw;
      }
      found = cache->emplace(std::move(key), std::move(form)).first;
    }
    return found->second.get();
  };
}

pdf::Document progressReport(store::Store& store, const forms::FormCatalog& catalog,
                             model::Id family_id, const ReportOptions& options) {
  if (options.period.from && options.period.to && *options.period.to < *options.period.from)
    throwBadInput(errorText("the report period starts ({1}) after it ends ({2})",
                            options.period.from->iso(), options.period.to->iso()));
  ReportInput input;
  input.record = store.loadFamily(family_id);
  if (input.record.family.counselor_id)
    for (const auto& c : store.counselors())
      if (c.id == *input.record.family.counselor_id) input.counselor_name = c.name;
  input.clinic_name = store.setting(store::setting::clinic_name).value_or("");
  input.clinic_phone = store.setting(store::setting::clinic_phone).value_or("");
  input.audit_head = store::auditHead(store.database());
  const Trends trends = computeTrends(input.record, formLookupFor(store, catalog), options.period);
  return buildProgressReport(input, trends, ReportText::loadDefault(options.language), options);
}

}  // namespace securebase::report
