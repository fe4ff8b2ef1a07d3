// Records imported from another SecureBase database (Store's exchange section): the same
// checks as entry, but uuids, dates, statuses and signatures are kept as they arrive.
#include <algorithm>
#include <array>
#include <boost/json/serialize.hpp>

#include "import_details.h"
#include "securebase/core/error.h"
#include "securebase/model/json.h"
#include "securebase/store/settings.h"
#include "securebase/store/store.h"

namespace securebase::store {
namespace json = boost::json;

namespace {

const char* tableName(Store::UuidTable table) {
  switch (table) {
    case Store::UuidTable::counselors:
      return "counselors";
    case Store::UuidTable::families:
      return "families";
    case Store::UuidTable::caregivers:
      return "caregivers";
    case Store::UuidTable::children:
      return "children";
    case Store::UuidTable::visits:
      return "visits";
    case Store::UuidTable::goals:
      return "goals";
    case Store::UuidTable::referrals:
      return "referrals";
  }
  return "families";
}

// "SELECT <column> FROM <table> WHERE uuid = ?", built once per table and column: an import
// looks up several uuids for every record it writes.
const std::string& uuidQuery(Store::UuidTable table, std::string_view column) {
  static const auto queries = [] {
    std::array<std::array<std::string, 2>, 7> all;
    for (int t = 0; t < 7; ++t) {
      const char* name = tableName(static_cast<Store::UuidTable>(t));
      all[t][0] = std::string("SELECT id FROM ") + name + " WHERE uuid = ?";
      all[t][1] = std::string("SELECT family_id FROM ") + name + " WHERE uuid = ?";
    }
    return all;
  }();
  return queries[static_cast<std::size_t>(table)][column == "id" ? 0 : 1];
}

}  // namespace

std::optional<Id> Store::idByUuid(UuidTable table, const std::string& uuid) {
  auto s = db_.prepare(uuidQuery(table, "id"));
  s.bind(1, uuid);
  if (!s.step()) return std::nullopt;
  return s.integer(0);
}

std::optional<Id> Store::familyOfUuid(UuidTable table, const std::string& uuid) {
  if (table == UuidTable::counselors) return std::nullopt;
  if (table == UuidTable::families) return idByUuid(table, uuid);
  auto s = db_.prepare(uuidQuery(table, "family_id"));
  s.bind(1, uuid);
  if (!s.step()) return std::nullopt;
  return s.integer(0);
}

std::set<Id> Store::familiesOfUuids(UuidTable table, const std::vector<std::string>& uuids) {
  std::set<Id> families;
  if (table == UuidTable::counselors) return families;
  // One statement per table with a fixed number of places; the ones left over stay NULL,
  // which matches no uuid.
  constexpr std::size_t kPlaces = 64;
  static const auto queries = [] {
    std::array<std::string, 7> all;
    for (int t = 0; t < 7; ++t) {
      const auto kind = static_cast<UuidTable>(t);
      std::string sql = std::string("SELECT ") +
                        (kind == UuidTable::families ? "id" : "family_id") + " FROM " +
                        tableName(kind) + " WHERE uuid IN (?";
      for (std::size_t i = 1; i < kPlaces; ++i) sql += ", ?";
      all[t] = sql + ")";
    }
    return all;
  }();
  for (std::size_t first = 0; first < uuids.size(); first += kPlaces) {
    auto s = db_.prepare(queries[static_cast<std::size_t>(table)]);
    const std::size_t count = std::min(kPlaces, uuids.size() - first);
    for (std::size_t i = 0; i < count; ++i) s.bind(static_cast<int>(i + 1), uuids[first + i]);
    while (s.step()) families.insert(s.integer(0));
  }
  return families;
}

std::vector<FormSnapshot> Store::formSnapshots() {
  std::vector<FormSnapshot> list;
  auto s = db_.prepare(
      "SELECT form_id, version, sha256, json FROM form_snapshots ORDER BY form_id, version");
  while (s.step())
    list.push_back({s.text(0), static_cast<int>(s.integer(1)), s.text(2), s.text(3)});
  return list;
}

void Store::importClinicSetting(const std::string& key, const std::string& value) {
  validateSetting(key, value);
  const SettingSpec* spec = findSettingSpec(key);
  // Personal and device settings belong to this database's counselor and computer.
  if (spec->scope != SettingScope::clinic)
    throwBadInput("setting " + key + " is a " + std::string(toString(spec->scope)) +
                  " setting and is never imported");
  checkText(value, "setting " + key, false);
  db_.transaction([&] {
    const auto old = setting(key);
    if (old == value) return;
    db_.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)")
        .bind(1, key)
        .bind(2, value)
        .run();
    json::object details{{key, json::array{old ? json::value(*old) : json::value(), value}}};
    audit("settings", std::nullopt, "import", json::serialize(details));
  });
}

Id Store::importCounselor(model::Counselor c) {
  requireUuid(c.uuid, "counselor");
  checkText(c.name, "counselor name", true);
  checkText(c.email, "counselor email", false);
  checkText(c.phone, "counselor phone", false);
  db_.transaction([&] {
    db_.prepare("INSERT INTO counselors (uuid, name, email, phone) VALUES (?, ?, ?, ?)")
        .bind(1, c.uuid)
        .bind(2, c.name)
        .bind(3, c.email)
        .bind(4, c.phone)
        .run();
    c.id = db_.lastInsertId();
    audit("counselor", c.id, "import", importDetails(c.uuid));
  });
  return c.id;
}

void Store::importFormSnapshot(const FormSnapshot& form) {
  db_.transaction([&] {
    if (const auto stored = formSnapshot(form.form_id, form.version)) {
      if (stored->sha256 != form.sha256)
        throwBadInput("form " + form.form_id + " version " + std::to_string(form.version) +
                      " differs from the one this database already holds");
      return;
    }
    db_.prepare(
           "INSERT INTO form_snapshots (form_id, version, sha256, json, stored_at) "
           "VALUES (?, ?, ?, ?, ?)")
        .bind(1, form.form_id)
        .bind(2, form.version)
        .bind(3, form.sha256)
        .bind(4, form.json)
        .bind(5, nowTimestamp())
        .run();
    audit("form", db_.lastInsertId(), "import",
          json::serialize(json::object{
              {"form_id", form.form_id}, {"version", form.version}, {"sha256", form.sha256}}));
  });
}

Id Store::importFamily(model::Family f) {
  requireUuid(f.uuid, "family");
  return insertFamily(std::move(f), "import");
}

Id Store::importCaregiver(model::Caregiver c) {
  requireUuid(c.uuid, "caregiver");
  return insertCaregiver(std::move(c), "import");
}

Id Store::importChild(model::Child c) {
  requireUuid(c.uuid, "child");
  return insertChild(std::move(c), "import");
}

Id Store::importGoal(model::Goal g) {
  requireUuid(g.uuid, "goal");
  return insertGoal(std::move(g), "import");
}

Id Store::importReferral(model::Referral r) {
  requireUuid(r.uuid, "referral");
  return insertReferral(std::move(r), "import");
}

}  // namespace securebase::store
