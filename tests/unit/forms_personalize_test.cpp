#include <gtest/gtest.h>

#include "securebase/forms/personalize.h"

namespace {

using namespace securebase::forms;
using securebase::model::Language;
using securebase::model::Sex;

LocalizedText sample() {
  LocalizedText text;
  text.texts["en"] = "{child} is calm. You helped {child} rest.";
  text.texts["es"] =
      "Tu voz ayudó a que {child} se sintiera {f:tranquila|m:tranquilo|u:en calma}. "
      "{f:Cárgala|m:Cárgalo|u:Toma a {child} en brazos} cuando llore.";
  return text;
}

TEST(Personalize, EnglishFillsTheName) {
  EXPECT_EQ(personalize(sample(), Language::en, "Ana", Sex::female),
            "Ana is calm. You helped Ana rest.");
}

TEST(Personalize, SpanishAgreesWithAGirl) {
  EXPECT_EQ(personalize(sample(), Language::es, "Ana", Sex::female),
            "Tu voz ayudó a que Ana se sintiera tranquila. Cárgala cuando llore.");
}

TEST(Personalize, SpanishAgreesWithABoy) {
  EXPECT_EQ(personalize(sample(), Language::es, "Mateo", Sex::male),
            "Tu voz ayudó a que Mateo se sintiera tranquilo. Cárgalo cuando llore.");
}

TEST(Personalize, SpanishUsesTheNeutralWordingWhenSexIsUnknown) {
  EXPECT_EQ(personalize(sample(), Language::es, "Alex", Sex::unknown),
            "Tu voz ayudó a que Alex se sintiera en calma. Toma a Alex en brazos cuando llore.");
}

TEST(Personalize, WithoutANameSaysYourBabyCapitalisedAtSentenceStart) {
  EXPECT_EQ(personalize(sample(), Language::en, "", Sex::unknown),
            "Your baby is calm. You helped your baby rest.");
  EXPECT_EQ(personalize(sample(), Language::es, "  ", Sex::unknown),
            "Tu voz ayudó a que tu bebé se sintiera en calma. Toma a tu bebé en brazos cuando "
            "llore.");
  LocalizedText question;
  question.texts["en"] = "x";
  question.texts["es"] = "¿{child} tiene hambre?";
  EXPECT_EQ(personalize(question, Language::es, "", Sex::male), "¿Tu bebé tiene hambre?");
}

TEST(Personalize, ANameIsUsedAsTyped) {
  LocalizedText text;
  text.texts["en"] = "{child} smiled.";
  EXPECT_EQ(personalize(text, Language::en, "de la Cruz", Sex::male), "de la Cruz smiled.");
}

TEST(Personalize, AMissingLanguageFallsBackToEnglishWholly) {
  LocalizedText text;
  text.texts["en"] = "{child} smiled.";
  EXPECT_EQ(personalize(text, Language::es, "", Sex::female), "Your baby smiled.");
}

TEST(CheckTemplate, AcceptsKnownPlaceholdersAndMarkers) {
  for (const char* ok : {"Plain text.", "{child} cries.", "{f:a|m:o|u:e}",
                         "{m:lo|u:a {child}|f:la}", "{f:|m:|u:}", "A {child}'s cry."})
    EXPECT_EQ(checkTemplate(ok), std::nullopt) << ok;
}

TEST(CheckTemplate, NamesTheProblem) {
  EXPECT_EQ(checkTemplate("Hi {name}."), "unknown placeholder \"{name}\"");
  EXPECT_EQ(checkTemplate("{Child}"), "unknown placeholder \"{Child}\"");
  EXPECT_EQ(checkTemplate("{f:a|m:o}"), "agreement marker {f:a|m:o} lacks the u: alternative");
  EXPECT_EQ(checkTemplate("{f:a|f:o|u:e}"),
            "agreement marker {f:a|f:o|u:e} repeats the f: alternative");
  EXPECT_EQ(checkTemplate("{f:a|x:o|u:e}"),
            "agreement marker {f:a|x:o|u:e} has an alternative \"x:o\" that does not start with "
            "f:, m: or u:");
  EXPECT_EQ(checkTemplate("end }"), "a '}' has no matching '{'");
  EXPECT_EQ(checkTemplate("open {child"),
            "a '{' is not closed, or holds a placeholder other than {child}: \"{child\"");
  EXPECT_EQ(
      checkTemplate("{f:a {m:o}|m:o|u:e}"),
      "a '{' is not closed, or holds a placeholder other than {child}: \"{f:a {m:o}|m:o|u:e}\"");
}

}  // namespace
