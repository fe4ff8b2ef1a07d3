// Visits through the real binary: add from a file, show, sign with a warning, amend with a
// reason, discard a draft.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "cli_fixture.h"

using namespace securebase::testing;
namespace json = boost::json;

namespace {

const char* kSomeAnswers = R"({"item_id": "responds-to-cry", "rating": 2, "note": "went at once"},)"
                           R"({"item_id": "holds-to-comfort", "rating": 1, "focus": true},)"
                           R"({"item_id": "soft-voice", "not_observed": true},)"
                           R"({"item_id": "wellbeing-concern", "value": "no"})";

}  // namespace

class Visits : public CliTest {
 protected:
  void SetUp() override {
    init();
    ids_ = addFamily();
  }
  std::string addVisit(const std::string& observations = kSomeAnswers) {
    return ok({"visit", "add", "--from", writeVisitFile(ids_, observations).string()});
  }
  FamilyIds ids_;
};

TEST_F(Visits, AddFromFilePrintsTheIdAndShowPrintsEveryAnswer) {
  EXPECT_EQ(addVisit(), "1");
  const auto out = ok({"visit", "show", "1"});
  EXPECT_NE(out.find("Visit 1 — Rivera family (family 1)"), std::string::npos) << out;
  EXPECT_NE(out.find("Date: 2025-03-01   Outcome: completed   Place: home"), std::string::npos);
  EXPECT_NE(out.find("Present: Ana, Sofía"), std::string::npos);
  EXPECT_NE(out.find("Form: attachment-practices v1   Status: draft"), std::string::npos);
  EXPECT_NE(out.find("Goes to the baby each time the baby cries: 2 Clearly  — went at once"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(": 1 Sometimes  [to try]"), std::string::npos) << out;
  EXPECT_NE(out.find(": not observed"), std::string::npos);
  EXPECT_NE(out.find(": (unanswered)"), std::string::npos);
}

TEST_F(Visits, ShowAsJsonFeedsBackIntoVisitAdd) {
  addVisit();
  const auto shown = ok({"visit", "show", "1", "--format", "json"});
  const auto parsed = json::parse(shown).as_object();
  EXPECT_EQ(parsed.at("status").as_string(), "draft");
  EXPECT_EQ(parsed.at("date").as_string(), "2025-03-01");
  const auto& observations = parsed.at("observation_sets").as_array()[0].at("observations");
  EXPECT_EQ(observations.as_array().size(), 4u);

  const auto file = dir() / "shown.json";
  writeFile(file, shown);
  EXPECT_EQ(ok({"visit", "add", "--from", file.string()}), "2");
  auto copy = json::parse(ok({"visit", "show", "2", "--format", "json"})).as_object();
  auto original = parsed;
  for (const char* differs : {"id", "uuid"}) {
    EXPECT_NE(copy.at(differs), original.at(differs)) << differs;
    copy.erase(differs);
    original.erase(differs);
  }
  // Observation set ids are new too; everything else arrives unchanged.
  copy["observation_sets"].as_array()[0].as_object().erase("id");
  original["observation_sets"].as_array()[0].as_object().erase("id");
  EXPECT_EQ(json::serialize(copy), json::serialize(original));
}

TEST_F(Visits, SigningWarnsAboutUnansweredItemsAndSucceeds) {
  addVisit();
  ok({"counselor", "add", "--name", "Dana Cruz"});
  const auto result = cli({"visit", "sign", "1", "--as", "dana"});
  EXPECT_EQ(result.exit_code, 0) << describe(result);
  // The only output is the trail's head for the paper record (see audit_cli_test.cpp).
  EXPECT_EQ(result.out.rfind("Audit chain head: ", 0), 0u) << result.out;
  EXPECT_EQ(result.out.size(), std::string("Audit chain head: \n").size() + 64) << result.out;
  ASSERT_EQ(result.errLines().size(), 1u) << describe(result);
  const auto warning = result.errLines()[0];
  EXPECT_EQ(warning.rfind("securebase-cli: warning: visit 1 was signed with ", 0), 0u) << warning;
  EXPECT_NE(warning.find(" reads-different-cries"), std::string::npos) << warning;
  EXPECT_NE(warning.find(" next-step"), std::string::npos) << warning;
  EXPECT_EQ(warning.find(" responds-to-cry"), std::string::npos) << warning;
  EXPECT_EQ(warning.find(" soft-voice"), std::string::npos) << warning;  // not observed counts
  EXPECT_NE(ok({"visit", "show", "1"}).find("Status: signed by Dana Cruz at "), std::string::npos);
}

TEST_F(Visits, AmendmentSignedReplacesTheOriginalWhichStaysReadable) {
  addVisit();
  workAsDana();
  cli({"visit", "sign", "1"});
  // The reason is required.
  EXPECT_TRUE(refused(cli({"visit", "amend", "1"}), 1, "reason"));
  EXPECT_TRUE(refused(cli({"visit", "amend", "1", "--reason", " "}), 1, "must not be empty"));
  const auto amendment = ok({"visit", "amend", "1", "--reason", "Rated the wrong caregiver"});
  EXPECT_EQ(amendment, "2");
  const auto shown = ok({"visit", "show", amendment});
  EXPECT_NE(shown.find("Amends visit 1"), std::string::npos) << shown;
  EXPECT_NE(shown.find("Reason for the amendment: Rated the wrong caregiver"), std::string::npos)
      << shown;
  EXPECT_EQ(ok({"visit", "show", "1"}).find("Replaced by"), std::string::npos);
  cli({"visit", "sign", amendment});
  const auto original = ok({"visit", "show", "1"});
  EXPECT_NE(original.find("Replaced by amendment 2"), std::string::npos) << original;
  EXPECT_NE(original.find("went at once"), std::string::npos);
  const auto family = ok({"family", "show", ids_.family});
  EXPECT_NE(family.find("(replaced by 2)"), std::string::npos) << family;
  EXPECT_NE(family.find("(amends 1)  reason: Rated the wrong caregiver"), std::string::npos)
      << family;
}

TEST_F(Visits, DiscardThrowsADraftAwayButNeverASignedVisit) {
  addVisit();
  addVisit();
  workAsDana();
  cli({"visit", "sign", "1"});
  EXPECT_TRUE(refused(cli({"visit", "discard", "1"}), 1, "can never be discarded"));
  EXPECT_NE(ok({"visit", "show", "1"}).find("Status: signed"), std::string::npos);

  EXPECT_EQ(ok({"visit", "discard", "2"}), "Discarded draft visit 2");
  EXPECT_TRUE(refused(cli({"visit", "show", "2"}), 2, "no visit with id 2"));
  const auto family = ok({"family", "show", ids_.family});
  EXPECT_EQ(family.find("draft"), std::string::npos) << family;
  // The audit keeps a "discard" row naming the counselor, and the trail still verifies.
  const auto trail = tableRows(dump(), "audit_log");
  const auto row = trail.find("discard");
  ASSERT_NE(row, std::string::npos) << trail;
  const auto line = trail.substr(trail.rfind('\n', row) + 1, trail.find('\n', row) - row);
  EXPECT_NE(line.find("Dana Cruz"), std::string::npos) << line;
  ok({"audit", "verify"});
}

TEST_F(Visits, ACompletedVisitSetsLastVisitAndNextDueInTheList) {
  const auto file = dir() / "planned.json";
  writeFile(file, "{\"family_id\": " + ids_.family +
                      ", \"date\": \"2025-03-01\", \"form_id\": \"attachment-practices\", "
                      "\"form_version\": 1, \"next_planned\": \"2025-03-20\"}");
  ok({"visit", "add", "--from", file.string()});
  // A draft counts for nothing yet; signed, it sets last visit and next due.
  EXPECT_EQ(ok({"family", "list", "--format", "csv"}).find(",2025-03-01,2025-03-20,"),
            std::string::npos);
  workAsDana();
  ok({"visit", "sign", "1"});
  const auto csv = ok({"family", "list", "--format", "csv"});
  EXPECT_NE(csv.find(",2025-03-01,2025-03-20,"), std::string::npos) << csv;
}
