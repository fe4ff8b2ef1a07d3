// Every file SecureBase reads goes through one strict JSON reader (the json layer): the same
// defect gives the same words whatever the file — a form, a visit file, an export, a handout
// text, a picture or the report texts — and a repeated key is refused everywhere.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <functional>

#include "securebase/core/error.h"
#include "securebase/exchange/import.h"
#include "securebase/exchange/visit_file.h"
#include "securebase/forms/form_error.h"
#include "securebase/forms/form_loader.h"
#include "securebase/handout/content.h"
#include "securebase/handout/picture.h"
#include "securebase/json/field_reader.h"
#include "securebase/json/strict_parse.h"
#include "securebase/json/value_reader.h"
#include "securebase/report/report_text.h"
#include "temp_dir.h"

namespace {

using securebase::Error;
using securebase::testing::TempDir;
using securebase::testing::writeFile;
namespace bj = boost::json;

// Runs one reader on `text` (written to a file for the readers that take one) and returns its
// message with the file name taken off, so the readers can be compared.
using ReadText = std::function<void(const std::string& text, const std::filesystem::path& file)>;

std::string problemOf(const ReadText& read, const std::string& text) {
  TempDir dir;
  const auto file = dir / "input.json";
  writeFile(file, text);
  try {
    read(text, file);
  } catch (const securebase::forms::FormError& e) {
    const std::string message = e.what();
    return "form " + message.substr(message.find(": ") + 2);
  } catch (const Error& e) {
    const std::string message = e.what();
    return message.substr(message.find(": ") + 2);
  }
  return "accepted";
}

const std::vector<std::pair<std::string, ReadText>>& everyReader() {
  static const std::vector<std::pair<std::string, ReadText>> readers{
      {"form",
       [](const std::string& text, const auto&) { securebase::forms::parseForm(text, "f"); }},
      {"visit file", [](const std::string& text,
                        const auto&) { securebase::exchange::parseVisitFile(text, "f"); }},
      {"export",
       [](const std::string& text, const auto&) { securebase::exchange::parseExport(text, "f"); }},
      {"handout text",
       [](const std::string&, const auto& file) { securebase::handout::loadHandoutContent(file); }},
      {"picture",
       [](const std::string&, const auto& file) { securebase::handout::loadPicture(file); }},
      {"report texts",
       [](const std::string&, const auto& file) {
         securebase::report::ReportText::load(file, securebase::model::Language::en);
       }},
  };
  return readers;
}

TEST(OneJsonReader, EveryFileReportsTheSameDefectInTheSameWords) {
  const std::vector<std::pair<std::string, std::string>> defects{
      {"{\"a\": 1,\n  \"b\": ",
       "line 2, column 8: not valid JSON (the file ends too early: a '}' "
       "or ']' is missing)"},
      {"{\"a\": 1,, }", "line 1, column 9: not valid JSON"},
      {"{\"a\": \"caf\xE9\"}", "line 1, column 11: not valid UTF-8 text (save the file as UTF-8)"},
      {"{\"a\": 1, \"a\": 2}", "$: field \"a\" appears twice"},
  };
  for (const auto& [text, expected] : defects)
    for (const auto& [name, read] : everyReader()) {
      std::string problem = problemOf(read, text);
      if (name == "form") {
        ASSERT_EQ(problem.rfind("form ", 0), 0u)
            << "a form's problems stay FormErrors: " << problem;
        problem = problem.substr(5);
      }
      EXPECT_EQ(problem, expected) << name << " reading " << text;
    }
}

TEST(OneJsonReader, TextAfterTheEndNamesTheDocument) {
  EXPECT_EQ(problemOf(everyReader()[0].second, "{} x"),
            "form line 1, column 4: not valid JSON (text after the end of the form)");
  EXPECT_EQ(problemOf(everyReader()[1].second, "{} x"),
            "line 1, column 4: not valid JSON (text after the end of the visit)");
}

TEST(OneJsonReader, ValueChecksNameWhatWasFound) {
  const securebase::json::ValueReader reader("f.json");
  const auto problem = [&](const std::function<void()>& check) {
    try {
      check();
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(problem([&] { reader.integer(bj::value(1.5), "$.n"); }),
            "f.json: $.n: expected a whole number, found a decimal number");
  EXPECT_EQ(problem([&] { reader.integer(bj::value(5000000000), "$.n"); }),
            "f.json: $.n: the number is too large");
  EXPECT_EQ(problem([&] { reader.text(bj::value(""), "$.t"); }), "f.json: $.t: the text is empty");
  EXPECT_EQ(problem([&] { reader.text(bj::value("a\tb"), "$.t"); }),
            "f.json: $.t: the text contains a control character");
  EXPECT_EQ(problem([&] { reader.text(bj::value("a\tb"), "$.t", {.tabs = true}); }), "accepted");
  EXPECT_EQ(problem([&] { reader.text(bj::value("a\nb"), "$.t", {.line_breaks = false}); }),
            "f.json: $.t: the text contains a control character");
  EXPECT_EQ(problem([&] { reader.nonEmptyArray(bj::array{}, "$.l"); }),
            "f.json: $.l: the list is empty");
  EXPECT_EQ(problem([&] { reader.number(bj::parse("1e999"), "$.x"); }),
            "f.json: $.x: the number is too large");
  EXPECT_EQ(problem([&] {
              reader.onlyFields(bj::object{{"nmae", 1}}, "$", {"name", "age"});
            }),
            "f.json: $: unknown field \"nmae\" (expected name, age)");
}

TEST(OneJsonReader, RecordFieldsTreatNullAsAbsentAndRefuseUnreadOnes) {
  const securebase::json::ValueReader values("f.json");
  const bj::value record = bj::parse(R"({"name": "Ana", "phone": null, "note": "x", "id": 3})");
  securebase::json::FieldReader fields(values, "$", record, {"id"});
  EXPECT_EQ(fields.text("name", true), "Ana");
  EXPECT_EQ(fields.text("phone", false, "none"), "none");
  try {
    fields.finish();
    FAIL() << "an unread field was accepted";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "f.json: $.note: unknown field");
  }
  fields.text("note", false);
  EXPECT_NO_THROW(fields.finish());
}

}  // namespace
