// An export file read in pieces, for import: a whole caseload's export is hundreds of megabytes,
// and holding it parsed takes several times that. The reader goes over the file a few times
// instead — the strict JSON check, the shape of every record, the consistency between records —
// and then hands the families over one at a time, each read and parsed on its own, so memory
// stays that of the largest family (plus a small index of uuids) whatever the file's size.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "securebase/exchange/exchange_data.h"

namespace securebase::exchange {

class ExportReader {
 public:
  // Text in memory (it must outlive the reader), or a file: Error(not_found) when it does not
  // exist, Error(bad_input) when it cannot be read. `source` names it in messages.
  static ExportReader ofText(std::string_view text, const std::string& source);
  static ExportReader ofFile(const std::filesystem::path& file, const std::string& source);

  ExportReader(ExportReader&&) noexcept;
  ExportReader& operator=(ExportReader&&) noexcept;
  ~ExportReader();

  // Everything parseExport checks, with the same words for the same first problem: Error
  // (bad_input) "<source>: <where>: <problem>". Call once, before anything below.
  void check();

  // Settings, counselors and forms, sorted; no families.
  const ExchangeData& header() const;
  // How many families the file holds (after check()).
  std::size_t familyCount() const;
  // The families in the document's order (by uuid), each parsed and sorted (sortFamily).
  void forEachFamily(const std::function<void(FamilyData&&)>& visit) const;

 private:
  struct Impl;
  explicit ExportReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace securebase::exchange
