// The instrument SecureBase ships (forms/attachment-practices.v1.json) loads, covers the
// guidance it must cover, and every parent text reads well for every child.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "build_paths.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/forms/form_loader.h"
#include "securebase/forms/guidance.h"
#include "securebase/forms/personalize.h"

namespace {

using namespace securebase::forms;
using securebase::model::Language;
using securebase::model::Sex;

const Form& shipped() {
  static const Form form = loadFormFile(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) /
                                        "forms/attachment-practices.v1.json");
  return form;
}

TEST(ShippedForm, LoadsWithItsIdentity) {
  const Form& form = shipped();
  EXPECT_EQ(form.id, "attachment-practices");
  EXPECT_EQ(form.version, 1);
  EXPECT_EQ(form.languages, (std::vector<std::string>{"en", "es"}));
  EXPECT_GE(form.itemCount(), 25u);
  EXPECT_LE(form.itemCount(), 32u);
  EXPECT_EQ(form.sha256.size(), 64u);
}

TEST(ShippedForm, IsInTheDefaultCatalogWithoutProblems) {
  const auto catalog =
      FormCatalog::load(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms");
  EXPECT_TRUE(catalog.problems().empty()) << catalog.problems().front();
  ASSERT_NE(catalog.latest("attachment-practices"), nullptr);
  EXPECT_EQ(catalog.latest("attachment-practices")->sha256, shipped().sha256);
}

TEST(ShippedForm, CoversP1ToP9TheInfantSignalsAndH1) {
  EXPECT_TRUE(missingGuidance(shipped(), requiredAttachmentGuidance()).empty());
  // G4 names five signals: cry, movement, facial expression, eye contact, looking away.
  int signals = 0;
  for (const auto& section : shipped().sections)
    for (const auto& item : section.items) signals += item.guidance == "G4";
  EXPECT_EQ(signals, 5);
}

TEST(ShippedForm, UsesTheSeenScale) {
  const Scale* seen = shipped().scale("seen");
  ASSERT_NE(seen, nullptr);
  ASSERT_EQ(seen->levels.size(), 3u);
  const std::vector<std::pair<std::string, std::string>> labels{
      {"Not yet", "Todavía no"}, {"Sometimes", "A veces"}, {"Clearly", "Claramente"}};
  for (std::size_t i = 0; i < labels.size(); ++i) {
    EXPECT_EQ(seen->levels[i].value, static_cast<int>(i));
    EXPECT_EQ(seen->levels[i].label.get("en"), labels[i].first);
    EXPECT_EQ(seen->levels[i].label.get("es"), labels[i].second);
  }
}

TEST(ShippedForm, WellbeingIsPrivateAndHoldsTheConcernLeadingToH1) {
  const Section* wellbeing = shipped().section("wellbeing");
  ASSERT_NE(wellbeing, nullptr);
  EXPECT_TRUE(wellbeing->is_private);
  int concerns = 0;
  for (const auto& item : wellbeing->items) {
    if (item.concern) {
      ++concerns;
      EXPECT_EQ(item.kind, ItemKind::yesno);
      EXPECT_EQ(item.leads_to, "H1");
    }
  }
  EXPECT_EQ(concerns, 1);
  for (const auto& section : shipped().sections) {
    if (section.id != "wellbeing") {
      EXPECT_FALSE(section.is_private) << section.id;
    }
  }
}

TEST(ShippedForm, EveryParentFacingRatingHasAStrengthAndSomethingToTry) {
  for (const auto& section : shipped().sections) {
    if (section.is_private) continue;
    for (const auto& item : section.items) {
      EXPECT_EQ(item.kind, ItemKind::rating) << item.id;
      EXPECT_FALSE(item.strength.empty()) << item.id;
      EXPECT_FALSE(item.try_text.empty()) << item.id;
      EXPECT_FALSE(item.look_for.empty()) << item.id;
    }
  }
}

TEST(ShippedForm, ParentTextsResolveForEveryChild) {
  for (const auto& section : shipped().sections) {
    for (const auto& item : section.items) {
      for (const LocalizedText* text : {&item.strength, &item.try_text}) {
        if (text->empty()) continue;
        for (Language language : {Language::en, Language::es}) {
          for (Sex sex : {Sex::female, Sex::male, Sex::unknown}) {
            for (const std::string name : {"Ana", ""}) {
              const std::string out = personalize(*text, language, name, sex);
              EXPECT_EQ(out.find_first_of("{}|"), std::string::npos) << item.id << ": " << out;
              // With the sex unknown every {child} in the template is printed (a marker's
              // f and m words may stand in for the name, as "mecerla").
              if (sex != Sex::unknown || text->get(language).find("{child}") == std::string::npos)
                continue;
              const std::string expected_name = !name.empty()              ? name
                                                : language == Language::es ? "bebé"
                                                                           : "baby";
              EXPECT_NE(out.find(expected_name), std::string::npos) << item.id << ": " << out;
            }
          }
        }
        // Where Spanish needs agreement, a girl and a boy read different words.
        if (text->get("es").find("{f:") != std::string::npos) {
          EXPECT_NE(personalize(*text, Language::es, "Ana", Sex::female),
                    personalize(*text, Language::es, "Ana", Sex::male))
              << item.id;
        }
      }
    }
  }
}

TEST(ShippedForm, EnglishParentSentencesAreShort) {
  for (const auto& section : shipped().sections) {
    for (const auto& item : section.items) {
      for (const LocalizedText* text : {&item.strength, &item.try_text}) {
        std::istringstream words(personalize(*text, Language::en, "Ana", Sex::female));
        int in_sentence = 0;
        for (std::string word; words >> word;) {
          ++in_sentence;
          EXPECT_LE(in_sentence, 16) << item.id << ": sentence too long for a parent handout";
          if (word.back() == '.' || word.back() == '?' || word.back() == '!') in_sentence = 0;
        }
      }
    }
  }
}

}  // namespace
