// Store: every user action on the database, each one BEGIN IMMEDIATE transaction that also
// writes its audit row (when, who, entity, action, what changed). Callers never see SQL.
//
// Rules kept here and, where SQL can, again by triggers (schema_sql.h): a signed visit is never
// edited — a correction is an amendment that supersedes it once signed; a form snapshot, once
// stored, never changes; text is valid UTF-8 and printable by the handout fonts.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/model/entities.h"
#include "securebase/store/audit_chain.h"
#include "securebase/store/database.h"

namespace securebase::store {

using model::Id;
enum class RecordKind : int;  // src/core/store/record_hash.h

struct FormSnapshot {
  std::string form_id;
  int version = 0;
  std::string sha256;
  std::string json;
};

// One caseload row: what a list of families shows, read from the kept-at-hand summary.
struct FamilySummary {
  model::Family family;
  std::string counselor_name;
  // What counts (DESIGN §11) is signed visits only, an amendment standing in for what it
  // replaced: a draft never moves last_visit, next_due, trend_points or flagged.
  std::optional<model::Date> last_visit;  // latest completed, signed, current visit
  std::optional<model::Date> next_due;    // model::nextVisitDue
  // Overall score of the latest scored visit minus the one before, in points (needs a scorer).
  std::optional<double> trend_points;
  bool flagged = false;  // the latest scored visit raised a concern
  int open_referrals = 0;
  // The latest date of a visit still in draft (a new visit or an amendment in progress).
  std::optional<model::Date> draft_date;
  // Set when the family was reassigned away on the agency server: who holds it now. Such a
  // family is read-only here (Store::readOnlyFamily).
  std::optional<std::string> read_only_held_by;
};

// A family a sync found assigned to another counselor on the agency server: read-only here
// until a sync finds it this login's again, or until it is pruned (store schema 12).
struct ReadOnlyFamily {
  Id family_id = 0;
  std::string uuid;
  std::string display_name;
  std::string held_by;  // the counselor the server names as holding it now
  std::string since;    // when a sync first found it so (ISO-8601 UTC)
};

// What the database narrows a list to; words (names, counselors) are matched by
// service::filterCaseload, the one search rule of every front end.
struct FamilyFilter {
  std::optional<model::FamilyStatus> status;
  std::optional<model::Date> overdue_on;  // only families whose next visit is past due that day
  bool flagged_only = false;
  bool open_referral_only = false;
};

// What the caseload keeps of a scored visit: section scores and the concern flag.
struct VisitScores {
  std::optional<double> overall;  // mean of the non-private section scores; none when unscored
  bool concern = false;
  std::vector<std::pair<std::string, std::optional<double>>> sections;
};
// Scores one visit (with its observation sets) by the form it was made with.
using Scorer = std::function<VisitScores(const model::Visit& visit)>;

// A family with everything recorded about it, visits (all revisions) with their observations.
struct FamilyRecord {
  model::Family family;
  std::vector<model::Caregiver> caregivers;
  std::vector<model::Child> children;
  std::vector<model::Visit> visits;  // by date, then id
  std::vector<model::Goal> goals;
  std::vector<model::Referral> referrals;
};

struct AuditEntry {
  Id id = 0;
  std::string at;
  std::string actor;
  std::string entity;
  std::optional<Id> entity_id;
  std::string action;
  std::string details;  // JSON: the new record, or {"field": [old, new], …}
};

// Checks a piece of text a user entered before it is stored; throws securebase::Error.
using TextCheck = std::function<void(std::string_view text, std::string_view what)>;

class Store {
 public:
  // `counselor` is who is working (DESIGN §11): their name is written on every audit row and
  // on what they sign. Empty when nobody is named yet: audit rows then say "(no counselor)"
  // and signing is refused.
  Store(Database& db, std::string counselor);

