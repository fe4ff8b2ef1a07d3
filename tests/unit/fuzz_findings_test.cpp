// Inputs the fuzzers (tests/fuzz) found mishandled, each fed to the API it broke: every one must
// now be refused with a clear securebase::Error or read correctly. Each input is also in the
// fuzz corpus, so the replay keeps checking it under the fuzz targets' stricter rules.
#include <gtest/gtest.h>

#include <string>

#include "build_paths.h"
#include "forms_fixture.h"
#include "securebase/core/error.h"
#include "securebase/exchange/import.h"
#include "securebase/exchange/visit_file.h"
#include "temp_dir.h"

using namespace securebase;

namespace {

std::string corpusFile(const std::string& name) {
  return securebase::testing::readFile(std::string(SECUREBASE_TEST_SOURCE_DIR) +
                                       "/tests/fuzz/corpus/" + name);
}

// The message of the securebase::Error `parse` throws, or "(no error)".
template <typename Parse>
std::string refusal(Parse parse) {
  try {
    parse();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::bad_input);
    return e.what();
  }
  return "(no error)";
}

}  // namespace

// corpus/visit_file/version-wraps.json: 2^32 + 1 used to be narrowed to int and read as
// version 1, so the visit silently claimed a form version nobody wrote.
TEST(FuzzFindings, VisitFormVersionBeyondIntIsRefusedNotWrapped) {
  const std::string text =
      R"({"family_id": 1, "date": "2026-01-31", "form_id": "attachment-practices",)"
      R"( "form_version": 4294967297})";
  EXPECT_EQ(refusal([&] { exchange::parseVisitFile(text, "visit.json"); }),
            "visit.json: $.form_version: must be a positive version");
}

// corpus/import/amendment-loop.json: two signed visits, each amending the other and each named
// by the other as its replacement, passed every check between the two, so planImport accepted
// them and the write failed halfway with "record … is missing from this database".
TEST(FuzzFindings, VisitsAmendingEachOtherAreRefusedBeforeWriting) {
  const std::string text = corpusFile("import/amendment-loop.json");
  EXPECT_EQ(refusal([&] { exchange::parseExport(text, "loop.json"); }),
            "loop.json: $.families[0].visits[0].amends_uuid: visit "
            "00000006-0000-4000-8000-000000000006 is in a loop of visits amending each other");
}

// The export that file was made from reads, so the refusal is about the loop alone.
TEST(FuzzFindings, TheSameVisitsWithoutTheLoopRead) {
  const std::string text = corpusFile("import/mini-export.json");
  EXPECT_EQ(refusal([&] { exchange::parseExport(text, "mini.json"); }), "(no error)");
}

// corpus/form_loader/infinite-bounds.json: Boost reads 1e999 as infinity, and the form loaded
// with a bound nobody can state.
TEST(FuzzFindings, AFormBoundTooLargeForANumberIsRefused) {
  std::string text = securebase::testing::kMiniFormJson;
  const std::string bound = R"("max": 24)";
  text.replace(text.find(bound), bound.size(), R"("max": 1e999)");
  EXPECT_EQ(refusal([&] { forms::parseForm(text, "mini.v1.json"); }),
            "mini.v1.json: $.sections[1].items[3].max: the number is too large");
}

// corpus/visit_file/infinite-number.json: the same number as an answer was stored as "inf".
TEST(FuzzFindings, AVisitAnswerTooLargeForANumberIsRefused) {
  const std::string text =
      R"({"family_id": 1, "date": "2026-01-31", "form_id": "f", "form_version": 1,)"
      R"( "observation_sets": [{"caregiver_id": 1, "child_id": 1, "observations":)"
      R"( [{"item_id": "hours", "value": 1e999}]}]})";
  EXPECT_EQ(refusal([&] { exchange::parseVisitFile(text, "visit.json"); }),
            "visit.json: $.observation_sets[0].observations[0].value: the number is too large");
}
