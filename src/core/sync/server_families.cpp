#include "server_families.h"

#include <algorithm>

#include "securebase/core/error.h"
#include "server_text.h"

namespace securebase::sync::detail {
namespace {

using exchange::FamilyData;
using exchange::VisitData;
using server::Result;

// `what` is an errorPhrase.
[[noreturn]] void unreadable(const char* what, const std::string& value) {
  throwDatabase(
      errorText("the server holds {1} \"{2}\", which this program cannot read; nothing "
                "was pulled",
                phrasePart(what), value));
}

template <typename T, typename Parse>
T parsed(const Result& rows, int row, int column, const char* what, Parse parse) {
  const std::string text = rows.text(row, column);
  const auto value = parse(text);
  if (!value) unreadable(what, text);
  return *value;
}

model::Date dateAt(const Result& rows, int row, int column) {
  return parsed<model::Date>(rows, row, column, errorPhrase("the date"),
                             [](const std::string& t) { return model::Date::parse(t); });
}

std::optional<model::Date> optionalDateAt(const Result& rows, int row, int column) {
  if (rows.isNull(row, column)) return std::nullopt;
  return dateAt(rows, row, column);
}

int numberAt(const Result& rows, int row, int column) {
  return std::stoi(rows.text(row, column));
}

class Reader {
 public:
  Reader(server::Connection& db, long long after) : db_(db), after_(std::to_string(after)) {}

  ServerRead read() {
    auto changed = db_.exec(
        "SELECT family_uuid, max(change_number) FROM ("
        " SELECT uuid AS family_uuid, change_number FROM securebase.families"
        " WHERE change_number > $1"
        " UNION ALL SELECT family_uuid, change_number FROM securebase.assignments"
        " WHERE change_number > $1"
        " UNION ALL SELECT family_uuid, change_number FROM securebase.people"
        " WHERE change_number > $1"
        " UNION ALL SELECT family_uuid, change_number FROM securebase.visits"
        " WHERE change_number > $1"
        " UNION ALL SELECT v.family_uuid, s.change_number FROM securebase.signatures s"
        " JOIN securebase.visits v ON v.uuid = s.visit_uuid WHERE s.change_number > $1"
        " UNION ALL SELECT family_uuid, change_number FROM securebase.goals"
        " WHERE change_number > $1"
        " UNION ALL SELECT family_uuid, change_number FROM securebase.referrals"
        " WHERE change_number > $1"
        // A merge brings the family kept again, whole, with what it took in.
        " UNION ALL SELECT winner_uuid, change_number FROM securebase.family_merges"
        " WHERE change_number > $1"
        ") AS changed GROUP BY family_uuid",
        {after_});
    std::vector<std::string> uuids;
    for (int i = 0; i < changed.rows(); ++i) {
      uuids.push_back(changed.text(i, 0));
      noteChange(changed.text(i, 1));
    }
    families_ = arrayLiteral(uuids);
    readFamilies();
    readPeople();
    readVisits();
    linkAmendments();
    readObservations();
    readGoals();
    readReferrals();
    readCounselors();
    readForms();
    for (auto& [uuid, family] : by_uuid_) out_.data.families.push_back(std::move(family));
    exchange::sortCanonically(out_.data);
    return std::move(out_);
  }

 private:
  void noteChange(const std::string& number) {
    out_.highest_change = std::max(out_.highest_change, std::stoll(number));
  }

  Result inFamilies(const std::string& sql) { return db_.exec(sql, {families_}); }

  FamilyData& family(const std::string& uuid) {
    const auto found = by_uuid_.find(uuid);
    if (found == by_uuid_.end()) unreadable(errorPhrase("a record of family"), uuid);
    return found->second;
  }

