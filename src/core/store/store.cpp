// Store basics: the audit writer, entry checks, settings and counselors.
#include "securebase/store/store.h"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <ctime>

#include "record_hash.h"
#include "record_seals.h"
#include "rows.h"
#include "securebase/core/error.h"
#include "securebase/core/utf8.h"
#include "securebase/core/uuid.h"
#include "securebase/model/json.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/settings.h"
#include "securebase/store/text_limits.h"

namespace securebase::store {
namespace json = boost::json;

std::string nowTimestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

Store::Store(Database& db, std::string counselor) : db_(db) {
  setCounselor(std::move(counselor));
}

void Store::setCounselor(std::string counselor) {
  counselor_ = std::move(counselor);
  actor_ = counselor_.empty() ? "(no counselor)" : counselor_;
}

void Store::audit(std::string_view entity, std::optional<Id> entity_id, std::string_view action,
                  const std::string& details) {
  const auto kind = recordKindOfEntity(entity);
  if (generating_) {
    // Vouched for together, by the sample family's one "generate" row (auditGenerated).
    if (kind && entity_id) generated_.emplace_back(*kind, *entity_id);
    return;
  }
  std::optional<std::string> content_hash;
  if (kind && entity_id) content_hash = recordHash(db_, *kind, *entity_id);
  writeAuditRow(entity, entity_id, action, details, std::move(content_hash));
}

void Store::auditGenerated(std::string_view entity, Id entity_id, const std::string& details) {
  if (const auto kind = recordKindOfEntity(entity)) generated_.emplace_back(*kind, entity_id);
  sealRecords(db_,
              {0, {}, nowTimestamp(), actor_, std::string(entity), entity_id, "generate", details},
              generated_);
  generated_.clear();
}

AuditRowContent Store::auditRow(std::string_view entity, std::optional<Id> entity_id,
                                std::string_view action, const std::string& details) {
  AuditRowContent row{
      0, {}, nowTimestamp(), actor_, std::string(entity), entity_id, std::string(action), details};
  if (holding_audit_ && !held_audit_rows_.empty()) {
    row.counselor_id = held_audit_rows_.back().counselor_id;  // nobody else starts work inside
  } else if (!counselor_.empty()) {
    if (const auto c = findCounselorByName(counselor_)) row.counselor_id = c->id;
  }
  if (!os_user_.empty()) row.os_user = os_user_;
  return row;
}

void Store::appendOrHold(std::vector<AuditRowContent> rows) {
  if (!holding_audit_) {
    appendAuditRows(db_, rows);
    return;
  }
  held_audit_rows_.insert(held_audit_rows_.end(), std::make_move_iterator(rows.begin()),
                          std::make_move_iterator(rows.end()));
}

void Store::batchAudit(const std::function<void()>& work) {
  if (holding_audit_) {
    work();
    return;
  }
  db_.transaction([&] {
    holding_audit_ = true;
    try {
      work();
    } catch (...) {
      holding_audit_ = false;
      held_audit_rows_.clear();
      throw;
    }
    holding_audit_ = false;
    std::vector<AuditRowContent> rows;
    rows.swap(held_audit_rows_);
    appendAuditRows(db_, rows);
  });
}

void Store::writeAuditRow(std::string_view entity, std::optional<Id> entity_id,
                          std::string_view action, const std::string& details,
                          std::optional<std::string> content_hash) {
  std::vector<AuditRowContent> rows{auditRow(entity, entity_id, action, details)};
  rows.front().content_hash = std::move(content_hash);
  appendOrHold(std::move(rows));
}

void Store::auditEach(std::string_view entity, std::string_view action,
                      const std::vector<std::pair<Id, std::string>>& records) {
  if (records.empty()) return;
  const auto kind = recordKindOfEntity(entity);
  if (generating_) {
    if (kind)
      for (const auto& record : records) generated_.emplace_back(*kind, record.first);
    return;
  }
  const AuditRowContent common = auditRow(entity, std::nullopt, action, std::string());
  std::vector<AuditRowContent> rows;
  rows.reserve(records.size());
  for (const auto& [id, details] : records) {
    AuditRowContent& row = rows.emplace_back(common);
    row.entity_id = id;
    row.details = details;
    if (kind) row.content_hash = recordHash(db_, *kind, id);
  }
  appendOrHold(std::move(rows));
}

void Store::checkText(const std::string& text, std::string_view what, bool required) {
  requireWithinLimit(text, what);
  requireText(text, what);
  if (required && text.find_first_not_of(" \t\n") == std::string::npos)
    // TRANSLATORS: {1} the field ("family name").
    throwBadInput(errorText("{1} must not be empty", phrasePart(what)));
  if (text_check_) text_check_(text, what);
}

// --- settings ------------------------------------------------------------------------------

const std::vector<std::string>& Store::settingKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> list;
    for (const auto& spec : settingSpecs()) list.emplace_back(spec.key);
    return list;
  }();
  return keys;
}