  Database& database() { return db_; }
  // The name on audit rows: the counselor at work, or "(no counselor)".
  const std::string& actor() const { return actor_; }
  // The counselor at work, empty when none is named (see service/counselor.h).
  const std::string& counselorName() const { return counselor_; }
  // Who is working from now on (see the constructor).
  void setCounselor(std::string counselor);
  // The operating-system login, kept on audit rows as a second field — never as the signer.
  void setOsUser(std::string login) { os_user_ = std::move(login); }
  // Extra check for names and free text (the PDF fonts' coverage), applied on entry.
  void setTextCheck(TextCheck check) { text_check_ = std::move(check); }
  // With a scorer, every change to a visit also stores its scores in the same transaction, so
  // lists never rescore visits. `version` names the scoring rules: stored scores of another
  // version are rebuilt by rescoreOutdated().
  void setScorer(Scorer scorer, int version);
  // Rescores every visit if the database's scores were made by other rules (or none); returns
  // how many visits were rescored. Cheap when nothing is outdated.
  int rescoreOutdated();
  // Settings: the keys of settings.h, each value checked by validateSetting.
  static const std::vector<std::string>& settingKeys();
  std::optional<std::string> setting(const std::string& key);
  std::map<std::string, std::string> settings();
  void setSetting(const std::string& key, const std::string& value);

  Id addCounselor(model::Counselor counselor);
  std::vector<model::Counselor> counselors();
  std::optional<model::Counselor> findCounselorByName(const std::string& name);
  // The counselor record of the one at work, added (and audited) when the name comes from the
  // personal settings and has no record yet. Error(bad_input) when nobody is named.
  model::Counselor requireWorkingCounselor();

  Id addFamily(model::Family family);
  void updateFamily(const model::Family& family);
  void closeFamily(Id family_id, const std::string& reason);
  model::Family family(Id family_id);
  // Does here what the agency server did when a supervisor merged two records of one family:
  // files every caregiver, child, visit (signed ones too: a visit's seal does not cover the
  // family it is filed under), goal and referral of family `loser_uuid` under `winner_uuid`,
  // and removes the emptied family. One transaction; each record moved gets an audit row
  // ("merge", naming both families and `why`), and the family that went one that keeps its
  // fields. False, changing nothing, when this database lacks either family.
  bool mergeFamilyInto(const std::string& loser_uuid, const std::string& winner_uuid,
                       const std::string& why);
  std::vector<FamilySummary> listFamilies(const FamilyFilter& filter = {});
  // How much of the visits loadFamily reads: everything, or the visit rows alone (their sets
  // empty) for callers that read just the visit they need with visit() — a family with years of
  // visits holds hundreds of observations.
  enum class VisitDetail { full, rows_only };
  FamilyRecord loadFamily(Id family_id, VisitDetail detail = VisitDetail::full);

  Id addCaregiver(model::Caregiver caregiver);
  Id addChild(model::Child child);
  // Corrections to a caregiver or child (a misspelt name, a birth date typed wrong): the same
  // checks as when they were added, and an audit row with what changed.
  void updateCaregiver(const model::Caregiver& caregiver);
  void updateChild(const model::Child& child);
  std::vector<model::Caregiver> caregivers(Id family_id);
  std::vector<model::Child> children(Id family_id);

  std::optional<FormSnapshot> formSnapshot(const std::string& form_id, int version);
  // Adds a visit with its observation sets. The first visit to use a form stores `form`; a
  // form whose content differs from the stored snapshot of the same version is refused.
  Id addVisit(model::Visit visit, const FormSnapshot& form);
  model::Visit visit(Id visit_id);
  // Draft edits, each its own transaction and audit row (autosave).
  void updateVisitHeader(const model::Visit& visit);
  Id addObservationSet(Id visit_id, Id caregiver_id, Id child_id);
  void saveObservation(Id visit_id, Id set_id, const model::Observation& observation);
  void clearObservation(Id visit_id, Id set_id, const std::string& item_id);
  // Signed by the counselor at work (Error(bad_input) when nobody is named).
  void signVisit(Id visit_id);
  // Starts a correction of a signed visit: a new draft with the same content, carrying why it
  // was made (`reason`, required). When it is signed it supersedes the original, which stays
  // readable.
  Id amendVisit(Id visit_id, const std::string& reason);
  // Throws away a draft made by mistake (a new visit or an amendment): it leaves every list,
  // and the audit keeps a "discard" row with its content and the counselor who discarded it.
  // A signed visit is never discarded (Error(bad_input)).
  void discardVisit(Id visit_id);