  void readFamilies() {
    auto rows = inFamilies(
        "SELECT uuid, display_name, language, status, closing_reason, visit_frequency_days, "
        "counselor_uuid, address, phone, created_on FROM securebase.families "
        "WHERE uuid = ANY($1::uuid[])");
    for (int i = 0; i < rows.rows(); ++i) {
      FamilyData f;
      f.uuid = rows.text(i, 0);
      f.display_name = rows.text(i, 1);
      f.language =
          parsed<model::Language>(rows, i, 2, errorPhrase("the language"), model::parseLanguage);
      f.status = parsed<model::FamilyStatus>(rows, i, 3, errorPhrase("the family status"),
                                             model::parseFamilyStatus);
      f.closing_reason = rows.text(i, 4);
      f.visit_frequency_days = numberAt(rows, i, 5);
      f.counselor_uuid = rows.value(i, 6);
      f.address = rows.text(i, 7);
      f.phone = rows.text(i, 8);
      f.created_on = dateAt(rows, i, 9);
      by_uuid_[f.uuid] = std::move(f);
    }
  }

  void readPeople() {
    auto rows = inFamilies(
        "SELECT uuid, family_uuid, kind, name, relationship, birth_date, gestation_weeks, sex "
        "FROM securebase.people WHERE family_uuid = ANY($1::uuid[])");
    for (int i = 0; i < rows.rows(); ++i) {
      FamilyData& f = family(rows.text(i, 1));
      if (rows.text(i, 2) == "caregiver") {
        f.caregivers.push_back({rows.text(i, 0), rows.text(i, 3), rows.text(i, 4)});
        continue;
      }
      exchange::ChildData c;
      c.uuid = rows.text(i, 0);
      c.name = rows.text(i, 3);
      c.birth_date = dateAt(rows, i, 5);
      if (!rows.isNull(i, 6)) c.gestation_weeks = numberAt(rows, i, 6);
      c.sex = parsed<model::Sex>(rows, i, 7, errorPhrase("the sex"), model::parseSex);
      f.children.push_back(std::move(c));
    }
  }

  void readVisits() {
    // Signatures written before schema version 2 kept no text of their own: the instant, UTC.
    auto rows = inFamilies(
        "SELECT v.uuid, v.family_uuid, v.counselor_uuid, v.visit_date, v.place, v.outcome, "
        "v.present, v.form_id, v.form_version, v.notes, v.next_planned, v.amends_visit_uuid, "
        "v.amend_reason, s.signed_by, coalesce(nullif(s.signed_at_text, ''), "
        "to_char(s.signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')), "
        "s.content_sha256 FROM securebase.visits v "
        "JOIN securebase.signatures s ON s.visit_uuid = v.uuid "
        "WHERE v.family_uuid = ANY($1::uuid[])");
    for (int i = 0; i < rows.rows(); ++i) {
      VisitData v;
      v.uuid = rows.text(i, 0);
      v.counselor_uuid = rows.value(i, 2);
      v.date = dateAt(rows, i, 3);
      v.place = rows.text(i, 4);
      v.outcome = parsed<model::VisitOutcome>(rows, i, 5, errorPhrase("the outcome"),
                                              model::parseVisitOutcome);
      v.present = rows.text(i, 6);
      v.form_id = rows.text(i, 7);
      v.form_version = numberAt(rows, i, 8);
      v.status = model::VisitStatus::signed_off;
      v.notes = rows.text(i, 9);
      v.next_planned = optionalDateAt(rows, i, 10);
      v.amends_uuid = rows.value(i, 11);
      v.amend_reason = rows.text(i, 12);
      v.signed_by = rows.text(i, 13);
      v.signed_at = rows.text(i, 14);
      out_.seals[v.uuid] = rows.text(i, 15);
      visit_family_[v.uuid] = rows.text(i, 1);
      family(rows.text(i, 1)).visits.push_back(std::move(v));
    }
  }

  // Every visit on the server is signed, so an amendment there supersedes its original.
  void linkAmendments() {
    for (auto& [uuid, f] : by_uuid_)
      for (const auto& amendment : f.visits)
        if (amendment.amends_uuid)
          for (auto& original : f.visits)
            if (original.uuid == *amendment.amends_uuid)
              original.superseded_by_uuid = amendment.uuid;
  }

  VisitData& visit(const std::string& uuid) {
    const auto found = visit_family_.find(uuid);
    if (found == visit_family_.end()) unreadable(errorPhrase("an observation of visit"), uuid);
    for (auto& v : family(found->second).visits)
      if (v.uuid == uuid) return v;
    unreadable(errorPhrase("an observation of visit"), uuid);
  }

