// How the handout content loader refuses bad files: each message names the file, the JSON path
// and the problem on one line.
#include <gtest/gtest.h>

#include <cstdlib>

#include "securebase/core/error.h"
#include "securebase/handout/content.h"
#include "temp_dir.h"

using securebase::Error;
using securebase::ErrorKind;
using securebase::handout::BlockKind;
using securebase::handout::loadHandoutContent;
using securebase::model::Language;
using securebase::testing::TempDir;
using securebase::testing::writeFile;

namespace {

const std::string kLabels = R"("labels": {"what_we_saw": "a", "things_to_try": "b",
  "your_goals": "c", "next_visit": "d", "your_counselor": "e", "help_lines": "f",
  "page_of": "Page {page} of {pages}", "prepared_for": "For {child|you}",
  "printed_on": "Printed {date}", "phone": "Phone", "crisis_line": "Crisis line",
  "version": "Version {version}, checked {reviewed}", "your_clinic": "Your clinic",
  "plan_call": "Someone I trust:", "plan_name": "Someone I can call:",
  "learn_more_at": "Learn more: {website}"})";

// A whole handout file around the given blocks of its one section.
std::string handoutWith(const std::string& blocks) {
  return R"({"id": "tiny", "language": "en", "version": "1.0", "reviewed": "2026-12-01",
             "title": "Tiny", )" +
         kLabels + R"(, "sections": [{"id": "one", "heading": "One", "blocks": [)" + blocks +
         "]}]}";
}

struct Failure {
  ErrorKind kind;
  std::string message;
};

Failure failureLoading(const std::filesystem::path& file) {
  try {
    loadHandoutContent(file);
  } catch (const Error& e) {
    return {e.kind(), e.what()};
  }
  return {ErrorKind::output, "no error"};
}

class HandoutLoader : public ::testing::Test {
 protected:
  Failure load(const std::string& content) {
    writeFile(file_, content);
    return failureLoading(file_);
  }
  std::string prefix() const { return file_.string() + ": "; }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "tiny.json";
};

}  // namespace

