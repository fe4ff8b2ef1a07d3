#include <gtest/gtest.h>

#include "forms_fixture.h"
#include "securebase/core/error.h"
#include "securebase/forms/form_catalog.h"
#include "temp_dir.h"

namespace {

using securebase::forms::FormCatalog;
using securebase::testing::readFile;
using securebase::testing::TempDir;
using securebase::testing::writeFile;

std::string miniVersion(int version) {
  std::string text = securebase::testing::kMiniFormJson;
  const std::string from = "\"version\": 1";
  text.replace(text.find(from), from.size(), "\"version\": " + std::to_string(version));
  return text;
}

TEST(FormCatalog, FindsFormsByIdAndVersionAndTheLatestVersion) {
  TempDir dir;
  writeFile(dir / "mini.v1.json", miniVersion(1));
  writeFile(dir / "mini.v2.json", miniVersion(2));
  writeFile(dir / "notes.txt", "not a form");
  const auto catalog = FormCatalog::load(dir.path());
  EXPECT_TRUE(catalog.problems().empty());
  ASSERT_EQ(catalog.forms().size(), 2u);
  ASSERT_NE(catalog.find("mini", 1), nullptr);
  EXPECT_EQ(catalog.find("mini", 1)->version, 1);
  EXPECT_EQ(catalog.find("mini", 3), nullptr);
  EXPECT_EQ(catalog.find("other", 1), nullptr);
  ASSERT_NE(catalog.latest("mini"), nullptr);
  EXPECT_EQ(catalog.latest("mini")->version, 2);
  EXPECT_EQ(catalog.latest("other"), nullptr);
  EXPECT_EQ(catalog.get("mini", 2).json_text, miniVersion(2));
  try {
    catalog.get("mini", 9);
    FAIL() << "expected not found";
  } catch (const securebase::Error& error) {
    EXPECT_EQ(error.kind(), securebase::ErrorKind::not_found);
    EXPECT_STREQ(error.what(), "form \"mini\" version 9 is not in the forms folder");
  }
}

TEST(FormCatalog, ReportsABrokenFileAndKeepsTheOthers) {
  TempDir dir;
  writeFile(dir / "mini.v1.json", miniVersion(1));
  writeFile(dir / "broken.v1.json", "{\"id\": \"broken\",");
  const auto catalog = FormCatalog::load(dir.path());
  ASSERT_EQ(catalog.forms().size(), 1u);
  ASSERT_EQ(catalog.problems().size(), 1u);
  EXPECT_EQ(catalog.problems()[0],
            (dir / "broken.v1.json").string() +
                ": line 1, column 17: not valid JSON (the file ends too early: a '}' or ']' "
                "is missing)");
}

TEST(FormCatalog, RefusesAFileNamedForAnotherVersion) {
  TempDir dir;
  writeFile(dir / "mini.v1.json", miniVersion(2));
  const auto catalog = FormCatalog::load(dir.path());
  EXPECT_TRUE(catalog.forms().empty());
  ASSERT_EQ(catalog.problems().size(), 1u);
  EXPECT_EQ(catalog.problems()[0], (dir / "mini.v1.json").string() +
                                       ": holds form \"mini\" version 2, so it must be named "
                                       "mini.v2.json");
}

TEST(FormCatalog, AMissingFolderIsAProblemNotACrash) {
  TempDir dir;
  const auto catalog = FormCatalog::load(dir / "nowhere");
  EXPECT_TRUE(catalog.forms().empty());
  EXPECT_EQ(catalog.problems().size(), 1u);
}

TEST(FormCatalog, KeepsTheTextAndItsFingerprint) {
  TempDir dir;
  writeFile(dir / "mini.v1.json", miniVersion(1));
  const auto catalog = FormCatalog::load(dir.path());
  const auto& form = catalog.get("mini", 1);
  EXPECT_EQ(form.json_text, readFile(dir / "mini.v1.json"));
  EXPECT_EQ(form.sha256.size(), 64u);
  EXPECT_EQ(form.sha256, securebase::testing::miniForm().sha256);
}

}  // namespace
