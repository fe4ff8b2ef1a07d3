// Every malformed form is refused with one line naming the file, where in it, and what is
// wrong. The files live in data/broken-forms/, each differing from a valid sample in one way.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "build_paths.h"
#include "securebase/forms/form_error.h"
#include "securebase/forms/form_loader.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using securebase::ErrorKind;
using securebase::forms::FormError;
using securebase::forms::loadFormFile;

fs::path brokenDir() {
  return fs::path(SECUREBASE_TEST_SOURCE_DIR) / "tests/unit/data/broken-forms";
}

// File name (without .json) → the message after "<path>: ".
const std::map<std::string, std::string>& expectedMessages() {
  static const std::map<std::string, std::string> table{
      {"syntax-double-comma", "line 3, column 16: not valid JSON"},
      {"truncated",
       "line 94, column 3: not valid JSON (the file ends too early: a '}' or ']' is missing)"},
      {"trailing-text", "line 96, column 1: not valid JSON (text after the end of the form)"},
      {"invalid-utf8", "line 42, column 30: not valid UTF-8 text (save the file as UTF-8)"},
      {"duplicate-field", "$.sections[0].items[0]: field \"label\" appears twice"},
      {"not-an-object", "$: expected an object, found an array"},
      {"missing-id", "$: missing field \"id\""},
      {"id-not-a-string", "$.id: expected a string, found a number"},
      {"bad-form-id",
       "$.id: invalid id \"Broken Sample\": use lower-case letters, digits, '-' and '_' (at "
       "most 64 characters)"},
      {"version-as-string", "$.version: expected a whole number, found a string"},
      {"version-fraction", "$.version: expected a whole number, found a decimal number"},
      {"version-zero", "$.version: the version must be 1 or more"},
      {"unknown-scale", "$.sections[0].items[0].scale: unknown scale \"seen2\""},
      {"scale-not-ascending", "$.scales.seen[2].value: values must be ascending: 1 comes after 2"},
      {"scale-duplicate-value", "$.scales.seen[1].value: the value 0 appears twice"},
      {"scale-value-string", "$.scales.seen[1].value: expected a whole number, found a string"},
      {"scale-one-level", "$.scales.seen: a scale needs at least two levels"},
      {"duplicate-item-id",
       "$.sections[1].items[0].id: item id \"a1\" is also used at $.sections[0].items[0]"},
      {"duplicate-section-id", "$.sections[1].id: section id \"s1\" is also used at $.sections[0]"},
      {"unknown-kind",
       "$.sections[0].items[0].kind: unknown item kind \"slider\" (expected rating, yesno, "
       "single_choice, multiple_choice, number or text)"},
      {"choice-without-options", "$.sections[0].items[1]: missing field \"options\""},
      {"choice-duplicate-option",
       "$.sections[0].items[1].options[1].id: option id \"hold\" appears twice"},
      {"missing-english", "$.sections[0].items[0].label: missing English text (\"en\")"},
      {"missing-spanish",
       "$.sections[0].items[0].try: missing \"es\" text (the form lists it in \"languages\")"},
      {"unknown-placeholder", "$.sections[0].items[0].strength.en: unknown placeholder \"{name}\""},
      {"marker-without-neutral",
       "$.sections[0].items[0].try.en: agreement marker {f:tired|m:tired} lacks the u: "
       "alternative"},
      {"placeholder-in-label",
       "$.sections[0].items[0].label.en: placeholders such as {child} belong only in "
       "\"strength\" and \"try\" texts"},
      {"unknown-guidance",
       "$.sections[0].items[0].guidance: unknown guidance id \"P10\" (known: G1-G7, P1-P9, H1, "
       "R1, S1, S2)"},
      {"misspelled-field",
       "$.sections[0].items[0]: unknown field \"lable\" (expected id, guidance, kind, scale, "
       "options, min, max, label, look_for, strength, try, concern, leads_to)"},
      {"parent-text-in-private",
       "$.sections[1].items[0].strength: items of a private section have no parent texts (they "
       "never reach a handout)"},
      {"concern-on-rating",
       "$.sections[0].items[0].concern: only yesno items can be concern flags"},
      {"empty-sections", "$.sections: the list is empty"},
      {"private-not-bool", "$.sections[1].private: expected true or false, found a string"},
  };
  return table;
}

TEST(BrokenForms, EachIsRefusedWithItsExactMessage) {
  ASSERT_GE(expectedMessages().size(), 15u);
  for (const auto& [name, message] : expectedMessages()) {
    const fs::path file = brokenDir() / (name + ".json");
    ASSERT_TRUE(fs::exists(file)) << file;
    try {
      loadFormFile(file);
      ADD_FAILURE() << name << ": loaded without an error";
    } catch (const FormError& error) {
      EXPECT_EQ(error.what(), file.string() + ": " + message) << name;
      EXPECT_EQ(error.kind(), ErrorKind::bad_input);
    }
  }
}

TEST(BrokenForms, EveryFileInTheFolderHasAnExpectedMessage) {
  for (const auto& entry : fs::directory_iterator(brokenDir()))
    EXPECT_TRUE(expectedMessages().count(entry.path().stem().string()))
        << entry.path() << " has no expected message in the table";
}

TEST(BrokenForms, MessagesAreOneLine) {
  for (const auto& [name, message] : expectedMessages())
    EXPECT_EQ(message.find('\n'), std::string::npos) << name;
}

TEST(BrokenForms, AMissingFileIsNotFound) {
  try {
    loadFormFile(brokenDir() / "no-such-form.v1.json");
    FAIL() << "expected an error";
  } catch (const securebase::Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::not_found);
  }
}

// Whatever is cut off or garbled, loading ends in a FormError, never in a crash or another
// exception.
TEST(BrokenForms, DamagedCopiesOfTheShippedFormOnlyEverGiveFormErrors) {
  const std::string good = securebase::testing::readFile(fs::path(SECUREBASE_TEST_SOURCE_DIR) /
                                                         "forms/attachment-practices.v1.json");
  ASSERT_FALSE(good.empty());
  int refused = 0;
  for (std::size_t cut = 0; cut < good.size(); cut += 173) {
    EXPECT_THROW(securebase::forms::parseForm(good.substr(0, cut), "cut.json"), FormError);
    ++refused;
  }
  for (std::size_t at = 0; at < good.size(); at += 181) {
    for (char replacement : {'"', '{', ']', '\xC3', '0', ','}) {
      std::string damaged = good;
      damaged[at] = replacement;
      try {
        securebase::forms::parseForm(damaged, "damaged.json");
      } catch (const FormError&) {
        ++refused;
      }
    }
  }
  EXPECT_GT(refused, 100);
}

}  // namespace
