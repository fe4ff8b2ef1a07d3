#include "record_hash.h"

#include <array>
#include <iterator>

#include "netstring.h"
#include "rows.h"
#include "securebase/core/sha256.h"
#include "securebase/store/database.h"

namespace securebase::store {
namespace {

struct RecordNames {
  const char* entity;  // as audit rows name it
  const char* table;
};
// In the order of RecordKind.
constexpr RecordNames kRecordNames[] = {{"counselor", "counselors"}, {"family", "families"},
                                        {"caregiver", "caregivers"}, {"child", "children"},
                                        {"visit", "visits"},         {"goal", "goals"},
                                        {"referral", "referrals"}};

// rows::kVisitColumns up to signed_by: the visit's columns before schema version 8.
constexpr int kVisitColumnsBeforeReason = 17;
constexpr const char* kVisitColumnsBeforeVersion8 =
    "id, uuid, family_id, counselor_id, visit_date, place, outcome, present, form_id, "
    "form_version, status, notes, next_planned, amends_visit_id, superseded_by, signed_at, "
    "signed_by";

// rows::kReferralColumns up to created_on: the referral's columns before schema version 10.
constexpr int kReferralColumnsBeforeKind = 8;
constexpr const char* kReferralColumnsBeforeVersion10 =
    "id, uuid, family_id, visit_id, to_whom, reason, status, created_on";

// Every column of the current row (or the first `count`), NULL kept apart from the empty string.
void appendColumns(std::string& out, const Statement& s, int count = -1) {
  const int end = count < 0 ? s.columnCount() : count;
  for (int i = 0; i < end; ++i) {
    if (s.isNull(i))
      out += '~';
    else
      appendNetstring(out, s.textView(i));
  }
}

std::string selectOneText(RecordKind kind) {
  switch (kind) {
    case RecordKind::counselor:
      return "SELECT id, uuid, name, email, phone FROM counselors WHERE id = ?";
    case RecordKind::family:
      return rows::select(rows::kFamilyColumns, " FROM families f WHERE f.id = ?");
    case RecordKind::caregiver:
      return rows::select(rows::kCaregiverColumns, " FROM caregivers WHERE id = ?");
    case RecordKind::child:
      return rows::select(rows::kChildColumns, " FROM children WHERE id = ?");
    case RecordKind::visit:
      return rows::select(rows::kVisitColumns, " FROM visits WHERE id = ?");
    case RecordKind::goal:
      return rows::select(rows::kGoalColumns, " FROM goals WHERE id = ?");
    case RecordKind::referral:
      return rows::select(rows::kReferralColumns, " FROM referrals WHERE id = ?");
  }
  return {};
}

// Built once: a batch hashes every record it writes.
const std::string& selectOne(RecordKind kind) {
  static const auto texts = [] {
    std::array<std::string, std::size(kRecordKinds)> all;
    for (const RecordKind k : kRecordKinds) all[static_cast<std::size_t>(k)] = selectOneText(k);
    return all;
  }();
  return texts[static_cast<std::size_t>(kind)];
}

void appendObservationSets(std::string& out, Database& db, model::Id visit_id) {
  auto sets = db.prepare(
      "SELECT id, caregiver_id, child_id FROM observation_sets WHERE visit_id = ? ORDER BY id");
  sets.bind(1, visit_id);
  auto observations = db.prepare(
      "SELECT item_id, not_observed, value, note, focus FROM observations WHERE set_id = ? "
      "ORDER BY item_id");
  while (sets.step()) {
    out += 'S';
    appendColumns(out, sets);
    observations.reset();
    observations.bind(1, sets.integer(0));
    while (observations.step()) {
      out += 'O';
      appendColumns(out, observations);
    }
  }
}

}  // namespace

std::string_view recordKindName(RecordKind kind) {
  return kRecordNames[static_cast<int>(kind)].entity;
}

const char* recordTable(RecordKind kind) {
  return kRecordNames[static_cast<int>(kind)].table;
}

std::optional<RecordKind> recordKindOfEntity(std::string_view entity) {
  if (entity == "observation") return RecordKind::visit;
  for (const RecordKind kind : kRecordKinds)
    if (recordKindName(kind) == entity) return kind;
  return std::nullopt;
}

std::optional<std::string> recordHash(Database& db, RecordKind kind, model::Id id) {
  // Migrations before version 8 hash visits (version 6 seals them) before the reason's column
  // exists: read the columns that were there.
  // Likewise referrals (version 6 seals them) before version 10 gave them a kind.
  const bool with_reason = kind != RecordKind::visit || db.schemaVersion() >= 8;
  const bool with_kind = kind != RecordKind::referral || db.schemaVersion() >= 10;
  auto row = db.prepare(
      !with_reason ? rows::select(kVisitColumnsBeforeVersion8, " FROM visits WHERE id = ?")
      : !with_kind ? rows::select(kReferralColumnsBeforeVersion10, " FROM referrals WHERE id = ?")
                   : selectOne(kind));
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  std::string message = "securebase-record-v1\n";
  appendNetstring(message, recordKindName(kind));
  if (kind == RecordKind::visit) {
    // The amendment reason (schema 8) comes last and only when there is one, so the hashes of
    // visits vouched for before it existed stay what their audit rows say.
    appendColumns(message, row, kVisitColumnsBeforeReason);
    if (const std::string reason = with_reason ? row.text(kVisitColumnsBeforeReason) : "";
        !reason.empty()) {
      message += 'R';
      appendNetstring(message, reason);
    }
    appendObservationSets(message, db, id);
  } else if (kind == RecordKind::referral) {
    // An ordinary referral hashes as before version 10; a "no referral made" record adds what
    // only it has.
    appendColumns(message, row, kReferralColumnsBeforeKind);
    if (with_kind && row.text(kReferralColumnsBeforeKind) != "referral") {
      message += 'N';
      for (int i = kReferralColumnsBeforeKind; i < row.columnCount(); ++i)
        appendNetstring(message, row.textView(i));
    }
  } else {
    appendColumns(message, row);
  }
  return sha256Hex(message);
}

}  // namespace securebase::store