TEST_F(HandoutLoader, ReadsEveryBlockKind) {
  writeFile(file_, handoutWith(R"(
    {"type": "paragraph", "text": "Hello.", "covers": ["G1"]},
    {"type": "bullets", "items": [{"text": "One.", "covers": ["P1", "P2"]}, {"text": "Two."}]},
    {"type": "tip", "title": "Tip", "text": "Tip text.", "covers": ["G3"]},
    {"type": "safety", "text": "Never shake a baby.", "covers": ["S2"]},
    {"type": "help_lines"},
    {"type": "reading", "items": [{"title": "Tummy time", "text": "Play.", "covers": ["READ3"]}]})"));
  const auto content = loadHandoutContent(file_);
  EXPECT_EQ(content.id, "tiny");
  EXPECT_EQ(content.language, Language::en);
  EXPECT_EQ(content.label("page_of"), "Page {page} of {pages}");
  ASSERT_EQ(content.sections.size(), 1u);
  const auto& blocks = content.sections[0].blocks;
  ASSERT_EQ(blocks.size(), 6u);
  EXPECT_EQ(blocks[0].kind, BlockKind::paragraph);
  EXPECT_EQ(blocks[1].kind, BlockKind::bullets);
  EXPECT_EQ(blocks[1].items[0].covers, (std::vector<std::string>{"P1", "P2"}));
  EXPECT_TRUE(blocks[1].items[1].covers.empty());
  EXPECT_EQ(blocks[2].title, "Tip");
  EXPECT_EQ(blocks[3].kind, BlockKind::safety);
  EXPECT_TRUE(blocks[3].title.empty());
  EXPECT_EQ(blocks[4].kind, BlockKind::help_lines);
  EXPECT_EQ(blocks[5].items[0].title, "Tummy time");
  EXPECT_EQ(securebase::handout::coveredGuidanceIds(content),
            (std::set<std::string>{"G1", "G3", "P1", "P2", "READ3", "S2"}));
}

TEST_F(HandoutLoader, MissingFileIsNotFound) {
  const auto failure = failureLoading(dir_ / "absent.json");
  EXPECT_EQ(failure.kind, ErrorKind::not_found);
  EXPECT_EQ(failure.message, "handout content file not found: " + (dir_ / "absent.json").string());
}

TEST_F(HandoutLoader, MalformedJsonNamesLineAndColumn) {
  const auto failure = load("{\"id\": \"tiny\",\n  \"language\": }\n");
  EXPECT_EQ(failure.kind, ErrorKind::bad_input);
  EXPECT_EQ(failure.message, prefix() + "line 2, column 15: not valid JSON");
}

TEST_F(HandoutLoader, TruncatedJsonIsRefused) {
  const auto failure = load("{\"id\": \"tiny\"");
  EXPECT_EQ(failure.kind, ErrorKind::bad_input);
  EXPECT_EQ(
      failure.message,
      prefix() +
          "line 1, column 14: not valid JSON (the file ends too early: a '}' or ']' is missing)");
}

TEST_F(HandoutLoader, UnknownBlockTypeNamesItsPath) {
  const auto failure = load(handoutWith(R"({"type": "paragraph", "text": "Hi."},
                                           {"type": "video", "text": "Hi."})"));
  EXPECT_EQ(failure.kind, ErrorKind::bad_input);
  EXPECT_EQ(failure.message,
            prefix() +
                "$.sections[0].blocks[1].type: unknown block type \"video\" "
                "(expected paragraph, bullets, tip, safety, help_lines, reading, remember or "
                "plan)");
}

TEST_F(HandoutLoader, InvalidUtf8NamesTheLine) {
  const auto failure = load("{\"id\": \"tiny\",\n\"title\": \"caf\xE9\"}\n");
  EXPECT_EQ(failure.kind, ErrorKind::bad_input);
  EXPECT_EQ(failure.message,
            prefix() + "line 2, column 14: not valid UTF-8 text (save the file as UTF-8)");
}

TEST_F(HandoutLoader, UnknownFieldIsRefused) {
  const auto failure =
      load(handoutWith(R"({"type": "paragraph", "text": "Hi.", "cover": ["G1"]})"));
  EXPECT_EQ(failure.message, prefix() +
                                 "$.sections[0].blocks[0]: unknown field \"cover\" (expected "
                                 "type, text, covers, picture)");
}

TEST_F(HandoutLoader, MissingTextIsRefused) {
  const auto failure = load(handoutWith(R"({"type": "tip", "text": "Hi."})"));
  EXPECT_EQ(failure.message, prefix() + "$.sections[0].blocks[0]: missing field \"title\"");
}

TEST_F(HandoutLoader, EmptyBulletListIsRefused) {
  const auto failure = load(handoutWith(R"({"type": "bullets", "items": []})"));
  EXPECT_EQ(failure.message, prefix() + "$.sections[0].blocks[0].items: the list is empty");
}

TEST_F(HandoutLoader, BadGuidanceIdIsRefused) {
  const auto failure =
      load(handoutWith(R"({"type": "paragraph", "text": "Hi.", "covers": ["g1"]})"));
  EXPECT_EQ(failure.message, prefix() +
                                 "$.sections[0].blocks[0].covers[0]: must be a guidance id: "
                                 "capital letters then digits, like \"G1\" or \"READ2\"");
}

TEST_F(HandoutLoader, BareChildMarkerIsRefusedInHandoutText) {
  const auto failure = load(handoutWith(R"({"type": "paragraph", "text": "Hold {child}."})"));
  EXPECT_EQ(failure.message, prefix() +
                                 "$.sections[0].blocks[0].text: text uses {child} without a "
                                 "fallback and no baby name was given: write {child|your baby}");
}

TEST_F(HandoutLoader, UnknownMarkerIsRefusedInHandoutText) {
  const auto failure = load(handoutWith(R"({"type": "paragraph", "text": "Hold {chlid|it}."})"));
  EXPECT_EQ(failure.message, prefix() +
                                 "$.sections[0].blocks[0].text: unknown marker \"{chlid|it}\" (use "
                                 "{child|your baby} or {f:…|m:…|u:…})");
}

TEST_F(HandoutLoader, HalfAgreementMarkerIsRefused) {
  const auto failure =
      load(handoutWith(R"({"type": "paragraph", "text": "Está {m:listo|f:lista}."})"));
  EXPECT_EQ(failure.message, prefix() +
                                 "$.sections[0].blocks[0].text: agreement marker {m:listo|f:lista} "
                                 "lacks the u: alternative, like {f:lista|m:listo|u:con ganas}");
}

TEST_F(HandoutLoader, UnknownAgeBandIsRefused) {
  std::string text = handoutWith(R"({"type": "paragraph", "text": "Hi."})");
  text.replace(text.find(R"("heading": "One")"), 16, R"("heading": "One", "ages": ["0-2"])");
  EXPECT_EQ(load(text).message,
            prefix() + "$.sections[0].ages: must hold only general, 0-3, 4-6, 7-12 or 13-24");
}

TEST_F(HandoutLoader, MissingReviewDateIsRefused) {
  std::string text = handoutWith(R"({"type": "paragraph", "text": "Hi."})");
  text.replace(text.find(R"("reviewed": "2026-12-01")"), 24, R"("reviewed": "soon")");
  EXPECT_EQ(load(text).message, prefix() + "$.reviewed: must be a date like 2026-12-01");
}

TEST_F(HandoutLoader, MissingLabelIsRefused) {
  std::string text = handoutWith(R"({"type": "help_lines"})");
  text.replace(text.find(R"("phone": "Phone")"), 16, R"("fax": "Fax")");
  const auto failure = load(text);
  EXPECT_EQ(failure.message, prefix() + "$.labels.phone: is missing");
}

TEST_F(HandoutLoader, UnknownLanguageIsRefused) {
  std::string text = handoutWith(R"({"type": "help_lines"})");
  text.replace(text.find(R"("language": "en")"), 16, R"("language": "fr")");
  const auto failure = load(text);
  EXPECT_EQ(failure.message, prefix() + "$.language: unknown language \"fr\" (expected en or es)");
}

TEST(HandoutLoaderById, RefusesIdsThatAreNotPlainNames) {
  try {
    loadHandoutContent("../secrets", Language::en);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::bad_input);
    EXPECT_STREQ(
        e.what(),
        "handout id \"../secrets\" is not valid: use lowercase letters, digits and dashes");
  }
}

TEST(HandoutLoaderById, UnknownHandoutIsNotFound) {
  try {
    loadHandoutContent("no-such-handout", Language::es);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::not_found);
    EXPECT_TRUE(std::string_view(e.what()).ends_with("/assets/handouts/es/no-such-handout.json"))
        << e.what();
  }
}

TEST(HandoutLoaderById, RefusesAFileInTheWrongLanguageFolder) {
  TempDir data;
  std::filesystem::create_directories(data / "assets/handouts/es");
  writeFile(data / "assets/handouts/es/tiny.json", handoutWith(R"({"type": "help_lines"})"));
  ::setenv("SECUREBASE_DATA_DIR", data.path().c_str(), 1);
  try {
    loadHandoutContent("tiny", Language::es);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              (data / "assets/handouts/es/tiny.json").string() +
                  ": $.language: is \"en\" but the file is in the es folder");
  }
  ::unsetenv("SECUREBASE_DATA_DIR");
}
