#include "server_edits.h"

#include <map>

#include "securebase/core/error.h"
#include "securebase/exchange/record_seal.h"

namespace securebase::sync::detail {
namespace {

using exchange::CaregiverData;
using exchange::ChildData;
using exchange::FamilyData;
using exchange::GoalData;
using exchange::ReferralData;
using model::Id;
using UuidTable = store::Store::UuidTable;

// What the store's edits change of each kind of record, copied from `from` to `to`; the rest
// (uuid, the day it was created, what a visit set) no edit touches.
void takeEditable(FamilyData& to, const FamilyData& from) {
  to.display_name = from.display_name;
  to.language = from.language;
  to.status = from.status;
  to.closing_reason = from.closing_reason;
  to.visit_frequency_days = from.visit_frequency_days;
  to.counselor_uuid = from.counselor_uuid;
  to.address = from.address;
  to.phone = from.phone;
}
void takeEditable(CaregiverData& to, const CaregiverData& from) {
  to.name = from.name;
  to.relationship = from.relationship;
}
void takeEditable(ChildData& to, const ChildData& from) {
  to.name = from.name;
  to.birth_date = from.birth_date;
  to.gestation_weeks = from.gestation_weeks;
  to.sex = from.sex;
}
void takeEditable(GoalData& to, const GoalData& from) {
  to.text = from.text;
  to.status = from.status;
  // Store::setGoalStatus: an open goal was closed at no visit.
  to.closed_at_visit_uuid =
      from.status == model::GoalStatus::open ? std::nullopt : from.closed_at_visit_uuid;
}
void takeEditable(ReferralData& to, const ReferralData& from) {
  // What a "no referral made" record says stays as it was recorded.
  if (to.kind == model::ReferralKind::no_referral) return;
  to.to_whom = from.to_whom;
  to.reason = from.reason;
  to.status = from.status;
}

// Whether the server's version of a record moved away from the last agreement at all: only
// then is this laptop's version worth reading.
template <typename Data>
bool movedOnServer(const Data& server, const Seals& synced) {
  const auto agreed = synced.find(server.uuid);
  return agreed != synced.end() && agreed->second != exchange::recordSeal(server);
}

// The server's version of `pulled` when it changed on the server only and an edit here makes
// it; then `pulled` becomes this laptop's version.
template <typename Data>
std::optional<Data> setAside(Data& pulled, const Data& here, const Seals& synced) {
  const auto agreed = synced.find(pulled.uuid);
  const std::string server_seal = exchange::recordSeal(pulled);
  if (agreed == synced.end() ||
      whoChanged(exchange::recordSeal(here), server_seal, agreed->second) != Changed::server)
    return std::nullopt;
  Data edited = here;
  takeEditable(edited, pulled);
  if (exchange::recordSeal(edited) != server_seal) return std::nullopt;
  Data server = pulled;
  takeEditable(pulled, here);
  return server;
}

template <typename Data>
const Data* withUuid(const std::vector<Data>& list, const std::string& uuid) {
  for (const auto& item : list)
    if (item.uuid == uuid) return &item;
  return nullptr;
}

template <typename Data>
void setAsideEach(std::vector<Data>& pulled, const std::vector<Data>& here, const Seals& synced,
                  std::vector<Data>& out) {
  for (auto& record : pulled)
    if (const Data* mine = withUuid(here, record.uuid))
      if (auto server = setAside(record, *mine, synced)) out.push_back(std::move(*server));
}

bool anyMovedOnServer(const FamilyData& f, const Seals& synced) {
  auto any = [&](const auto& list) {
    for (const auto& record : list)
      if (movedOnServer(record, synced)) return true;
    return false;
  };
  return movedOnServer(f, synced) || any(f.caregivers) || any(f.children) || any(f.goals) ||
         any(f.referrals);
}

Id requireId(store::Store& store, UuidTable table, const std::string& uuid) {
  const auto id = store.idByUuid(table, uuid);
  if (!id) throwNotFound(errorText("{1} is not on this computer", uuid));
  return *id;
}

std::optional<Id> optionalId(store::Store& store, UuidTable table,
                             const std::optional<std::string>& uuid) {
  if (!uuid) return std::nullopt;
  return requireId(store, table, *uuid);
}

void writeFamily(store::Store& store, Id family_id, const FamilyData& server) {
  model::Family f = store.family(family_id);
  f.display_name = server.display_name;
  f.language = server.language;
  f.status = server.status;
  f.closing_reason = server.closing_reason;
  f.visit_frequency_days = server.visit_frequency_days;
  f.counselor_id = optionalId(store, UuidTable::counselors, server.counselor_uuid);
  f.address = server.address;
  f.phone = server.phone;
  store.updateFamily(f);
}

void writeCaregiver(store::Store& store, Id family_id, const CaregiverData& server) {
  store.updateCaregiver({requireId(store, UuidTable::caregivers, server.uuid), server.uuid,
                         family_id, server.name, server.relationship});
}

void writeChild(store::Store& store, Id family_id, const ChildData& server) {
  store.updateChild({requireId(store, UuidTable::children, server.uuid), server.uuid, family_id,
                     server.name, server.birth_date, server.gestation_weeks, server.sex});
}

// The wording and the status are two edits here, each audited when it changes something.
void writeGoal(store::Store& store, Id family_id, const GoalData& server) {
  const Id id = requireId(store, UuidTable::goals, server.uuid);
  const auto closed_at = optionalId(store, UuidTable::visits, server.closed_at_visit_uuid);
  for (const auto& here : store.goals(family_id)) {
    if (here.id != id) continue;
    if (here.text != server.text) store.updateGoalText(id, server.text);
    if (here.status != server.status || here.closed_at_visit_id != closed_at)
      store.setGoalStatus(id, server.status, closed_at);
  }
}

void writeReferral(store::Store& store, Id family_id, const ReferralData& server) {
  const Id id = requireId(store, UuidTable::referrals, server.uuid);
  for (const auto& here : store.referrals(family_id)) {
    if (here.id != id) continue;
    if (here.to_whom != server.to_whom || here.reason != server.reason)
      store.updateReferral(id, server.to_whom, server.reason);
    if (here.status != server.status) store.setReferralStatus(id, server.status);
  }
}

}  // namespace

ServerEdits setAsideServerEdits(store::Store& store, exchange::ExchangeData& pulled,
                                const Seals& synced) {
  ServerEdits edits;
  std::optional<std::map<Id, std::string>> counselor_uuids;
  for (auto& f : pulled.families) {
    if (!anyMovedOnServer(f, synced)) continue;
    const auto family_id = store.idByUuid(UuidTable::families, f.uuid);
    if (!family_id) continue;
    if (!counselor_uuids) counselor_uuids = exchange::counselorUuids(store);
    const FamilyData here = exchange::readFamily(store, *family_id, *counselor_uuids);
    ServerEdits::Family edit;
    edit.uuid = f.uuid;
    if (auto server = setAside(f, here, synced)) {
      // The family's own fields: its people, visits, goals and referrals are set aside apart.
      edit.fields = FamilyData{};
      takeEditable(*edit.fields, *server);
      edit.fields->uuid = server->uuid;
    }
    setAsideEach(f.caregivers, here.caregivers, synced, edit.caregivers);
    setAsideEach(f.children, here.children, synced, edit.children);
    setAsideEach(f.goals, here.goals, synced, edit.goals);
    setAsideEach(f.referrals, here.referrals, synced, edit.referrals);
    if (edit.fields || !edit.caregivers.empty() || !edit.children.empty() || !edit.goals.empty() ||
        !edit.referrals.empty())
      edits.families.push_back(std::move(edit));
  }
  return edits;
}

WrittenEdits writeServerEdits(store::Store& store, const ServerEdits& edits) {
  WrittenEdits out;
  auto write = [&](const char* kind, const std::string& uuid, const auto& edit) {
    try {
      edit();
      out.written.push_back(std::string(kind) + " " + uuid);
    } catch (const Error& refusal) {
      // Each edit is its own transaction: a refused one changed nothing.
      out.refused.push_back(std::string(kind) + " " + uuid + ": " + refusal.what());
      out.refused_uuids.push_back(uuid);
    }
  };
  for (const auto& f : edits.families) {
    const Id family_id = requireId(store, UuidTable::families, f.uuid);
    if (f.fields) write("family", f.uuid, [&] { writeFamily(store, family_id, *f.fields); });
    for (const auto& c : f.caregivers)
      write("caregiver", c.uuid, [&] { writeCaregiver(store, family_id, c); });
    for (const auto& c : f.children)
      write("child", c.uuid, [&] { writeChild(store, family_id, c); });
    for (const auto& g : f.goals) write("goal", g.uuid, [&] { writeGoal(store, family_id, g); });
    for (const auto& r : f.referrals)
      write("referral", r.uuid, [&] { writeReferral(store, family_id, r); });
  }
  return out;
}

}  // namespace securebase::sync::detail