  Id addGoal(model::Goal goal);
  void setGoalStatus(Id goal_id, model::GoalStatus status, std::optional<Id> at_visit);
  // Corrects a goal's wording; its status and history stay.
  void updateGoalText(Id goal_id, const std::string& text);
  std::vector<model::Goal> goals(Id family_id);

  Id addReferral(model::Referral referral);
  // Records that no referral was made for the wellbeing concern marked on `concern_item` of the
  // visit, and why (required): a referral row of kind no_referral naming the counselor at work.
  Id addNoReferral(Id family_id, std::optional<Id> visit_id, const std::string& concern_item,
                   const std::string& reason);
  void setReferralStatus(Id referral_id, model::ReferralStatus status);
  // Corrects to whom and why; its status stays.
  void updateReferral(Id referral_id, const std::string& to_whom, const std::string& reason);
  std::vector<model::Referral> referrals(Id family_id);
  // Whether any family holds a "no referral made" record (the export's version depends on it).
  bool hasNoReferralRecords();

  // --- families reassigned away on the agency server (store_read_only.cpp) ------------------
  // Every write to a read-only family — a visit, an amendment, an edit of the family, a
  // caregiver, child, goal or referral, an import into it — is refused with Error(bad_input)
  // naming who holds it now; discarding a draft (which never leaves the laptop) is not.
  std::optional<ReadOnlyFamily> readOnlyFamily(Id family_id);
  std::vector<ReadOnlyFamily> readOnlyFamilies();  // by name
  // What a sync found on the server. Each change of state has an audit row ("read-only" naming
  // who holds it, or "writable"); marking a family as it already is changes nothing.
  void markReadOnly(Id family_id, const std::string& held_by);
  void markWritable(Id family_id);
  // Removes a read-only family from this database with everything recorded about it — signed
  // visits too, past their delete refusal — in one transaction. Each record removed gets an
  // audit row ("prune", its uuid, an empty content hash: gone on purpose) and the family one
  // naming who pruned it and who holds it now, so the audit trail still verifies. Only
  // sync::prune calls it, once the server was seen to hold every record of the family.
  // Error(bad_input) when the family is not read-only here.
  void pruneFamily(Id family_id);

  // Sample data (demo): while generating, records are not audited one by one — the generator
  // writes one "generate" row per family with auditGenerated(). Never for what a person enters.
  void setGenerating(bool generating) { generating_ = generating; }
  void auditGenerated(std::string_view entity, Id entity_id, const std::string& details);

  // Runs `work` in one transaction, holding the audit rows it writes and appending them together
  // when it ends (many rows per INSERT, instead of one statement each), in the order written and
  // each with its record's content hash as of its change. For a batch of writes that read no
  // audit rows, such as one family's import. Nested calls join the outer one.
  void batchAudit(const std::function<void()>& work);

  std::vector<AuditEntry> auditTrail(std::optional<std::string> entity = std::nullopt,
                                     std::optional<Id> entity_id = std::nullopt);

  // --- exchange (store_import.cpp) ----------------------------------------------------------
  // Records arriving from another SecureBase database (exchange/import.h) keep their uuids,
  // dates, statuses and signatures. Each is checked like an entry and audited with action
  // "import"; the importer runs them all inside one transaction.
  enum class UuidTable { counselors, families, caregivers, children, visits, goals, referrals };
  std::optional<Id> idByUuid(UuidTable table, const std::string& uuid);
  // The family a record with this uuid belongs to (for families, the family itself).
  std::optional<Id> familyOfUuid(UuidTable table, const std::string& uuid);
  // The families holding any of these uuids (familyOfUuid for many, asked a few dozen at once).
  std::set<Id> familiesOfUuids(UuidTable table, const std::vector<std::string>& uuids);
  std::vector<FormSnapshot> formSnapshots();  // by form id, then version
  // A clinic setting from another database (only when the user asks for them): replaces this
  // database's value, audited with the old and new value. Refuses personal and device ones.
  void importClinicSetting(const std::string& key, const std::string& value);
  Id importCounselor(model::Counselor counselor);
  void importFormSnapshot(const FormSnapshot& form);
  Id importFamily(model::Family family);
  Id importCaregiver(model::Caregiver caregiver);
  Id importChild(model::Child child);
  // The visit with its sets, as a draft or signed with its own signed_at/signed_by. Its form
  // snapshot must be stored already. A signed amendment replaces its original, which must be
  // signed, in the same family and not replaced yet.
  Id importVisit(model::Visit visit);
  // importVisit for several visits of a family, with the same checks visit by visit, written
  // many rows per statement; returns their ids in order. An amendment's original must be
  // stored already (import it in an earlier call).
  std::vector<Id> importVisits(std::vector<model::Visit> visits);
  Id importGoal(model::Goal goal);
  Id importReferral(model::Referral referral);

