// exchange::parseVisitFile: the shape of a visit file, and a message naming the JSON path of
// every problem.
#include "securebase/exchange/visit_file.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "securebase/core/error.h"
#include "securebase/model/json.h"

using namespace securebase;
namespace json = boost::json;

namespace {

const std::string kFull = R"({
  "family_id": 12, "counselor_id": 4, "date": "2026-11-20", "outcome": "completed",
  "place": "home", "present": "Ana, Sofía", "form_id": "attachment-practices",
  "form_version": 1, "notes": "Calm visit.\nBaby slept at the end.",
  "next_planned": "2026-12-04",
  "observation_sets": [
    {"caregiver_id": 3, "child_id": 5, "observations": [
      {"item_id": "responds-to-cry", "rating": 2, "note": "went at once", "focus": true},
      {"item_id": "soft-voice", "not_observed": true},
      {"item_id": "wellbeing-concern", "value": "no"},
      {"item_id": "hours-slept", "value": 6.5}]},
    {"caregiver_id": 8, "child_id": 5, "observations": []}]})";

// The message of the error parsing `text` raises, or "(no error)".
std::string errorOf(const std::string& text) {
  try {
    exchange::parseVisitFile(text, "visit.json");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::bad_input);
    return e.what();
  }
  return "(no error)";
}

// kFull with one observation of the first set replaced by `observation` (index 2).
std::string withObservation(const std::string& observation) {
  const std::string from = R"({"item_id": "wellbeing-concern", "value": "no"})";
  std::string text = kFull;
  text.replace(text.find(from), from.size(), observation);
  return text;
}

std::string withField(const std::string& field, const std::string& value) {
  auto root = json::parse(kFull).as_object();
  if (value.empty())
    root.erase(field);
  else
    root[field] = json::parse(value);
  return json::serialize(root);
}

}  // namespace

TEST(VisitFile, AFullFileGivesEveryField) {
  const auto v = exchange::parseVisitFile(kFull, "visit.json");
  EXPECT_EQ(v.id, 0);
  EXPECT_EQ(v.family_id, 12);
  EXPECT_EQ(v.counselor_id, 4);
  EXPECT_EQ(v.date.iso(), "2026-11-20");
  EXPECT_EQ(v.outcome, model::VisitOutcome::completed);
  EXPECT_EQ(v.place, "home");
  EXPECT_EQ(v.present, "Ana, Sofía");
  EXPECT_EQ(v.form_id, "attachment-practices");
  EXPECT_EQ(v.form_version, 1);
  EXPECT_EQ(v.notes, "Calm visit.\nBaby slept at the end.");
  ASSERT_TRUE(v.next_planned);
  EXPECT_EQ(v.next_planned->iso(), "2026-12-04");
  EXPECT_EQ(v.status, model::VisitStatus::draft);
  ASSERT_EQ(v.sets.size(), 2u);
  EXPECT_EQ(v.sets[0].caregiver_id, 3);
  EXPECT_EQ(v.sets[0].child_id, 5);
  EXPECT_EQ(v.sets[1].caregiver_id, 8);
  EXPECT_TRUE(v.sets[1].observations.empty());
  const auto& o = v.sets[0].observations;
  ASSERT_EQ(o.size(), 4u);
  EXPECT_EQ(o[0].item_id, "responds-to-cry");
  EXPECT_EQ(o[0].value, "2");
  EXPECT_EQ(o[0].rating(), 2);
  EXPECT_EQ(o[0].note, "went at once");
  EXPECT_TRUE(o[0].focus);
  EXPECT_TRUE(o[1].not_observed);
  EXPECT_EQ(o[1].value, "");
  EXPECT_FALSE(o[1].focus);
  EXPECT_EQ(o[2].value, "no");
  EXPECT_EQ(o[3].value, "6.5");
}

TEST(VisitFile, OnlyTheRequiredFieldsAreNeeded) {
  const auto v = exchange::parseVisitFile(
      R"({"family_id": 1, "date": "2025-01-31", "form_id": "f", "form_version": 2})", "v.json");
  EXPECT_EQ(v.outcome, model::VisitOutcome::completed);
  EXPECT_FALSE(v.counselor_id);
  EXPECT_FALSE(v.next_planned);
  EXPECT_TRUE(v.sets.empty());
  EXPECT_EQ(v.place, "");
}

TEST(VisitFile, OutputOnlyFieldsAreIgnored) {
  auto root = json::parse(kFull).as_object();
  root["id"] = 99;
  root["uuid"] = "4f1c0a52-0000-4000-8000-000000000000";
  root["status"] = "signed";
  root["signed_at"] = "2026-11-20T10:00:00Z";
  root["signed_by"] = "Dana";
  root["amends_visit_id"] = 7;
  root["superseded_by"] = nullptr;
  root["observation_sets"].as_array()[0].as_object()["id"] = 41;
  const auto v = exchange::parseVisitFile(json::serialize(root), "visit.json");
  EXPECT_EQ(v.id, 0);
  EXPECT_EQ(v.uuid, "");
  EXPECT_EQ(v.status, model::VisitStatus::draft);
  EXPECT_EQ(v.signed_by, "");
  EXPECT_EQ(v.signed_at, "");
  EXPECT_FALSE(v.amends_visit_id);
  EXPECT_EQ(v.sets[0].id, 0);
}