  void readObservations() {
    // Only signed visits: observations of a visit whose signature is not there are not part
    // of any visit yet.
    auto rows = inFamilies(
        "SELECT visit_uuid, caregiver_uuid, child_uuid, item_id, not_observed, value, note, "
        "focus FROM securebase.signed_observations($1::uuid[])");
    VisitData* current = nullptr;
    for (int i = 0; i < rows.rows(); ++i) {
      if (current == nullptr || current->uuid != rows.text(i, 0)) current = &visit(rows.text(i, 0));
      const std::string caregiver = rows.text(i, 1), child = rows.text(i, 2);
      if (current->sets.empty() || current->sets.back().caregiver_uuid != caregiver ||
          current->sets.back().child_uuid != child)
        current->sets.push_back({caregiver, child, {}});
      current->sets.back().observations.push_back({rows.text(i, 3), rows.text(i, 4) == "t",
                                                   rows.text(i, 5), rows.text(i, 6),
                                                   rows.text(i, 7) == "t"});
    }
  }

  void readGoals() {
    auto rows = inFamilies(
        "SELECT uuid, family_uuid, text, status, set_at_visit_uuid, closed_at_visit_uuid, "
        "created_on FROM securebase.goals WHERE family_uuid = ANY($1::uuid[])");
    for (int i = 0; i < rows.rows(); ++i)
      family(rows.text(i, 1))
          .goals.push_back({rows.text(i, 0), rows.text(i, 2),
                            parsed<model::GoalStatus>(rows, i, 3, errorPhrase("the goal status"),
                                                      model::parseGoalStatus),
                            rows.value(i, 4), rows.value(i, 5), dateAt(rows, i, 6)});
  }

  void readReferrals() {
    auto rows = inFamilies(
        "SELECT uuid, family_uuid, visit_uuid, to_whom, reason, status, created_on, kind, "
        "concern_item, recorded_by FROM securebase.referrals WHERE family_uuid = ANY($1::uuid[])");
    for (int i = 0; i < rows.rows(); ++i)
      family(rows.text(i, 1))
          .referrals.push_back(
              {rows.text(i, 0), rows.value(i, 2), rows.text(i, 3), rows.text(i, 4),
               parsed<model::ReferralStatus>(rows, i, 5, errorPhrase("the referral status"),
                                             model::parseReferralStatus),
               dateAt(rows, i, 6),
               parsed<model::ReferralKind>(rows, i, 7, errorPhrase("the referral kind"),
                                           model::parseReferralKind),
               rows.text(i, 8), rows.text(i, 9)});
  }

  void readCounselors() {
    auto rows = db_.exec(
        "SELECT uuid, name, email, phone, change_number FROM securebase.counselors "
        "WHERE (login IS NULL AND change_number > $1) "
        "OR uuid IN (SELECT counselor_uuid FROM securebase.families "
        "WHERE uuid = ANY($2::uuid[])) "
        "OR uuid IN (SELECT counselor_uuid FROM securebase.visits "
        "WHERE family_uuid = ANY($2::uuid[]))",
        {after_, families_});
    for (int i = 0; i < rows.rows(); ++i) {
      out_.data.counselors.push_back(
          {rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3)});
      noteChange(rows.text(i, 4));
    }
  }

  void readForms() {
    auto rows = db_.exec(
        "SELECT form_id, version, sha256, json, change_number FROM securebase.form_snapshots "
        "WHERE change_number > $1 OR (form_id, version) IN (SELECT form_id, form_version "
        "FROM securebase.visits WHERE family_uuid = ANY($2::uuid[]))",
        {after_, families_});
    for (int i = 0; i < rows.rows(); ++i) {
      out_.data.forms.push_back(
          {rows.text(i, 0), numberAt(rows, i, 1), rows.text(i, 2), rows.text(i, 3)});
      noteChange(rows.text(i, 4));
    }
  }

  server::Connection& db_;
  std::string after_;
  std::string families_;  // the changed families' uuids as an array literal
  std::map<std::string, FamilyData> by_uuid_;
  std::map<std::string, std::string> visit_family_;
  ServerRead out_;
};

}  // namespace

ServerRead readChangedFamilies(server::Connection& db, long long after) {
  return Reader(db, after).read();
}

}  // namespace securebase::sync::detail
