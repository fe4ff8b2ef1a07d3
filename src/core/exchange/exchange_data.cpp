// Reads a whole database as uuid-linked records (exchange_data.h).
#include "securebase/exchange/exchange_data.h"

#include <algorithm>
#include <tuple>

#include "securebase/exchange/export.h"
#include "securebase/store/settings.h"

namespace securebase::exchange {
namespace {

using model::Id;
using UuidMap = std::map<Id, std::string>;

std::optional<std::string> uuidOf(const UuidMap& uuids, const std::optional<Id>& id) {
  if (!id) return std::nullopt;
  const auto found = uuids.find(*id);
  return found == uuids.end() ? std::nullopt : std::optional<std::string>(found->second);
}

struct FamilyUuids {
  UuidMap caregivers, children, visits;
};

VisitData visitData(const model::Visit& v, const UuidMap& counselors, const FamilyUuids& uuids) {
  VisitData d;
  d.uuid = v.uuid;
  d.counselor_uuid = uuidOf(counselors, v.counselor_id);
  d.date = v.date;
  d.place = v.place;
  d.outcome = v.outcome;
  d.present = v.present;
  d.form_id = v.form_id;
  d.form_version = v.form_version;
  d.status = v.status;
  d.notes = v.notes;
  d.next_planned = v.next_planned;
  d.amends_uuid = uuidOf(uuids.visits, v.amends_visit_id);
  d.superseded_by_uuid = uuidOf(uuids.visits, v.superseded_by);
  d.amend_reason = v.amend_reason;
  d.signed_at = v.signed_at;
  d.signed_by = v.signed_by;
  for (const auto& set : v.sets)
    d.sets.push_back(
        {uuids.caregivers.at(set.caregiver_id), uuids.children.at(set.child_id), set.observations});
  return d;
}

FamilyData familyData(const store::FamilyRecord& record, const UuidMap& counselors) {
  const model::Family& f = record.family;
  FamilyData d;
  d.uuid = f.uuid;
  d.display_name = f.display_name;
  d.language = f.language;
  d.status = f.status;
  d.closing_reason = f.closing_reason;
  d.visit_frequency_days = f.visit_frequency_days;
  d.counselor_uuid = uuidOf(counselors, f.counselor_id);
  d.address = f.address;
  d.phone = f.phone;
  d.created_on = f.created_on;
  FamilyUuids uuids;
  for (const auto& c : record.caregivers) {
    uuids.caregivers[c.id] = c.uuid;
    d.caregivers.push_back({c.uuid, c.name, c.relationship});
  }
  for (const auto& c : record.children) {
    uuids.children[c.id] = c.uuid;
    d.children.push_back({c.uuid, c.name, c.birth_date, c.gestation_weeks, c.sex});
  }
  for (const auto& v : record.visits) uuids.visits[v.id] = v.uuid;
  for (const auto& v : record.visits) d.visits.push_back(visitData(v, counselors, uuids));
  for (const auto& g : record.goals)
    d.goals.push_back({g.uuid, g.text, g.status, uuidOf(uuids.visits, g.set_at_visit_id),
                       uuidOf(uuids.visits, g.closed_at_visit_id), g.created_on});
  for (const auto& r : record.referrals)
    d.referrals.push_back({r.uuid, uuidOf(uuids.visits, r.visit_id), r.to_whom, r.reason, r.status,
                           r.created_on, r.kind, r.concern_item, r.recorded_by});
  return d;
}

template <typename T, typename Key>
void sortBy(std::vector<T>& list, Key key) {
  std::sort(list.begin(), list.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
}

}  // namespace

std::map<Id, std::string> counselorUuids(store::Store& store) {
  UuidMap uuids;
  for (const auto& c : store.counselors()) uuids[c.id] = c.uuid;
  return uuids;
}

ExchangeData readHeader(store::Store& store) {
  ExchangeData data;
  // What the program keeps for itself (sync's watermark) is this computer's state, not the
  // clinic's: an export leaves it out, so two laptops that hold the same records export the same.
  for (auto& [key, value] : store.settings()) {
    const store::SettingSpec* spec = store::findSettingSpec(key);
    if (spec == nullptr || spec->in_preferences) data.settings.emplace(key, std::move(value));
  }
  for (const auto& c : store.counselors())
    data.counselors.push_back({c.uuid, c.name, c.email, c.phone});
  data.forms = store.formSnapshots();
  data.has_no_referrals = store.hasNoReferralRecords();
  sortCanonically(data);
  return data;
}

int documentVersion(const ExchangeData& data) {
  bool none = data.has_no_referrals;
  for (const auto& f : data.families)
    for (const auto& r : f.referrals) none = none || r.kind == model::ReferralKind::no_referral;
  return none ? kExportVersion : kExportVersionWithoutNoReferrals;
}

FamilyData readFamily(store::Store& store, Id family_id,
                      const std::map<Id, std::string>& counselor_uuids) {
  FamilyData family = familyData(store.loadFamily(family_id), counselor_uuids);
  sortFamily(family);
  return family;
}

ExchangeData readDatabase(store::Store& store) {
  ExchangeData data = readHeader(store);
  const auto counselor_uuids = counselorUuids(store);
  for (const auto& summary : store.listFamilies())
    data.families.push_back(readFamily(store, summary.family.id, counselor_uuids));
  sortCanonically(data);
  return data;
}

void sortFamily(FamilyData& f) {
  sortBy(f.caregivers, [](const auto& c) { return c.uuid; });
  sortBy(f.children, [](const auto& c) { return c.uuid; });
  sortBy(f.visits, [](const auto& v) { return std::tie(v.date, v.uuid); });
  for (auto& v : f.visits) {
    sortBy(v.sets, [](const auto& s) { return std::tie(s.caregiver_uuid, s.child_uuid); });
    for (auto& s : v.sets) sortBy(s.observations, [](const auto& o) { return o.item_id; });
  }
  sortBy(f.goals, [](const auto& g) { return std::tie(g.created_on, g.uuid); });
  sortBy(f.referrals, [](const auto& r) { return std::tie(r.created_on, r.uuid); });
}

void sortCanonically(ExchangeData& data) {
  sortBy(data.counselors, [](const auto& c) { return c.uuid; });
  sortBy(data.forms, [](const auto& f) { return std::tie(f.form_id, f.version); });
  sortBy(data.families, [](const auto& f) { return f.uuid; });
  for (auto& f : data.families) sortFamily(f);
}

}  // namespace securebase::exchange
