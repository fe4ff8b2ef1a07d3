#include "securebase/exchange/export.h"

#include "record_json.h"
#include "securebase/exchange/deidentify.h"

namespace securebase::exchange {
namespace {

ExchangeData prepared(store::Store& store, const ExportOptions& options) {
  ExchangeData data = readDatabase(store);
  if (!options.deidentify) return data;
  return deidentify(std::move(data),
                    options.seed.empty() ? randomSalt() : saltFromSeed(options.seed));
}

}  // namespace

std::string toJsonText(const ExchangeData& data) {
  return detail::documentText(data) + "\n";
}

std::string exportJson(store::Store& store, const ExportOptions& options) {
  return toJsonText(prepared(store, options));
}

std::map<std::string, std::string> exportCsv(store::Store& store, const ExportOptions& options) {
  return toCsvFiles(prepared(store, options));
}

}  // namespace securebase::exchange
