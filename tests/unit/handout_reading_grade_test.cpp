// Handout text stays at reading grade 5 or below (DESIGN §10), measured the way the program's
// writers measure it: GNU `style` (Debian package diction), Kincaid formula.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <regex>

#include "handout_text.h"
#include "securebase/handout/content.h"
#include "securebase/handout/readability.h"
#include "temp_dir.h"

using securebase::handout::loadHandoutContent;
using securebase::model::Language;
using securebase::model::Sex;
using securebase::testing::proseOf;
using securebase::testing::sentencesOf;
using securebase::testing::TempDir;
using securebase::testing::wordCount;

namespace {

struct Grades {
  double kincaid = -1;
  double flesch = -1;
};

// Runs `style` on the sentences, one per line, and reads its Kincaid grade and Flesch score.
Grades measure(const std::vector<std::string>& sentences) {
  if (std::system("command -v style >/dev/null 2>&1") != 0) {
    ADD_FAILURE() << "GNU style is not installed: install the Debian package diction "
                     "(apt-get install diction) to check the handout reading grade";
    return {};
  }
  TempDir dir;
  std::string text;
  for (const std::string& sentence : sentences) text += sentence + "\n";
  securebase::testing::writeFile(dir / "prose.txt", text);

  const std::string command = "style '" + (dir / "prose.txt").string() + "' 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  std::string output;
  std::array<char, 512> buffer{};
  while (pipe && std::fgets(buffer.data(), buffer.size(), pipe.get()) != nullptr)
    output += buffer.data();

  Grades grades;
  std::smatch match;
  if (std::regex_search(output, match, std::regex(R"(Kincaid:\s*(-?[0-9.]+))")))
    grades.kincaid = std::stod(match[1]);
  else
    ADD_FAILURE() << "no Kincaid grade in the output of style:\n" << output;
  if (std::regex_search(output, match, std::regex(R"(Flesch Index:\s*(-?[0-9.]+))")))
    grades.flesch = std::stod(match[1]);
  return grades;
}

std::vector<std::string> englishSentences() {
  return sentencesOf(
      proseOf(loadHandoutContent("infant-attachment", Language::en), std::nullopt, Sex::unknown));
}

}  // namespace

TEST(HandoutReadingGrade, EnglishIsAtGradeFiveOrBelow) {
  const auto sentences = englishSentences();
  ASSERT_GT(sentences.size(), 30u);
  const Grades grades = measure(sentences);
  std::cout << std::fixed << std::setprecision(1) << "infant-attachment (en): Kincaid "
            << grades.kincaid << ", Flesch " << grades.flesch << ", " << sentences.size()
            << " sentences\n";
  RecordProperty("kincaid", std::to_string(grades.kincaid));
  EXPECT_GE(grades.kincaid, 0.0);
  EXPECT_LE(grades.kincaid, 5.0);
}

// Proves the measurement can fail: dense clinical prose must come out well above grade 5.
TEST(HandoutReadingGrade, DenseProseMeasuresAboveGradeFive) {
  const Grades grades = measure(
      {"Attachment security constitutes a fundamental developmental prerequisite for subsequent "
       "socioemotional competence and psychological resilience.",
       "Consistent caregiver responsiveness to infant distress communications facilitates "
       "physiological regulation and representational internalisation."});
  EXPECT_GT(grades.kincaid, 10.0);
}

// A long sentence can hide inside a good average; keep each one short enough to read aloud.
TEST(HandoutReadingGrade, NoEnglishSentenceIsLong) {
  for (const std::string& sentence : englishSentences())
    EXPECT_LE(wordCount(sentence), 20u) << sentence;
}

TEST(HandoutReadingGrade, NoSpanishSentenceIsLong) {
  for (const std::string& sentence : sentencesOf(proseOf(
           loadHandoutContent("infant-attachment", Language::es), std::nullopt, Sex::unknown)))
    EXPECT_LE(wordCount(sentence), 25u) << sentence;
}

// Spanish has no `style` grade: the project's own Fernández Huerta and INFLESZ (readability.h).
TEST(HandoutReadingGrade, SpanishIsEasyByFernandezHuertaAndInflesz) {
  std::string text;
  for (const std::string& sentence : sentencesOf(proseOf(
           loadHandoutContent("infant-attachment", Language::es), std::nullopt, Sex::female)))
    text += sentence + "\n";
  const auto measured = securebase::handout::spanishReadability(text);
  std::cout << std::fixed << std::setprecision(1) << "infant-attachment (es): Fernández Huerta "
            << measured.fernandez_huerta << ", INFLESZ " << measured.inflesz << ", "
            << measured.words << " words, " << measured.sentences << " sentences\n";
  RecordProperty("fernandez_huerta", std::to_string(measured.fernandez_huerta));
  EXPECT_GE(measured.fernandez_huerta, 80.0);
  EXPECT_GE(measured.inflesz, 65.0);  // "bastante fácil" or easier
}

// The measure can fail: dense Spanish prose scores well below "easy".
TEST(HandoutReadingGrade, DenseSpanishMeasuresHard) {
  const auto measured = securebase::handout::spanishReadability(
      "La seguridad del apego constituye un prerrequisito fundamental del desarrollo "
      "socioemocional posterior y de la resiliencia psicológica.");
  EXPECT_LT(measured.fernandez_huerta, 60.0);
}

TEST(SpanishSyllables, CountsDiphthongsHiatusAndSilentLetters) {
  using securebase::handout::spanishSyllables;
  EXPECT_EQ(spanishSyllables("bebé"), 2);
  EXPECT_EQ(spanishSyllables("vínculo"), 3);
  EXPECT_EQ(spanishSyllables("confianza"), 3);
  EXPECT_EQ(spanishSyllables("día"), 2);
  EXPECT_EQ(spanishSyllables("leer"), 2);
  EXPECT_EQ(spanishSyllables("aéreo"), 4);
  EXPECT_EQ(spanishSyllables("muy"), 1);
  EXPECT_EQ(spanishSyllables("que"), 1);
  EXPECT_EQ(spanishSyllables("guitarra"), 3);
  EXPECT_EQ(spanishSyllables("pingüino"), 3);
  EXPECT_EQ(spanishSyllables("ciudad"), 2);
  EXPECT_EQ(spanishSyllables("Acuesta"), 3);
}