TEST(VisitFile, WhatVisitShowPrintsReadsBackTheSame) {
  auto v = exchange::parseVisitFile(kFull, "visit.json");
  const auto again = exchange::parseVisitFile(json::serialize(model::toJson(v)), "shown.json");
  EXPECT_EQ(json::serialize(model::toJson(again)), json::serialize(model::toJson(v)));
}

TEST(VisitFile, NotJsonOrNotUtf8NamesTheLineAndColumn) {
  EXPECT_EQ(errorOf("caf\xE9"),
            "visit.json: line 1, column 4: not valid UTF-8 text (save the file as UTF-8)");
  EXPECT_EQ(errorOf("{\"family_id\": 1,\n \"notes\": \"caf\xE9\"}"),
            "visit.json: line 2, column 15: not valid UTF-8 text (save the file as UTF-8)");
  EXPECT_EQ(errorOf("{\"family_id\": 1,\n  }"), "visit.json: line 2, column 3: not valid JSON");
  EXPECT_EQ(errorOf(""),
            "visit.json: line 1, column 1: not valid JSON (the file ends too early: a '}' or ']' "
            "is missing)");
  EXPECT_EQ(errorOf("{\"family_id\": 1"),
            "visit.json: line 1, column 16: not valid JSON (the file ends too early: a '}' or ']' "
            "is missing)");
  EXPECT_EQ(errorOf("{}\n}"),
            "visit.json: line 2, column 1: not valid JSON (text after the end of the visit)");
  EXPECT_EQ(errorOf("[1]"), "visit.json: $: expected an object, found an array");
  EXPECT_EQ(errorOf("\"visit\""), "visit.json: $: expected an object, found a string");
}

TEST(VisitFile, NumberAnswersKeepTheirWrittenForm) {
  for (const auto& [written, kept] : std::vector<std::pair<std::string, std::string>>{
           {"6.5", "6.5"}, {"7", "7"}, {"-2", "-2"}, {"0.25", "0.25"}, {"1e3", "1000"}}) {
    const auto v = exchange::parseVisitFile(
        withObservation(R"({"item_id": "x", "value": )" + written + "}"), "visit.json");
    EXPECT_EQ(v.sets[0].observations[2].value, kept) << written;
  }
}

TEST(VisitFile, RequiredFieldsAreNamed) {
  EXPECT_EQ(errorOf(withField("family_id", "")), "visit.json: $.family_id: missing");
  EXPECT_EQ(errorOf(withField("date", "")), "visit.json: $.date: missing");
  EXPECT_EQ(errorOf(withField("form_id", "")), "visit.json: $.form_id: missing");
  EXPECT_EQ(errorOf(withField("form_version", "")), "visit.json: $.form_version: missing");
  EXPECT_EQ(errorOf(withField("family_id", "null")), "visit.json: $.family_id: missing");
}

TEST(VisitFile, FieldsOfTheWrongKind) {
  EXPECT_EQ(errorOf(withField("family_id", "\"12\"")),
            "visit.json: $.family_id: expected a whole number, found a string");
  EXPECT_EQ(errorOf(withField("family_id", "1.5")),
            "visit.json: $.family_id: expected a whole number, found a decimal number");
  EXPECT_EQ(errorOf(withField("family_id", "0")), "visit.json: $.family_id: must be a positive id");
  EXPECT_EQ(errorOf(withField("form_version", "0")),
            "visit.json: $.form_version: must be a positive version");
  EXPECT_EQ(errorOf(withField("place", "3")),
            "visit.json: $.place: expected a string, found a number");
  EXPECT_EQ(errorOf(withField("outcome", "\"done\"")),
            "visit.json: $.outcome: \"done\" is not completed, missed or cancelled");
  EXPECT_EQ(errorOf(withField("notes", "\"a\\u0007b\"")),
            "visit.json: $.notes: the text contains a control character");
  EXPECT_EQ(errorOf(withField("observation_sets", "{}")),
            "visit.json: $.observation_sets: expected an array, found an object");
  EXPECT_EQ(errorOf(withField("observation_sets", "[7]")),
            "visit.json: $.observation_sets[0]: expected an object, found a number");
}

