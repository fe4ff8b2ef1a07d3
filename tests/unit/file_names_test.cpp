// Document file names (handout/file_names.h): by default the kind, the family's number and the
// day — never the family's name, which print queues and shared folders would show; the name
// only when files.family_names allows it, as plain lower-case ASCII.
#include "securebase/handout/file_names.h"

#include <gtest/gtest.h>

#include "securebase/core/error.h"
#include "securebase/store/settings.h"

namespace securebase::handout {
namespace {

model::Family family(model::Id id, const std::string& name) {
  model::Family f;
  f.id = id;
  f.display_name = name;
  return f;
}

const model::Date kDay = *model::Date::parse("2026-12-06");

TEST(FileNamesTest, ByDefaultANameCarriesTheNumberAndTheDayButNotTheFamily) {
  const auto garcia = family(12, "Familia García Núñez");
  EXPECT_EQ(documentFileName("handout", garcia, kDay, FamilyNames::left_out),
            "handout-12-2026-12-06.pdf");
  EXPECT_EQ(documentFileName("report", garcia, kDay, FamilyNames::left_out, "parent"),
            "report-12-2026-12-06-parent.pdf");
}

TEST(FileNamesTest, WhenAllowedTheFamilysNameFollowsAsPlainAscii) {
  EXPECT_EQ(
      documentFileName("handout", family(12, "Familia García Núñez"), kDay, FamilyNames::included),
      "handout-12-2026-12-06-garcia-nunez.pdf");
  EXPECT_EQ(documentFileName("report", family(3, "Ødegård family"), kDay, FamilyNames::included,
                             "clinical"),
            "report-3-2026-12-06-odegard-clinical.pdf");
  // Letters of Central European names read as their plain letter, not as a word break.
  EXPECT_EQ(
      documentFileName("handout", family(2, "Wiśniewski, Sarah"), kDay, FamilyNames::included),
      "handout-2-2026-12-06-wisniewski-sarah.pdf");
  EXPECT_EQ(documentFileName("handout", family(4, "Dvořák Łukasz"), kDay, FamilyNames::included),
            "handout-4-2026-12-06-dvorak-lukasz.pdf");
  // Nothing left of the name (no Latin letters, quotes, slashes): the number and day suffice.
  EXPECT_EQ(documentFileName("handout", family(7, "../\"家族\""), kDay, FamilyNames::included),
            "handout-7-2026-12-06.pdf");
  const std::string long_name(80, 'a');
  const std::string long_file =
      documentFileName("handout", family(8, long_name + " b"), kDay, FamilyNames::included);
  EXPECT_EQ(long_file, "handout-8-2026-12-06.pdf") << "one word over 40 letters is left out";
}

TEST(FileNamesTest, TheGeneralHandoutCarriesTheBabysNameOnlyWhenAllowed) {
  EXPECT_EQ(generalHandoutFileName(model::Language::es, "Lucía", kDay, FamilyNames::left_out),
            "handout-es-2026-12-06.pdf");
  EXPECT_EQ(generalHandoutFileName(model::Language::es, "Lucía", kDay, FamilyNames::included),
            "handout-es-2026-12-06-lucia.pdf");
  EXPECT_EQ(generalHandoutFileName(model::Language::en, "", kDay, FamilyNames::included),
            "handout-en-2026-12-06.pdf");
}

TEST(FileNamesTest, TheSettingIsADeviceSettingOfYesOrNoThatDefaultsToNo) {
  const store::SettingSpec* spec = store::findSettingSpec(store::setting::files_family_names);
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, store::SettingScope::device);
  EXPECT_STREQ(spec->default_value, "no");
  EXPECT_NO_THROW(store::validateSetting(store::setting::files_family_names, "yes"));
  EXPECT_NO_THROW(store::validateSetting(store::setting::files_family_names, "no"));
  EXPECT_THROW(store::validateSetting(store::setting::files_family_names, "maybe"), Error);
}

}  // namespace
}  // namespace securebase::handout
