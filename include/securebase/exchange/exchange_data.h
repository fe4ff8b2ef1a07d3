// Everything a SecureBase database holds about its families, as it leaves the file: records
// refer to each other by uuid (integer ids stay inside the database), so the same content reads
// the same from any database. Export reads it from a store; import parses it from a file,
// compares it with the target's own and writes what is missing.
//
// Not here: the audit trail (it belongs to the database it was written in — an import writes
// its own "import" rows), visit scores (recomputed from the observations) and window state.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "securebase/model/entities.h"
#include "securebase/store/store.h"

namespace securebase::exchange {

// Long exports and imports report after each family: `done` so far of `total` (0 when not known
// in advance, as for an import read in pieces). Returning false stops the work: Cancelled is
// thrown, an export's files are not kept and an import's transaction is undone.
using Progress = std::function<bool(std::size_t done, std::size_t total)>;
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("stopped before the end, as asked; nothing was written") {}
};

struct CounselorData {
  std::string uuid;
  std::string name;
  std::string email;
  std::string phone;
};

struct CaregiverData {
  std::string uuid;
  std::string name;
  std::string relationship;
};

struct ChildData {
  std::string uuid;
  std::string name;
  model::Date birth_date;
  int gestation_weeks = 40;
  model::Sex sex = model::Sex::unknown;
};

struct ObservationSetData {
  std::string caregiver_uuid;
  std::string child_uuid;
  std::vector<model::Observation> observations;  // by item id
};

struct VisitData {
  std::string uuid;
  std::optional<std::string> counselor_uuid;
  model::Date date;
  std::string place;
  model::VisitOutcome outcome = model::VisitOutcome::completed;
  std::string present;
  std::string form_id;
  int form_version = 0;
  model::VisitStatus status = model::VisitStatus::draft;
  std::string notes;
  std::optional<model::Date> next_planned;
  std::optional<std::string> amends_uuid;
  std::optional<std::string> superseded_by_uuid;
  // Why the amendment was made ("" on other visits). None when read from a version 1 export,
  // which did not carry it: an import then neither writes nor compares it.
  std::optional<std::string> amend_reason;
  std::string signed_at;
  std::string signed_by;
  std::vector<ObservationSetData> sets;  // by caregiver uuid, then child uuid
};

struct GoalData {
  std::string uuid;
  std::string text;
  model::GoalStatus status = model::GoalStatus::open;
  std::optional<std::string> set_at_visit_uuid;
  std::optional<std::string> closed_at_visit_uuid;
  model::Date created_on;
};

struct ReferralData {
  std::string uuid;
  std::optional<std::string> visit_uuid;
  std::string to_whom;
  std::string reason;
  model::ReferralStatus status = model::ReferralStatus::open;
  model::Date created_on;
  // "No referral made" records (export version 3). The document carries these three keys only on
  // such records, so a file without one stays version 2, readable by older imports.
  model::ReferralKind kind = model::ReferralKind::referral;
  std::string concern_item;
  std::string recorded_by;
};

struct FamilyData {
  std::string uuid;
  std::string display_name;
  model::Language language = model::Language::en;
  model::FamilyStatus status = model::FamilyStatus::active;
  std::string closing_reason;
  int visit_frequency_days = 14;
  std::optional<std::string> counselor_uuid;
  std::string address;
  std::string phone;
  model::Date created_on;
  std::vector<CaregiverData> caregivers;  // by uuid
  std::vector<ChildData> children;        // by uuid
  std::vector<VisitData> visits;          // by date, then uuid
  std::vector<GoalData> goals;            // by creation date, then uuid
  std::vector<ReferralData> referrals;    // by creation date, then uuid
};

struct ExchangeData {
  // Names, contact details and free text removed, dates shifted: for evaluation, never import.
  bool deidentified = false;
  // Some family holds a "no referral made" record: the document needs export version 3. Set by
  // readHeader (families are read after the head is written); a whole document also looks itself.
  bool has_no_referrals = false;
  std::map<std::string, std::string> settings;
  std::vector<CounselorData> counselors;   // by uuid
  std::vector<store::FormSnapshot> forms;  // by form id, then version
  std::vector<FamilyData> families;        // by uuid
};

// Reads the whole database, sorted as above.
ExchangeData readDatabase(store::Store& store);

// The same in parts, for export one family at a time: settings, counselors and forms (no
// families); one family by its id, sorted; the counselors' uuids by id, which readFamily needs.
ExchangeData readHeader(store::Store& store);
std::map<model::Id, std::string> counselorUuids(store::Store& store);
FamilyData readFamily(store::Store& store, model::Id family_id,
                      const std::map<model::Id, std::string>& counselor_uuids);

// The export version a document holding `data` is written as: the oldest that carries it all.
int documentVersion(const ExchangeData& data);

// Puts every list in the order above (export, deidentification and parsing all end with it).
void sortCanonically(ExchangeData& data);
// The same for one family's lists.
void sortFamily(FamilyData& family);

}  // namespace securebase::exchange
