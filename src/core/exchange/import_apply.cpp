// Import, step 4: writing what the plan adds, in one transaction (import.h).
#include <array>
#include <set>
#include <string_view>
#include <unordered_map>

#include "import_internal.h"
#include "securebase/core/error.h"
#include "securebase/exchange/import.h"

namespace securebase::exchange {
namespace {

using model::Id;
using Table = store::Store::UuidTable;

class Writer {
 public:
  explicit Writer(store::Store& store) : store_(store) {}

  void head(const ExchangeData& add) {
    for (const auto& c : add.counselors)
      store_.importCounselor({0, c.uuid, c.name, c.email, c.phone});
    for (const auto& f : add.forms) store_.importFormSnapshot(f);
  }

  Id id(Table table, const std::string& uuid) {
    auto& known = known_[static_cast<std::size_t>(table)];
    if (const auto it = known.find(uuid); it != known.end()) return it->second;
    const auto found = store_.idByUuid(table, uuid);
    // The plan resolved every reference; reaching this means the database changed under it.
    if (!found) throwNotFound("record " + uuid + " is missing from this database");
    return known.emplace(uuid, *found).first->second;
  }
  std::optional<Id> id(Table table, const std::optional<std::string>& uuid) {
    return uuid ? std::optional<Id>(id(table, *uuid)) : std::nullopt;
  }

  // The family's audit rows are written together at its end (Store::batchAudit).
  void family(const FamilyData& f) {
    store_.batchAudit([&] { familyRecords(f); });
  }

 private:
  void familyRecords(const FamilyData& f) {
    Id family_id = 0;
    if (const auto existing = store_.idByUuid(Table::families, f.uuid)) {
      family_id = *existing;
    } else {
      model::Family family;
      family.uuid = f.uuid;
      family.display_name = f.display_name;
      family.language = f.language;
      family.status = f.status;
      family.closing_reason = f.closing_reason;
      family.visit_frequency_days = f.visit_frequency_days;
      family.counselor_id = id(Table::counselors, f.counselor_uuid);
      family.address = f.address;
      family.phone = f.phone;
      family.created_on = f.created_on;
      family_id = store_.importFamily(family);
    }
    for (const auto& c : f.caregivers)
      remember(Table::caregivers, c.uuid,
               store_.importCaregiver({0, c.uuid, family_id, c.name, c.relationship}));
    for (const auto& c : f.children)
      remember(Table::children, c.uuid,
               store_.importChild(
                   {0, c.uuid, family_id, c.name, c.birth_date, c.gestation_weeks, c.sex}));
    visits(f.visits, family_id);
    for (const auto& g : f.goals) {
      model::Goal goal;
      goal.uuid = g.uuid;
      goal.family_id = family_id;
      goal.text = g.text;
      goal.status = g.status;
      goal.set_at_visit_id = id(Table::visits, g.set_at_visit_uuid);
      goal.closed_at_visit_id = id(Table::visits, g.closed_at_visit_uuid);
      goal.created_on = g.created_on;
      store_.importGoal(goal);
    }
    for (const auto& r : f.referrals) {
      model::Referral referral;
      referral.uuid = r.uuid;
      referral.family_id = family_id;
      referral.visit_id = id(Table::visits, r.visit_uuid);
      referral.to_whom = r.to_whom;
      referral.reason = r.reason;
      referral.status = r.status;
      referral.created_on = r.created_on;
      referral.kind = r.kind;
      referral.concern_item = r.concern_item;
      referral.recorded_by = r.recorded_by;
      store_.importReferral(referral);
    }
  }

  // The family's visits in the plan's order (an original before its amendment), as few batches
  // as the amendments allow: one whose original is in the batch under way starts the next, as
  // it needs the original's id.
  void visits(const std::vector<VisitData>& all, Id family_id) {
    std::vector<const VisitData*> batch;
    std::set<std::string_view> in_batch;
    const auto write = [&] {
      std::vector<model::Visit> list;
      list.reserve(batch.size());
      for (const auto* d : batch) list.push_back(visit(*d, family_id));
      const auto ids = store_.importVisits(std::move(list));
      for (std::size_t i = 0; i < batch.size(); ++i)
        remember(Table::visits, batch[i]->uuid, ids[i]);
      batch.clear();
      in_batch.clear();
    };
    for (const auto& d : all) {
      if (d.amends_uuid && in_batch.count(*d.amends_uuid)) write();
      batch.push_back(&d);
      in_batch.insert(d.uuid);
    }
    if (!batch.empty()) write();
  }

  model::Visit visit(const VisitData& d, Id family_id) {
    model::Visit v;
    v.uuid = d.uuid;
    v.family_id = family_id;
    v.counselor_id = id(Table::counselors, d.counselor_uuid);
    v.date = d.date;
    v.place = d.place;
    v.outcome = d.outcome;
    v.present = d.present;
    v.form_id = d.form_id;
    v.form_version = d.form_version;
    v.status = d.status;
    v.notes = d.notes;
    v.next_planned = d.next_planned;
    v.amends_visit_id = id(Table::visits, d.amends_uuid);
    v.amend_reason = d.amend_reason.value_or("");
    v.signed_at = d.signed_at;
    v.signed_by = d.signed_by;
    for (const auto& s : d.sets) {
      model::ObservationSet set;
      set.caregiver_id = id(Table::caregivers, s.caregiver_uuid);
      set.child_id = id(Table::children, s.child_uuid);
      set.observations = s.observations;
      v.sets.push_back(std::move(set));
    }
    return v;
  }

