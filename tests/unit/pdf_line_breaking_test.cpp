#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "securebase/core/utf8.h"
#include "securebase/pdf/line_breaking.h"

namespace securebase::pdf {
namespace {

// One unit per code point, so expectations read as character counts.
double codePoints(std::string_view text) {
  double count = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

using Lines = std::vector<std::string>;

TEST(LineBreaking, FillsLinesGreedilyAtSpaces) {
  EXPECT_EQ(breakLines("aa bb cc dd", 5, codePoints), (Lines{"aa bb", "cc dd"}));
  EXPECT_EQ(breakLines("aa bb cc dd", 8, codePoints), (Lines{"aa bb cc", "dd"}));
}

TEST(LineBreaking, CollapsesRunsOfSpaces) {
  EXPECT_EQ(breakLines("  aa    bb  ", 10, codePoints), (Lines{"aa bb"}));
}

TEST(LineBreaking, ExplicitNewlinesStartLinesAndBlankLinesStay) {
  EXPECT_EQ(breakLines("aa\nbb", 10, codePoints), (Lines{"aa", "bb"}));
  EXPECT_EQ(breakLines("aa\n\nbb", 10, codePoints), (Lines{"aa", "", "bb"}));
}

TEST(LineBreaking, EmptyTextHasNoLines) {
  EXPECT_TRUE(breakLines("", 10, codePoints).empty());
  EXPECT_TRUE(breakLines("   ", 10, codePoints).empty());
}

TEST(LineBreaking, SplitsAWordWiderThanTheLineBetweenCharacters) {
  EXPECT_EQ(breakLines("abcdefghij", 4, codePoints), (Lines{"abcd", "efgh", "ij"}));
  EXPECT_EQ(breakLines("x abcdefghij y", 4, codePoints), (Lines{"x", "abcd", "efgh", "ij y"}));
}

TEST(LineBreaking, SplitsMultiByteWordsOnlyAtCharacterBoundaries) {
  const std::string word = "ñáéíóúÑÁÉÍÓÚễ€";
  const Lines lines = breakLines(word, 3, codePoints);
  std::string joined;
  for (const std::string& line : lines) {
    EXPECT_TRUE(isValidUtf8(line)) << line;
    EXPECT_LE(codePoints(line), 3);
    joined += line;
  }
  EXPECT_EQ(joined, word);
}

TEST(LineBreaking, EveryCharacterIsKeptAndNoLineIsTooWide) {
  std::string text;
  for (int i = 0; i < 200; ++i)
    text += (i % 7 == 0 ? "Nguyễn " : "word ") +
            std::string(i % 13 == 0 ? "supercalifragilistic " : "");
  std::string without_spaces;
  for (char c : text)
    if (c != ' ') without_spaces += c;
  std::string joined;
  for (const std::string& line : breakLines(text, 12, codePoints)) {
    EXPECT_LE(codePoints(line), 12) << line;
    for (char c : line)
      if (c != ' ') joined += c;
  }
  EXPECT_EQ(joined, without_spaces);
}

TEST(LineBreaking, AWordThatFitsExactlyStaysOnTheLine) {
  EXPECT_EQ(breakLines("abcd efgh", 4, codePoints), (Lines{"abcd", "efgh"}));
  EXPECT_EQ(breakLines("ab cd", 5, codePoints), (Lines{"ab cd"}));
}

TEST(StyledLineBreaking, KeepsABoldLeadAndMeasuresEachStyle) {
  // Bold is twice as wide, so the lead fills the line sooner.
  const StyledWidthFn width = [](std::string_view t, bool bold) {
    return codePoints(t) * (bold ? 2 : 1);
  };
  const auto lines = breakStyledLines({{"Tip:", true}, {" hold him close", false}}, 17, width);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].runs, (std::vector<TextRun>{{"Tip:", true}, {" hold him", false}}));
  EXPECT_DOUBLE_EQ(lines[0].width, 8 + 1 + 4 + 1 + 3);
  EXPECT_EQ(lines[1].runs, (std::vector<TextRun>{{"close", false}}));
}

TEST(StyledLineBreaking, RunsWithoutASpaceBetweenThemStayJoined) {
  const StyledWidthFn width = [](std::string_view t, bool) { return codePoints(t); };
  const auto lines = breakStyledLines({{"Zoë", true}, {"'s day", false}}, 20, width);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].runs, (std::vector<TextRun>{{"Zoë", true}, {"'s day", false}}));
}

}  // namespace
}  // namespace securebase::pdf
