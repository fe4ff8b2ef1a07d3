#include "securebase/exchange/export.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "record_json.h"
#include "securebase/exchange/deidentify.h"

namespace securebase::exchange {

std::string toJsonText(const ExchangeData& data) {
  return detail::documentText(data) + "\n";
}

void detail::readForExport(store::Store& store, const ExportOptions& options,
                           const std::function<void(const ExchangeData& header)>& head,
                           const std::function<void(const FamilyData& family)>& each) {
  ExchangeData header = readHeader(store);
  std::optional<Deidentifier> safe;
  if (options.deidentify) {
    safe.emplace(options.seed.empty() ? randomSalt() : saltFromSeed(options.seed), header.forms);
    ExchangeData safe_header;
    safe_header.deidentified = true;
    safe_header.settings = safe->settings(header.settings);
    safe_header.forms = header.forms;
    for (const auto& c : header.counselors) safe_header.counselors.push_back(safe->counselor(c));
    sortCanonically(safe_header);
    header = std::move(safe_header);
  }
  head(header);
  // Families go out in the document's order (by uuid, or by pseudonym when deidentified),
  // read one at a time: only the list of ids is held, never the whole caseload.
  std::vector<std::pair<std::string, model::Id>> order;
  for (const auto& summary : store.listFamilies())
    order.emplace_back(safe ? safe->familyPseudonym(summary.family.uuid) : summary.family.uuid,
                       summary.family.id);
  std::sort(order.begin(), order.end());
  const auto counselor_uuids = counselorUuids(store);
  std::size_t done = 0;
  for (const auto& [key, id] : order) {
    FamilyData family = readFamily(store, id, counselor_uuids);
    if (safe) {
      family = safe->family(family);
      sortFamily(family);
    }
    each(family);
    if (options.progress && !options.progress(++done, order.size())) throw Cancelled();
  }
}

void exportJson(store::Store& store, const ExportOptions& options,
                const std::function<void(std::string_view)>& sink) {
  std::optional<detail::DocumentWriter> writer;
  detail::readForExport(
      store, options, [&](const ExchangeData& header) { writer.emplace(header, sink); },
      [&](const FamilyData& family) { writer->family(family); });
  writer->finish();
  sink("\n");
}

std::string exportJson(store::Store& store, const ExportOptions& options) {
  std::string text;
  exportJson(store, options, [&](std::string_view piece) { text += piece; });
  return text;
}

}  // namespace securebase::exchange
