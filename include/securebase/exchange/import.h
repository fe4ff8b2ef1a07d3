// Import (DESIGN §9 `securebase-cli import`): reads an export, checks ALL of it before writing
// anything, then writes everything in one transaction — a failure anywhere leaves the database
// as it was. Importing into a database that already has some of the records merges by uuid:
//
// - a record the database lacks is added, with its uuid, status and signature as they were;
// - a record with the same uuid and the same content is already there and skipped;
// - a record with the same uuid and different content is a conflict: never overwritten.
//   Conflicts refuse the whole import, unless skip_conflicts is set: then they are reported and
//   everything else is added (records that depend on a conflicting person, visit or form too
//   are reported and left out).
// Settings (store/settings.h): every one in the file is validated, and a bad value refuses the
// import. Personal and device settings are never imported. Clinic settings are written only
// when asked (ImportOptions::with_clinic_settings, `import --with-clinic-settings`), each
// change listed; otherwise this database keeps its own and the differences are reported.
//
// A file of any size is read in pieces (ExportReader), one family at a time. The steps are also
// pure functions over the text and a read of the target, so a fuzzer can drive them: parseExport
// (shape, vocabularies, dates, uuids, references within the file, answers against their form
// snapshots, printable text) → planImport (references to the target, matching, conflicts) →
// applyImport.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/core/error.h"
#include "securebase/exchange/exchange_data.h"
#include "securebase/exchange/export_reader.h"
#include "securebase/store/store.h"

namespace securebase::exchange {

// Error(bad_input) "<source>: <json path>: <problem>" for the first problem found. A
// deidentified export is refused: it is not real data.
ExchangeData parseExport(std::string_view json_text, const std::string& source);

enum class RecordType { setting, counselor, form, family, caregiver, child, visit, goal, referral };
std::string_view toString(RecordType type);

// Why a record of the file is not added. `Conflict::names` holds what the reason names.
enum class ConflictReason {
  content_differs,              // the same uuid with other content; names: the fields
  signed_visit_differs,         // as above for a visit signed in the file or here
  other_family,                 // the uuid is a record of another family here
  form_differs,                 // the same form id and version with other content
  uses_conflicting_form,        // names: the form ("form-id v2")
  observes_conflicting_person,  // names: the caregiver's or child's uuid
  amends_conflicting_visit,     // names: the original visit's uuid
  refers_to_conflicting_visit,  // names: the visit's uuid
  amends_draft,                 // names: the original visit's uuid, a draft here
  already_amended,              // names: the original visit's uuid, this database's amendment's
};

struct Conflict {
  RecordType type;
  std::string key;  // uuid, "form-id v2" or setting key
  ConflictReason reason = ConflictReason::content_differs;
  std::vector<std::string> names;

  // The reason in English: "differs in notes, place".
  std::string reasonText() const;
  // "conflict: visit 1b4e…: differs in notes, place"
  std::string describe() const;
};

struct TypeCounts {
  int added = 0;
  int present = 0;
  int conflicts = 0;
};

struct ImportPlan {
  ExchangeData file;
  std::vector<Conflict> conflicts;
  std::map<RecordType, TypeCounts> counts;
  // What applyImport writes (all of `file` minus what is present or in conflict).
  ExchangeData to_add;
  // Clinic settings of the file that differ from this database's (written only when asked).
  struct SettingChange {
    std::string key;
    std::optional<std::string> before;  // none: unset here
    std::string after;
  };
  std::vector<SettingChange> clinic_settings;
  // Personal and device settings the file carries: never imported, only named.
  std::vector<std::string> settings_never_imported;
};

// Compares the file with the target's content (readDatabase of it). Error(bad_input) when the
// file refers to something neither it nor the target holds.
ImportPlan planImport(ExchangeData file, const ExchangeData& target);

struct ImportOptions {
  bool skip_conflicts = false;
  bool with_clinic_settings = false;  // write the file's clinic settings over this database's
  Progress progress;                  // after each family (total 0); may stop the import
};

// Writes plan.to_add in one transaction, auditing each record with action "import". Refuses
// (Error(bad_input) naming the first conflict and their count) when the plan has conflicts and
// skip_conflicts is off.
void applyImport(store::Store& store, const ImportPlan& plan, const ImportOptions& options);

// planImport + applyImport for a checked file read family by family (export_reader.h), against
// the database's own records looked up family by family, in one transaction: each family is
// written as soon as it is planned, and a refusal at the end (conflicts, a reference found
// nowhere) undoes everything. `planned` sees the whole plan before that end (to list the
// conflicts). plan.file and plan.to_add hold the settings, counselors and forms only.
ImportPlan importFile(store::Store& store, const ExportReader& file, const ImportOptions& options,
                      const std::function<void(const ImportPlan&)>& planned = {});

// ExportReader::check + importFile for a text.
ImportPlan importExport(store::Store& store, std::string_view json_text, const std::string& source,
                        const ImportOptions& options = {});

// "families: 3 added, 17 already present, 1 conflict" lines, one per record type that occurs,
// after the settings: each clinic setting changed (with_clinic_settings) or the ones left as
// they were, and those never imported.
std::vector<std::string> summaryLines(const ImportPlan& plan, const ImportOptions& options = {});
// The same lines as wordings with parts (core/error.h), for the window to show translated.
std::vector<ErrorText> summaryTexts(const ImportPlan& plan, const ImportOptions& options = {});

}  // namespace securebase::exchange
