// Store::mergeFamilyInto: a family merged on the agency server, merged here the same way.
#include <boost/json.hpp>

#include "schema_sql.h"
#include "securebase/model/json.h"
#include "securebase/store/store.h"

namespace securebase::store {
namespace json = boost::json;

namespace {

std::optional<Id> familyWithUuid(Database& db, const std::string& uuid) {
  auto s = db.prepare("SELECT id FROM families WHERE uuid = ?");
  s.bind(1, uuid);
  if (!s.step()) return std::nullopt;
  return s.integer(0);
}

}  // namespace

bool Store::mergeFamilyInto(const std::string& loser_uuid, const std::string& winner_uuid,
                            const std::string& why) {
  bool merged = false;
  db_.transaction([&] {
    const auto loser = familyWithUuid(db_, loser_uuid);
    const auto winner = familyWithUuid(db_, winner_uuid);
    if (!loser || !winner || *loser == *winner) return;
    const json::object moved{
        {"from_family", loser_uuid}, {"into_family", winner_uuid}, {"why", why}};
    json::object merge_details = moved;
    merge_details["merged_family"] = model::toJson(family(*loser));
    db_.prepare(
           "INSERT INTO family_merges (loser_uuid, winner_uuid, merged_at, details) "
           "VALUES (?, ?, ?, ?)")
        .bind(1, loser_uuid)
        .bind(2, winner_uuid)
        .bind(3, nowTimestamp())
        .bind(4, json::serialize(merge_details))
        .run();
    for (const auto& [entity, table] :
         {std::pair{"caregiver", "caregivers"}, std::pair{"child", "children"},
          std::pair{"visit", "visits"}, std::pair{"goal", "goals"},
          std::pair{"referral", "referrals"}}) {
      std::vector<std::pair<Id, std::string>> records;
      auto ids = db_.prepare(std::string("SELECT id FROM ") + table + " WHERE family_id = ?");
      ids.bind(1, *loser);
      while (ids.step()) records.emplace_back(ids.integer(0), json::serialize(moved));
      db_.prepare(std::string("UPDATE ") + table + " SET family_id = ? WHERE family_id = ?")
          .bind(1, *winner)
          .bind(2, *loser)
          .run();
      auditEach(entity, "merge", records);
    }
    // The caseload's trend follows the visits that count, now all under the family kept.
    db_.exec(schema::refreshTrendSql(std::to_string(*winner)));
    db_.prepare("DELETE FROM sync_seals WHERE uuid = ?").bind(1, loser_uuid).run();
    db_.prepare("DELETE FROM families WHERE id = ?").bind(1, *loser).run();
    // An empty content hash: the family is gone on purpose (record_audit.h).
    writeAuditRow("family", *loser, "merge", json::serialize(merge_details), std::string());
    audit("family", *winner, "merge", json::serialize(moved));
    merged = true;
  });
  return merged;
}

}  // namespace securebase::store
