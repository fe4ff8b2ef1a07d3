// Export (DESIGN §9 `securebase-cli export`): the whole database as one deterministic JSON
// document — the same content always gives the same bytes, and export → import into an empty
// database → export gives the same bytes again — or as CSV files, one per table, for program
// evaluation. Either can be deidentified (deidentify.h).
//
// {"format": "securebase-export", "version": 2, "deidentified": false, "settings": {…},
//  "counselors": […], "forms": [{"form_id", "version", "sha256", "json"}],
//  "families": [{…, "caregivers": […], "children": […], "visits": [{…, "amend_reason",
//  "observation_sets": [{"caregiver_uuid", "child_uuid", "observations": […]}]}], "goals": […],
//  "referrals": […]}]}
// Version 2 added each visit's "amend_reason" (why an amendment was made, "" on other visits).
// Import reads versions 1 and 2; a version 1 file's amendments keep no reason.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/exchange/exchange_data.h"
#include "securebase/store/store.h"

namespace securebase::exchange {

inline constexpr const char* kExportFormat = "securebase-export";
inline constexpr int kExportVersion = 3;  // 3: "no referral made" records
// A document with no "no referral made" record is written as version 2, so older imports read it.
inline constexpr int kExportVersionWithoutNoReferrals = 2;
inline constexpr int kOldestExportVersion = 1;  // the oldest version import reads

struct ExportOptions {
  bool deidentify = false;
  // Deidentification secret: empty means a fresh random one for this export (the same person
  // cannot then be linked across two exports). Given, the output is reproducible.
  std::string seed;
  Progress progress;  // after each family; may stop the export
};

// The document as text (ends with a newline). No timestamp of the export itself, so two exports
// of the same content are byte-identical.
std::string toJsonText(const ExchangeData& data);

std::string exportJson(store::Store& store, const ExportOptions& options = {});
// The same bytes handed to `sink` piece by piece as they are read, one family at a time, so
// memory stays that of the largest family whatever the size of the caseload.
void exportJson(store::Store& store, const ExportOptions& options,
                const std::function<void(std::string_view)>& sink);

// File name ("families.csv", …) → RFC 4180 content (CRLF line ends, header row first).
std::map<std::string, std::string> toCsvFiles(const ExchangeData& data);
std::map<std::string, std::string> exportCsv(store::Store& store,
                                             const ExportOptions& options = {});
// The names of the CSV files, in the order above.
std::vector<std::string> csvFileNames();
// The same files written as the families are read, one at a time: each file's bytes go to
// its sink (by name, one for each of csvFileNames()) piece by piece.
using CsvSinks = std::map<std::string, std::function<void(std::string_view)>>;
void exportCsv(store::Store& store, const ExportOptions& options, const CsvSinks& sinks);

// The CSV files written into `folder` (made if missing), each atomically and all of them
// together as the families are read: a failure or a stop leaves none of them half-written.
// Error(output) when the folder cannot be made. The CLI's `export --format csv` and the
// window's File › Export… both write through this.
void exportCsvFolder(store::Store& store, const ExportOptions& options,
                     const std::filesystem::path& folder);

}  // namespace securebase::exchange
