// Plain value types for every SecureBase record (DESIGN §4). No behaviour beyond small
// look-ups: validation lives where the data enters (store, forms), persistence in store.
// Ids are the database's integer keys (0 = not stored yet); uuid is what leaves the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "securebase/model/date.h"
#include "securebase/model/enums.h"

namespace securebase::model {

using Id = std::int64_t;

struct Counselor {
  Id id = 0;
  std::string uuid;
  std::string name;
  std::string email;
  std::string phone;
};

struct Family {
  Id id = 0;
  std::string uuid;
  std::string display_name;
  Language language = Language::en;
  FamilyStatus status = FamilyStatus::active;
  std::string closing_reason;  // set when status is closed
  int visit_frequency_days = 14;
  std::optional<Id> counselor_id;
  std::string address;
  std::string phone;
  Date created_on;
};

struct Caregiver {
  Id id = 0;
  std::string uuid;
  Id family_id = 0;
  std::string name;
  std::string relationship;  // "mother", "father", "grandmother", …
};

struct Child {
  Id id = 0;
  std::string uuid;
  Id family_id = 0;
  std::string name;
  Date birth_date;
  int gestation_weeks = 40;  // weeks of gestation at birth; below 37 is preterm
  Sex sex = Sex::unknown;
};

// One recorded answer. An item with no Observation is *unanswered*; not_observed means the
// counselor looked and the situation did not arise; otherwise `value` holds the answer
// (a rating's scale value as text, "yes"/"no", a choice id, ids joined by ',', a number, text).
// The lowest rating is an answer like any other — it means "not yet seen", never "missing".
struct Observation {
  std::string item_id;
  bool not_observed = false;
  std::string value;
  std::string note;
  bool focus = false;  // the counselor picked this item for "things to try"

  // The rating as a number when value holds one (rating items only).
  std::optional<int> rating() const;
};

// What was observed for one caregiver–child pair during a visit.
struct ObservationSet {
  Id id = 0;
  Id caregiver_id = 0;
  Id child_id = 0;
  std::vector<Observation> observations;

  const Observation* find(const std::string& item_id) const;
};

struct Visit {
  Id id = 0;
  std::string uuid;
  Id family_id = 0;
  std::optional<Id> counselor_id;
  Date date;
  std::string place;
  VisitOutcome outcome = VisitOutcome::completed;
  std::string present;  // who was present, free text
  std::string form_id;
  int form_version = 0;
  VisitStatus status = VisitStatus::draft;
  std::string notes;
  std::optional<Date> next_planned;
  std::optional<Id> amends_visit_id;  // this visit is an amendment of that signed visit
  std::optional<Id> superseded_by;    // a later amendment replaces this visit for scores/counts
  std::string signed_at;              // ISO timestamp, empty while a draft
  std::string signed_by;
  std::string amend_reason;  // why an amendment was made; empty on other visits
  std::vector<ObservationSet> sets;

  bool isSigned() const { return status == VisitStatus::signed_off; }
  // Counts in scores, trends and visit totals: not replaced by an amendment.
  bool isCurrent() const { return !superseded_by.has_value(); }
};

struct Goal {
  Id id = 0;
  std::string uuid;
  Id family_id = 0;
  std::string text;
  GoalStatus status = GoalStatus::open;
  std::optional<Id> set_at_visit_id;
  std::optional<Id> closed_at_visit_id;
  Date created_on;
};

// A referral, or the record that none was made after a wellbeing concern (kind no_referral: no
// one to refer to, `reason` says why, `concern_item` names the form item marked, status completed).
struct Referral {
  Id id = 0;
  std::string uuid;
  Id family_id = 0;
  std::optional<Id> visit_id;
  std::string to_whom;
  std::string reason;
  ReferralStatus status = ReferralStatus::open;
  Date created_on;
  ReferralKind kind = ReferralKind::referral;
  std::string concern_item;  // the form item of the concern ("" when not tied to one)
  std::string recorded_by;   // the counselor at work when it was recorded ("" before schema 10)
};

}  // namespace securebase::model