  // The ids of records this writer added, and of those it looked up: a visit refers to its
  // counselor, its people and often another visit, and the database would be asked each time.
  // Nothing else writes while the import's transaction is open, so an id never goes stale.
  void remember(Table table, const std::string& uuid, Id id) {
    known_[static_cast<std::size_t>(table)].emplace(uuid, id);
  }

  store::Store& store_;
  std::array<std::unordered_map<std::string, Id>, 7> known_;
};

}  // namespace

namespace detail {

void refuseConflicts(const ImportPlan& plan, const ImportOptions& options) {
  if (plan.conflicts.empty() || options.skip_conflicts) return;
  const auto n = plan.conflicts.size();
  throwBadInput("import refused: " + std::to_string(n) + (n == 1 ? " conflict" : " conflicts") +
                " (first: " + plan.conflicts.front().describe() +
                "); nothing was changed — pass --skip-conflicts to add everything else");
}

void writeSettings(store::Store& store, const ImportPlan& plan, const ImportOptions& options) {
  if (options.with_clinic_settings)
    for (const auto& change : plan.clinic_settings)
      store.importClinicSetting(change.key, change.after);
}

void writeHead(store::Store& store, const ExchangeData& add) {
  Writer(store).head(add);
}

void writeFamily(store::Store& store, const FamilyData& add) {
  Writer(store).family(add);
}

}  // namespace detail

void applyImport(store::Store& store, const ImportPlan& plan, const ImportOptions& options) {
  detail::refuseConflicts(plan, options);
  store.database().bulkTransaction([&] {
    detail::writeSettings(store, plan, options);
    Writer writer(store);
    writer.head(plan.to_add);
    for (const auto& f : plan.to_add.families) writer.family(f);
  });
}

namespace {

// A setting's value as the summary shows it: quoted, or "(unset)" (translated).
ErrorText shownValue(const std::optional<std::string>& value) {
  if (value) return errorText("\"{1}\"", *value);
  return errorText("(unset)");
}

std::vector<ErrorText> settingTexts(const ImportPlan& plan, const ImportOptions& options) {
  std::vector<ErrorText> lines;
  if (options.with_clinic_settings) {
    for (const auto& change : plan.clinic_settings)
      lines.push_back(errorText("setting {1}: {2} -> {3}", change.key, shownValue(change.before),
                                shownValue(change.after)));
  } else if (!plan.clinic_settings.empty()) {
    std::string keys;
    for (const auto& change : plan.clinic_settings) keys += (keys.empty() ? "" : ", ") + change.key;
    lines.push_back(
        errorText("settings: {1} clinic setting(s) differ and were left as they are ({2}); import "
                  "--with-clinic-settings takes them",
                  plan.clinic_settings.size(), keys));
  }
  if (!plan.settings_never_imported.empty()) {
    std::string keys;
    for (const auto& key : plan.settings_never_imported) keys += (keys.empty() ? "" : ", ") + key;
    lines.push_back(
        errorText("settings: {1} not imported (personal and device settings never are)", keys));
  }
  return lines;
}

}  // namespace

std::vector<ErrorText> summaryTexts(const ImportPlan& plan, const ImportOptions& options) {
  static const std::pair<RecordType, const char*> kNames[] = {
      {RecordType::setting, errorPhrase("settings")},
      {RecordType::counselor, errorPhrase("counselors")},
      {RecordType::form, errorPhrase("forms")},
      {RecordType::family, errorPhrase("families")},
      {RecordType::caregiver, errorPhrase("caregivers")},
      {RecordType::child, errorPhrase("children")},
      {RecordType::visit, errorPhrase("visits")},
      {RecordType::goal, errorPhrase("goals")},
      {RecordType::referral, errorPhrase("referrals")}};
  std::vector<ErrorText> lines = settingTexts(plan, options);
  for (const auto& [type, name] : kNames) {
    const auto found = plan.counts.find(type);
    if (found == plan.counts.end()) continue;
    const TypeCounts& c = found->second;
    if (c.conflicts == 0)
      lines.push_back(
          errorText("{1}: {2} added, {3} already present", phrasePart(name), c.added, c.present));
    else if (c.conflicts == 1)
      lines.push_back(errorText("{1}: {2} added, {3} already present, 1 conflict", phrasePart(name),
                                c.added, c.present));
    else
      lines.push_back(errorText("{1}: {2} added, {3} already present, {4} conflicts",
                                phrasePart(name), c.added, c.present, c.conflicts));
  }
  return lines;
}

std::vector<std::string> summaryLines(const ImportPlan& plan, const ImportOptions& options) {
  std::vector<std::string> lines;
  for (const auto& text : summaryTexts(plan, options)) lines.push_back(text.english());
  return lines;
}

}  // namespace securebase::exchange
