// Personalised handouts for many families at once (clinics' batch printing): one PDF per
// family from its latest completed, current visit that has something to personalise. Families
// without such a visit are skipped and listed, not an error. Progress and cancellation are
// callbacks so the CLI and the desktop program share this loop.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "securebase/forms/form_catalog.h"
#include "securebase/model/entities.h"
#include "securebase/pdf/document.h"
#include "securebase/store/store.h"

namespace securebase::handout {

struct BatchOptions {
  std::optional<model::Language> language;  // each family's own language when not set
  std::optional<pdf::PaperSize> paper;      // settings paper.size when not set
  int copies = 1;
};

struct SkippedFamily {
  model::Id family_id = 0;
  std::string reason;
};

struct BatchResult {
  std::vector<std::filesystem::path> written;
  std::vector<SkippedFamily> skipped;
  bool cancelled = false;
};

// Called before each family with (1-based position, total); return false to stop.
using BatchProgress = std::function<bool(std::size_t done, std::size_t total)>;

// Writes each file atomically into `out_dir` (which must exist). Error(not_found) for an
// unknown family id; Error(output) when a file cannot be written (the batch stops there).
BatchResult writeFamilyHandouts(store::Store& store, const forms::FormCatalog& catalog,
                                const std::vector<model::Id>& family_ids,
                                const std::filesystem::path& out_dir,
                                const BatchOptions& options = {},
                                const BatchProgress& progress = {});

}  // namespace securebase::handout