TEST(VisitFile, DatesMustBeRealCalendarDays) {
  EXPECT_EQ(errorOf(withField("date", "\"2025-02-30\"")),
            "visit.json: $.date: \"2025-02-30\" is not a date like 2024-05-31");
  EXPECT_EQ(errorOf(withField("date", "\"30/01/2025\"")),
            "visit.json: $.date: \"30/01/2025\" is not a date like 2024-05-31");
  EXPECT_EQ(errorOf(withField("date", "\"\"")),
            "visit.json: $.date: \"\" is not a date like 2024-05-31");
  EXPECT_EQ(errorOf(withField("next_planned", "\"2025-13-01\"")),
            "visit.json: $.next_planned: \"2025-13-01\" is not a date like 2024-05-31");
  EXPECT_EQ(exchange::parseVisitFile(withField("next_planned", "\"\""), "v").next_planned,
            std::nullopt);
}

TEST(VisitFile, ObservationProblemsNameTheirPath) {
  EXPECT_EQ(errorOf(withObservation(R"({"item_id": "x", "rating": "2"})")),
            "visit.json: $.observation_sets[0].observations[2].rating: expected a whole number, "
            "found a string");
  EXPECT_EQ(errorOf(withObservation(R"({"item_id": "x", "rating": 1.5})")),
            "visit.json: $.observation_sets[0].observations[2].rating: expected a whole number, "
            "found a decimal number");
  EXPECT_EQ(errorOf(withObservation(R"({"item_id": "x", "value": true})")),
            "visit.json: $.observation_sets[0].observations[2].value: expected a string or a "
            "number");
  EXPECT_EQ(errorOf(withObservation(R"({"rating": 1})")),
            "visit.json: $.observation_sets[0].observations[2].item_id: missing");
  EXPECT_EQ(errorOf(withObservation(R"({"item_id": "", "rating": 1})")),
            "visit.json: $.observation_sets[0].observations[2].item_id: must not be empty");
  EXPECT_EQ(errorOf(withObservation(R"({"item_id": "x", "rating": 1, "focus": "yes"})")),
            "visit.json: $.observation_sets[0].observations[2].focus: expected true or false, "
            "found a string");
  EXPECT_EQ(errorOf(withObservation("[]")),
            "visit.json: $.observation_sets[0].observations[2]: expected an object, found an "
            "array");
}

TEST(VisitFile, OneAnswerPerObservation) {
  EXPECT_EQ(errorOf(withObservation(R"({"item_id": "x", "rating": 1, "not_observed": true})")),
            "visit.json: $.observation_sets[0].observations[2]: give only one of rating, value "
            "or not_observed");
  EXPECT_EQ(errorOf(withObservation(R"({"item_id": "x", "rating": 1, "value": "1"})")),
            "visit.json: $.observation_sets[0].observations[2]: give only one of rating, value "
            "or not_observed");
  // not_observed false is no answer of its own.
  EXPECT_EQ(errorOf(withObservation(R"({"item_id": "x", "rating": 1, "not_observed": false})")),
            "(no error)");
}

TEST(VisitFile, AnItemAnsweredTwiceInOneSet) {
  EXPECT_EQ(errorOf(withObservation(R"({"item_id": "responds-to-cry", "rating": 0})")),
            "visit.json: $.observation_sets[0].observations[2]: item \"responds-to-cry\" is "
            "answered twice");
  // The same item for another caregiver is a different answer.
  auto root = json::parse(kFull).as_object();
  root["observation_sets"].as_array()[1].as_object()["observations"] =
      json::parse(R"([{"item_id": "responds-to-cry", "rating": 0}])");
  EXPECT_EQ(errorOf(json::serialize(root)), "(no error)");
}

TEST(VisitFile, UnknownFieldsAreRefusedWhereverTheyAre) {
  EXPECT_EQ(errorOf(withField("familly_id", "1")), "visit.json: $.familly_id: unknown field");
  EXPECT_EQ(errorOf(withObservation(R"({"item_id": "x", "ratng": 1})")),
            "visit.json: $.observation_sets[0].observations[2].ratng: unknown field");
  auto root = json::parse(kFull).as_object();
  root["observation_sets"].as_array()[1].as_object()["child"] = 5;
  EXPECT_EQ(errorOf(json::serialize(root)),
            "visit.json: $.observation_sets[1].child: unknown field");
  // Output-only fields are ignored only where visit show prints them.
  EXPECT_EQ(errorOf(withObservation(R"({"item_id": "x", "rating": 1, "id": 3})")),
            "visit.json: $.observation_sets[0].observations[2].id: unknown field");
}

TEST(VisitFile, AFieldWrittenTwiceIsRefused) {
  EXPECT_EQ(errorOf(R"({"family_id": 1, "date": "2025-01-01", "form_id": "f",)"
                    R"( "form_version": 1, "family_id": 2})"),
            "visit.json: $: field \"family_id\" appears twice");
  EXPECT_EQ(errorOf(withObservation(R"({"item_id": "x", "rating": 1, "rating": 2})")),
            "visit.json: $.observation_sets[0].observations[2]: field \"rating\" appears twice");
}