 private:
  friend class StoreAccess;
  void audit(std::string_view entity, std::optional<Id> entity_id, std::string_view action,
             const std::string& details);
  void writeAuditRow(std::string_view entity, std::optional<Id> entity_id, std::string_view action,
                     const std::string& details, std::optional<std::string> content_hash);
  // audit() of several records of one kind, many rows per INSERT: (id, details) each.
  void auditEach(std::string_view entity, std::string_view action,
                 const std::vector<std::pair<Id, std::string>>& records);
  // An audit row's when, who and what, before its place in the chain is known.
  AuditRowContent auditRow(std::string_view entity, std::optional<Id> entity_id,
                           std::string_view action, const std::string& details);
  // Appends the rows to the trail, or holds them while batchAudit runs.
  void appendOrHold(std::vector<AuditRowContent> rows);
  void checkText(const std::string& text, std::string_view what, bool required);
  model::Visit requireDraft(Id visit_id);
  // Error(bad_input) when the family is read-only here (reassigned away on the server).
  void requireWritable(Id family_id);
  void insertObservations(Id set_id, const std::vector<model::Observation>& observations);
  // Observations of any sets, each with its set's id: the one INSERT of observation rows.
  void insertObservationRows(const std::vector<std::pair<Id, const model::Observation*>>& rows);
  // The one set of checks every visit write passes (add, amend, import, the editor's header
  // and answers): text, dates (none in the future; next planned not before the visit), and no
  // observations at a visit that did not take place.
  void checkVisit(const model::Visit& visit);
  void checkObservation(const model::Observation& observation);
  // The one INSERT of visit rows, always as drafts (signing is a separate update); returns
  // their ids in order.
  std::vector<Id> insertVisitRows(std::span<const model::Visit> visits);
  Id insertVisitRow(const model::Visit& visit) { return insertVisitRows({&visit, 1}).front(); }
  void markSigned(model::Visit& visit, std::string_view action);
  // Links a signed original to the signed amendment that replaces it, with its own audit row.
  void supersede(Id original_id, Id amendment_id);
  // The checks, INSERT and audit row of each record kind, shared by adding and importing (the
  // uuid is already set). `action` is the audit action: "create" or "import".
  Id insertFamily(model::Family family, std::string_view action);
  Id insertCaregiver(model::Caregiver caregiver, std::string_view action);
  Id insertChild(model::Child child, std::string_view action);
  Id insertGoal(model::Goal goal, std::string_view action);
  Id insertReferral(model::Referral referral, std::string_view action);
  void writeScores(std::span<const model::Visit> visits);
  void writeScores(const model::Visit& visit) { writeScores({&visit, 1}); }

  Database& db_;
  std::string counselor_;
  std::string actor_;
  std::string os_user_;
  TextCheck text_check_;
  Scorer scorer_;
  int scoring_version_ = 0;
  bool generating_ = false;
  // Records written while generating, sealed by the next auditGenerated row.
  std::vector<std::pair<RecordKind, Id>> generated_;
  // Audit rows held by batchAudit, while it runs.
  bool holding_audit_ = false;
  std::vector<AuditRowContent> held_audit_rows_;
};

// Now as an ISO-8601 UTC timestamp ("2026-11-28T18:30:05Z"), for audit rows and signatures.
std::string nowTimestamp();

}  // namespace securebase::store
