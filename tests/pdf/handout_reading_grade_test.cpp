// The personalised parts of the handout ("What we saw today", "Things to try this week") read
// at grade 5 or below as printed, measured from the PDF's own text with GNU style (Kincaid).
#include <gtest/gtest.h>

#include <iostream>
#include <regex>

#include "build_paths.h"
#include "handout_test_support.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/forms/personalize.h"

namespace securebase::handout {

using namespace testing;
using securebase::testing::TempDir;

namespace {

// The printed text between two labels, as prose.
std::string between(const std::string& text, const std::string& from, const std::string& to) {
  const auto start = text.find(from);
  const auto end = text.find(to, start);
  if (start == std::string::npos || end == std::string::npos) return "";
  return text.substr(start + from.size(), end - start - from.size());
}

double kincaid(const std::string& sentences, const TempDir& dir) {
  securebase::testing::writeFile(dir / "prose.txt", sentences);
  const auto result = run("style " + quoted(dir / "prose.txt"));
  std::smatch match;
  if (!std::regex_search(result.output, match, std::regex(R"(Kincaid:\s*(-?[0-9.]+))"))) {
    ADD_FAILURE() << "no Kincaid grade from style (install diction):\n" << result.output;
    return 99;
  }
  return std::stod(match[1]);
}

}  // namespace

TEST(HandoutReadingGrade, PersonalisedPartsAsPrintedAreAtGradeFiveOrBelow) {
  TempDir dir;
  const auto catalog =
      forms::FormCatalog::load(std::filesystem::path(SECUREBASE_TEST_SOURCE_DIR) / "forms");
  const forms::Form& form = *catalog.latest("attachment-practices");
  std::vector<std::string> strengths, tries;
  for (const auto& section : form.sections)
    for (const auto& item : section.items) {
      if (section.is_private || item.strength.empty()) continue;
      strengths.push_back(
          forms::personalize(item.strength, model::Language::en, "Sofía", model::Sex::female));
      tries.push_back(
          forms::personalize(item.try_text, model::Language::en, "Sofía", model::Sex::female));
    }
  ASSERT_GT(strengths.size(), 10u);

  const HandoutContent content = loadHandoutContent("infant-attachment", model::Language::en);
  std::string prose;
  // Every text once, four strengths and three things to try per handout, as they are printed.
  for (std::size_t s = 0, t = 0; s < strengths.size() || t < tries.size(); s += 4, t += 3) {
    PersonalInputs inputs = samplePersonal(model::Language::en, pdf::PaperSize::letter);
    inputs.strengths.assign(
        strengths.begin() + static_cast<long>(std::min(s, strengths.size())),
        strengths.begin() + static_cast<long>(std::min(s + 4, strengths.size())));
    inputs.things_to_try.assign(tries.begin() + static_cast<long>(std::min(t, tries.size())),
                                tries.begin() + static_cast<long>(std::min(t + 3, tries.size())));
    inputs.open_goals.clear();
    const std::string text = flattened(
        pdfText(writeHandout(buildPersonalisedHandout(content, inputs), dir / "p.pdf").file));
    std::string part = between(text, content.label("what_we_saw"), content.label("next_visit"));
    part = std::regex_replace(part, std::regex(content.label("things_to_try")), " ");
    part = std::regex_replace(part, std::regex("\u2022"), "\n");
    part = std::regex_replace(part, std::regex(R"(([.!?]) )"), "$1\n");
    prose += part + "\n";
  }
  const double grade = kincaid(prose, dir);
  std::cout << "personalised parts (en): Kincaid " << grade << "\n";
  EXPECT_GE(grade, 0.0);
  EXPECT_LE(grade, 5.0);
}

}  // namespace securebase::handout
