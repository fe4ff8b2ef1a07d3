// Inputs the fuzzers (tests/fuzz) found mishandled, each fed to the API it broke: every one must
// now be refused with a clear securebase::Error or read correctly. Each input is also in the
// fuzz corpus, so the replay keeps checking it under the fuzz targets' stricter rules.
#include <gtest/gtest.h>

#include <string>

#include "securebase/core/error.h"
#include "securebase/exchange/visit_file.h"

using namespace securebase;

namespace {

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