std::optional<std::string> Store::setting(const std::string& key) {
  auto s = db_.prepare("SELECT value FROM settings WHERE key = ?");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::map<std::string, std::string> Store::settings() {
  std::map<std::string, std::string> all;
  auto s = db_.prepare("SELECT key, value FROM settings ORDER BY key");
  while (s.step()) all[s.text(0)] = s.text(1);
  return all;
}

void Store::setSetting(const std::string& key, const std::string& value) {
  validateSetting(key, value);
  checkText(value, "setting " + key, false);
  db_.transaction([&] {
    const auto old = setting(key);
    db_.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)")
        .bind(1, key)
        .bind(2, value)
        .run();
    json::object details{{key, json::array{old ? json::value(*old) : json::value(), value}}};
    audit("settings", std::nullopt, "set", json::serialize(details));
  });
}

// --- counselors ----------------------------------------------------------------------------

Id Store::addCounselor(model::Counselor c) {
  checkText(c.name, errorPhrase("counselor name"), true);
  checkText(c.email, errorPhrase("counselor email"), false);
  checkText(c.phone, errorPhrase("counselor phone"), false);
  if (c.uuid.empty()) c.uuid = newUuid();
  db_.transaction([&] {
    db_.prepare("INSERT INTO counselors (uuid, name, email, phone) VALUES (?, ?, ?, ?)")
        .bind(1, c.uuid)
        .bind(2, c.name)
        .bind(3, c.email)
        .bind(4, c.phone)
        .run();
    c.id = db_.lastInsertId();
    audit("counselor", c.id, "create", json::serialize(model::toJson(c)));
  });
  return c.id;
}

std::vector<model::Counselor> Store::counselors() {
  std::vector<model::Counselor> list;
  auto s = db_.prepare("SELECT id, uuid, name, email, phone FROM counselors ORDER BY name, id");
  while (s.step()) list.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4)});
  return list;
}

std::optional<model::Counselor> Store::findCounselorByName(const std::string& name) {
  auto s = db_.prepare("SELECT id, uuid, name, email, phone FROM counselors WHERE name = ?");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return model::Counselor{s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4)};
}

model::Counselor Store::requireWorkingCounselor() {
  if (counselor_.empty())
    throwBadInput(
        errorText("nobody is named as the counselor at work: choose one (securebase-cli --as "
                  "NAME, or the personal setting counselor.name)"));

  if (auto found = findCounselorByName(counselor_)) return *found;
  model::Counselor c;
  c.name = counselor_;
  c.id = addCounselor(c);
  return *findCounselorByName(counselor_);
}

// --- audit trail ---------------------------------------------------------------------------

std::vector<AuditEntry> Store::auditTrail(std::optional<std::string> entity,
                                          std::optional<Id> entity_id) {
  auto s = db_.prepare(
      "SELECT id, at, actor, entity, entity_id, action, details FROM audit_log "
      "WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_id = ?2) ORDER BY id");
  s.bind(1, entity).bind(2, entity_id);
  std::vector<AuditEntry> list;
  while (s.step())
    list.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.optionalInteger(4), s.text(5),
                    s.text(6)});
  return list;
}

}  // namespace securebase::store
