// Writes progress report samples for a demo family with about 30 visits to
// <build>/report-samples, so anyone can look at them (ctest -L samples), e.g.
//   pdftoppm -r 60 -png build/dev/report-samples/clinical-en.pdf /tmp/clinical
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "build_paths.h"
#include "securebase/demo/demo.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/pdf/render.h"
#include "securebase/report/progress_report.h"
#include "securebase/store/database.h"
#include "securebase/store/store.h"

namespace securebase::report {

TEST(ReportSamples, WritesClinicalAndParentReportsOfADemoFamily) {
  const std::filesystem::path folder =
      std::filesystem::path(SECUREBASE_TEST_BINARY_DIR) / "report-samples";
  std::filesystem::create_directories(folder);
  std::filesystem::remove(folder / "demo.db");
  store::Database db(folder / "demo.db");
  store::Store store(db, "samples");
  store.setSetting("clinic.name", "Riverside Family Clinic");
  store.setSetting("clinic.phone", "(555) 013-2468");
  const auto catalog = forms::FormCatalog::loadDefault();
  demo::DemoOptions options;
  options.families = 12;
  options.today = {2026, 11, 28};
  demo::generateDemo(store, *catalog.latest("attachment-practices"), options);

  // The family whose visit count is nearest 30, one English and one Spanish.
  for (auto language : {model::Language::en, model::Language::es}) {
    model::Id best = 0;
    long best_distance = 1000;
    for (const auto& row : store.listFamilies()) {
      if (row.family.language != language) continue;
      const auto visits = static_cast<long>(store.loadFamily(row.family.id).visits.size());
      if (std::labs(visits - 30) < best_distance) {
        best_distance = std::labs(visits - 30);
        best = row.family.id;
      }
    }
    ASSERT_NE(best, 0);
    const std::string lang(model::toString(language));
    for (auto audience : {Audience::clinical, Audience::parent}) {
      ReportOptions report;
      report.audience = audience;
      report.language = language;
      report.today = options.today;
      const std::string name =
          std::string(audience == Audience::parent ? "parent-" : "clinical-") + lang + ".pdf";
      EXPECT_GE(pdf::writePdf(progressReport(store, catalog, best, report), folder / name), 1u);
    }
  }
}

}  // namespace securebase::report
