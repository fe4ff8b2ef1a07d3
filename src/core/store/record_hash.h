// The content hash of one record as stored: what an audit row vouches for (record_audit.h).
//
// A record is a counselor, family, caregiver, child, visit, goal or referral; a visit's content
// includes its observation sets and observations, so a changed rating or note changes the
// visit's hash. The hash is the lower-case hex SHA-256 of
//
//   "securebase-record-v1\n", a netstring of the kind ("visit"), then each stored column in a
//   fixed order as a netstring of its text (integers in decimal), or "~" for NULL; a visit then
//   adds "R" and its amendment reason when it has one (schema 8), then per observation set by
//   id, "S" and its id, caregiver and child, and per observation by item id, "O" and item_id,
//   not_observed, value, note, focus.
//
// Only what a person entered is covered: the caseload summaries that triggers and the scorer
// keep on families and visit_scores are derived and left out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "securebase/model/entities.h"

namespace securebase::store {

class Database;

enum class RecordKind : int { counselor, family, caregiver, child, visit, goal, referral };
inline constexpr RecordKind kRecordKinds[] = {
    RecordKind::counselor, RecordKind::family, RecordKind::caregiver, RecordKind::child,
    RecordKind::visit,     RecordKind::goal,   RecordKind::referral};

std::string_view recordKindName(RecordKind kind);
const char* recordTable(RecordKind kind);
// The record an audit row's entity speaks of: "observation" rows (entity_id = the visit) change
// their visit; "settings" and "form" are not records.
std::optional<RecordKind> recordKindOfEntity(std::string_view entity);

// The hash above of the record as stored now, or nullopt when there is no such record.
std::optional<std::string> recordHash(Database& db, RecordKind kind, model::Id id);

}  // namespace securebase::store
