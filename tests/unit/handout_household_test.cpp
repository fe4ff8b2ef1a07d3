// A handout goes home and anyone in the household may read it (DESIGN §6): its standing text
// never speaks of wellbeing screening, concerns, referrals or scores.
#include <gtest/gtest.h>

#include <cctype>

#include "handout_text.h"
#include "securebase/handout/content.h"

using securebase::handout::loadHandoutContent;
using securebase::model::Language;
using securebase::model::Sex;

namespace {

// Lower-cases ASCII only; the Spanish stems below are matched with their accents.
std::string lowered(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

const std::vector<std::string> kEnglishStems{
    "screen", "wellbeing", "well-being", "depress", "anxiety", "referr", "refer ",
    "score",  "rating",    "concern",    "flag",    "risk",    "assess", "questionnaire"};
const std::vector<std::string> kSpanishStems{
    "detección", "tamizaje", "bienestar",    "depresi",    "ansiedad", "referencia",
    "referir",   "derivaci", "remisi",       "puntaje",    "puntuaci", "calificaci",
    "riesgo",    "evaluaci", "cuestionario", "preocupaci", "alerta"};

void expectNothingPrivate(Language language, const std::vector<std::string>& stems) {
  const auto content = loadHandoutContent("infant-attachment", language);
  for (Sex sex : {Sex::female, Sex::male, Sex::unknown})
    for (const auto& name : {std::optional<std::string>{}, std::optional<std::string>{"Ana"}})
      for (const std::string& text : securebase::testing::allWordsOf(content, name, sex))
        for (const std::string& stem : stems)
          EXPECT_EQ(lowered(text).find(stem), std::string::npos)
              << "\"" << stem << "\" in: " << text;
}

}  // namespace

TEST(HandoutHousehold, EnglishTextNamesNoScreeningReferralOrScore) {
  expectNothingPrivate(Language::en, kEnglishStems);
}

TEST(HandoutHousehold, SpanishTextNamesNoScreeningReferralOrScore) {
  expectNothingPrivate(Language::es, kSpanishStems);
}

// Guards the guard: the check does find such words when they are there.
TEST(HandoutHousehold, TheWordListCatchesAScreeningSentence) {
  const std::string sentence =
      lowered("Your wellbeing screening score was high, so we made a referral.");
  int hits = 0;
  for (const std::string& stem : kEnglishStems)
    hits += sentence.find(stem) != std::string::npos ? 1 : 0;
  EXPECT_GE(hits, 3);
}
