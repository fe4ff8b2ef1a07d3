// The strict JSON check of a text read in pieces (json/strict_parse.h checkStrict) and the
// scanner that hands over a large document's records one by one (json/document_scanner.h):
// problems past the first piece are named at their true line and column, a character cut by
// a piece's end is whole again, and every record of a streamed array arrives with its place.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "securebase/core/error.h"
#include "securebase/json/byte_source.h"
#include "securebase/json/document_scanner.h"
#include "securebase/json/strict_parse.h"

namespace {

using securebase::Error;
using securebase::json::kPieceSize;

std::string problemOf(const std::string& text) {
  try {
    securebase::json::checkStrict(securebase::json::TextSource(text), "big.json", "the export");
  } catch (const Error& e) {
    return e.what();
  }
  return "accepted";
}

// {"notes": ["aaaa…", …]}: `lines` strings of `width` letters, one per line.
std::string manyLines(std::size_t lines, std::size_t width) {
  std::string text = "{\"notes\": [\n";
  for (std::size_t i = 0; i < lines; ++i)
    text += "\"" + std::string(width, 'a') + "\"" + (i + 1 < lines ? ",\n" : "\n");
  return text + "]}";
}

}  // namespace

TEST(StrictStream, ProblemsPastTheFirstPieceNameTheirLineAndColumn) {
  // 3000 lines of 1000 letters: about 3 MB, three pieces.
  std::string text = manyLines(3000, 1000);
  ASSERT_GT(text.size(), 2 * kPieceSize);
  EXPECT_EQ(problemOf(text), "accepted");

  std::string bad_byte = text;
  const std::size_t line_2500 = bad_byte.find("\"a", 2499 * 1004);
  bad_byte[line_2500 + 11] = '\xFF';
  EXPECT_EQ(problemOf(bad_byte),
            "big.json: line 2501, column 12: not valid UTF-8 text (save the file as UTF-8)");

  std::string bad_syntax = text;
  bad_syntax[line_2500] = '?';
  EXPECT_EQ(problemOf(bad_syntax), "big.json: line 2501, column 1: not valid JSON");

  EXPECT_EQ(problemOf(text.substr(0, text.size() - 2)),
            "big.json: line 3002, column 1: not valid JSON (the file ends too early: a '}' or "
            "']' is missing)");
  EXPECT_EQ(problemOf(text + "\n{}"),
            "big.json: line 3003, column 1: not valid JSON (text after the end of the export)");
  // Invalid UTF-8 anywhere is told before a syntax error earlier in the file, as for a text.
  bad_syntax[line_2500 + 20] = '\xFF';
  EXPECT_EQ(problemOf(bad_syntax),
            "big.json: line 2501, column 21: not valid UTF-8 text (save the file as UTF-8)");
  // A repeated key is told only when there is no syntax error, wherever it is.
  std::string twice = text;
  twice.replace(twice.size() - 2, 2, "], \"notes\": 1}");
  EXPECT_EQ(problemOf(twice), "big.json: $: field \"notes\" appears twice");
  EXPECT_EQ(problemOf(twice + "x"),
            "big.json: line 3002, column 15: not valid JSON (text after the end of the export)");
}

TEST(StrictStream, ACharacterCutByAPiecesEndIsWholeAgain) {
  // "é" (two bytes) and "ア" (three) placed across the end of the first piece.
  for (std::size_t before : {kPieceSize - 1, kPieceSize - 2, kPieceSize - 3}) {
    std::string text = "[\"" + std::string(before - 2, 'a') + "\xC3\xA9\xE3\x82\xA2\"]";
    EXPECT_EQ(problemOf(text), "accepted") << before;
    std::string cut = text;
    cut[before + 1] = 'b';  // the second byte of "é" replaced
    EXPECT_EQ(problemOf(cut), "big.json: line 1, column " + std::to_string(before + 1) +
                                  ": not valid UTF-8 text (save the file as UTF-8)");
  }
}

TEST(DocumentScanner, HandsOverEachRecordOfAStreamedArrayWithItsPlace) {
  const std::string text =
      "{\"format\": \"x\", \"families\": [ {\"a\": \"],\\\"}\"}, [1, {\"b\": 2}] ,3 ],\n"
      " \"settings\": {\"k\": [\"v\"]}, \"empty\": []}";
  securebase::json::TextSource source(text);
  std::vector<std::string> members;
  std::vector<std::string> elements;
  const bool object = securebase::json::scanDocument(
      source,
      {.stream = [](const std::string& key) { return key == "families" || key == "empty"; },
       .member = [&](const std::string& key,
                     std::string_view value) { members.push_back(key + "=" + std::string(value)); },
       .element =
           [&](const std::string& key, std::size_t index, std::string_view element,
               std::size_t begin, std::size_t end) {
             EXPECT_EQ(text.substr(begin, end - begin), element);
             elements.push_back(key + std::to_string(index) + "=" + std::string(element));
           }});
  EXPECT_TRUE(object);
  EXPECT_EQ(members, (std::vector<std::string>{"format=\"x\"", "families=[]",
                                               "settings={\"k\": [\"v\"]}", "empty=[]"}));
  EXPECT_EQ(elements, (std::vector<std::string>{"families0={\"a\": \"],\\\"}\"}",
                                                "families1=[1, {\"b\": 2}]", "families2=3"}));
  securebase::json::TextSource array("[1, 2]");
  EXPECT_FALSE(securebase::json::scanDocument(array, {.stream = {}, .member = {}, .element = {}}));
}
